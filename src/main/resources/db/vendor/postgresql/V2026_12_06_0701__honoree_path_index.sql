create index ix_honoree_path on honoree (organization_path varchar_pattern_ops);
