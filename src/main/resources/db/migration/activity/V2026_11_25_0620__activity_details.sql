-- Who organises with whom, who speaks, where, and for whom (issue 5).

-- The venue: a service site of the facility module (by id) or a free address in activity.venue, or both.
alter table activity add column site_id bigint references site (id);

-- Co-organisers: another organisation of the tree, or a named department (党委教师工作部) outside it.
create table activity_co_organizer (
    activity_id      bigint        not null references activity (id),
    position         integer       not null,
    organization_id  bigint        references organization (id),
    name             varchar(100)  not null,
    primary key (activity_id, position)
);

-- Invited experts (a counsellor, a professor): names as they are printed on the programme.
create table activity_expert (
    activity_id  bigint        not null references activity (id),
    position     integer       not null,
    name         varchar(50)   not null,
    affiliation  varchar(100),
    primary key (activity_id, position)
);

-- Audience EMPLOYERS: members working for one of these employers may register.
create table activity_audience_employer (
    activity_id  bigint not null references activity (id),
    employer_id  bigint not null references employer (id),
    primary key (activity_id, employer_id)
);
create index ix_activity_audience_employer on activity_audience_employer (employer_id);

-- Audience NAMED_LIST: exactly these members may register.
create table activity_audience_member (
    activity_id  bigint not null references activity (id),
    member_id    bigint not null references member (id),
    primary key (activity_id, member_id)
);
create index ix_activity_audience_member on activity_audience_member (member_id);
