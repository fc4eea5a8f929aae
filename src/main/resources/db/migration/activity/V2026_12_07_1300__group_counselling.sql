-- Group counselling (issue 14): the consent a member gave before a registration was created, and the least
-- group size an activity needs to take place (its capacity is the most).

-- consent_at: when the member accepted the consent text, consent_version: which text (RegistrationService
-- .CONSENT_VERSION). consent_offline: staff registered the member on their behalf and confirmed that the member
-- had signed the consent on paper; false when the member accepted it themself on their phone. Registrations of
-- other kinds carry no consent (all three empty / false).
alter table registration add column consent_at timestamp with time zone;
alter table registration add column consent_version varchar(20);
alter table registration add column consent_offline boolean default false not null;
alter table registration add constraint ck_registration_consent check ((consent_at is null) = (consent_version is null)
    and (consent_at is not null or not consent_offline));

-- At least this many participants for the group to take place ("至少 8 人成团"); never above the capacity.
alter table activity add column min_participants integer;
alter table activity add constraint ck_activity_min_participants check (min_participants is null
    or min_participants >= 1 and min_participants <= capacity);
