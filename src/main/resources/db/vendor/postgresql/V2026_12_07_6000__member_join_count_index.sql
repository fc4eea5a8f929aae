-- The work plan's member figures (members joined in a year, by work form, in a subtree) count from this index alone:
-- the year is a range on join_date, the work form and the union path are read from the entry, so a district
-- dashboard over a million members does not visit the table (bench/workplan-dashboard.sh, docs/benchmarks.md).
-- H2, the embedded default, holds demo-sized data and keeps the plain join_date index.
create index ix_member_join_count on member (join_date, work_form) include (union_path, status);
drop index ix_member_join_date;
