-- PostgreSQL only: name prefix search (name LIKE '张%') needs pattern operators under a non-C collation.
create index ix_member_name_prefix on member (name varchar_pattern_ops);
