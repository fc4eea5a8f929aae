-- Care module (issue #14): a counsellor's photo, shown to the workers they serve next to the profile. One per
-- counsellor, replaced by a new upload; checked by content and stripped of metadata (shared.Photos) before storing.
-- A side table so lists never read the bytes; the version goes into the address so a replaced photo is never stale.
create table care_counsellor_photo (
    counsellor_id  bigint                   not null primary key references care_counsellor (id),
    content_type   varchar(40)              not null,
    content        bytea                    not null,
    byte_size      integer                  not null,
    width          integer                  not null,
    height         integer                  not null,
    version        integer                  not null default 1,
    uploaded_by    varchar(64)              not null,
    uploaded_at    timestamp with time zone not null,
    constraint ck_care_counsellor_photo_type check (content_type in ('image/jpeg', 'image/png'))
);
