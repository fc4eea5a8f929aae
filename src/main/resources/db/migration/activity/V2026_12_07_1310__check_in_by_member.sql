-- Which activities did a member attend (care's satisfaction ratings, issue 14, ask on every 我的 page): the check-in
-- table's unique keys lead with the activity, so a member's check-ins need an index of their own.
create index ix_check_in_member on check_in (member_id, activity_id);
