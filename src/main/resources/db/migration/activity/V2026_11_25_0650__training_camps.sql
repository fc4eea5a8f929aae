-- Training camps (issue 6): the completion rule and the partner institution that issues certificates.
alter table activity add column completion_min_share decimal(4, 3);
alter table activity add column completion_needs_assessment boolean default false not null;
alter table activity add column issuer varchar(100);
alter table activity add constraint ck_activity_completion_share check (completion_min_share is null
    or completion_min_share > 0 and completion_min_share <= 1);

-- Final assessment results for camps whose rule asks for one (entered by staff).
create table camp_assessment (
    activity_id  bigint       not null references activity (id),
    member_id    bigint       not null references member (id),
    passed       boolean      not null,
    recorded_by  varchar(64)  not null,
    recorded_at  timestamp with time zone not null,
    primary key (activity_id, member_id)
);

-- The completion of each trainee, evaluated when the camp finishes: attended counting sessions out of all
-- counting sessions, the assessment if the rule asks for one, the verdict, and a staff override with its reason.
create table camp_result (
    activity_id        bigint        not null references activity (id),
    member_id          bigint        not null references member (id),
    registration_id    bigint        not null references registration (id),
    attended_sessions  integer       not null,
    counting_sessions  integer       not null,
    assessment_passed  boolean,
    completed_by_rule  boolean       not null,
    completed          boolean       not null,
    override_reason    varchar(200),
    overridden_by      varchar(64),
    evaluated_at       timestamp with time zone not null,
    primary key (activity_id, member_id),
    constraint ck_camp_result_override check ((completed = completed_by_rule) or override_reason is not null)
);
