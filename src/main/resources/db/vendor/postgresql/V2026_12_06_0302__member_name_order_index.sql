-- The member list by name: an index in list order (name, id) that also covers the scope and status
-- filters, so a page is read from the index in order and the count is an index-only scan. With the
-- database's collation C (as installed, docs/operations) LIKE 'prefix%' is a range on this index.
create index ix_member_name_id on member (name, id) include (union_path, status);
drop index ix_member_name;
