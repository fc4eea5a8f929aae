-- Prefix searches on the path need pattern operators under a non-C collation.
create index ix_member_union_path on member (union_path varchar_pattern_ops);
create index ix_join_application_union_path on join_application (union_path varchar_pattern_ops, status);
create index ix_member_import_union_path on member_import (union_path varchar_pattern_ops);
