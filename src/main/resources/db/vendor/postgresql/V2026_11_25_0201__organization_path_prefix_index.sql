-- PostgreSQL only: prefix searches (path LIKE '/1/3/%') use a B-tree only with pattern operators
-- when the database collation is not C. H2 uses the plain unique index for prefixes.
create index ix_organization_path_prefix on organization (path varchar_pattern_ops);
