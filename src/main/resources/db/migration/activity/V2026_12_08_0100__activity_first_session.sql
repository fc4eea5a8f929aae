-- The day an activity is held is the start of its first session (the work plan's activity figures count on it).
-- Kept on the activity row, written with the sessions, so a district's figure is a range scan on one indexed
-- column instead of a minimum over the sessions of every activity in the subtree (bench/workplan-dashboard.sh).
alter table activity add column first_session_at timestamp with time zone;
update activity a set first_session_at = (select min(s.starts_at) from activity_session s where s.activity_id = a.id);
create index ix_activity_first_session on activity (first_session_at);
