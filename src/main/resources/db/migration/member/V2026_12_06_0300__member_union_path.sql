-- The data-scope rule filters by the organisation path on the row itself (union_path like '/1/3/%'),
-- not by a list of every union id in the caller's subtree: a provincial administrator over 100,000
-- organisations would otherwise bind 100,000 parameters (more than PostgreSQL accepts) on every list.
-- The organization module publishes OrganizationMoved inside the move's transaction, and the member
-- module rewrites these paths in that same transaction (UnionPaths).
alter table member add column union_path varchar(400);
update member set union_path = (select o.path from organization o where o.id = member.union_id);
alter table member alter column union_path set not null;

alter table join_application add column union_path varchar(400);
update join_application set union_path = (select o.path from organization o where o.id = join_application.union_id);
alter table join_application alter column union_path set not null;

alter table member_import add column union_path varchar(400);
update member_import set union_path = (select o.path from organization o where o.id = member_import.union_id);
alter table member_import alter column union_path set not null;
