-- The member list by name, in list order (see the PostgreSQL version, which also covers scope and status).
create index ix_member_name_id on member (name, id);
drop index ix_member_name;
