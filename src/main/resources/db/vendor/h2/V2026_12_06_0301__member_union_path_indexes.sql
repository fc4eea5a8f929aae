-- H2 uses a plain index for LIKE 'prefix%'.
create index ix_member_union_path on member (union_path);
create index ix_join_application_union_path on join_application (union_path, status);
create index ix_member_import_union_path on member_import (union_path);
