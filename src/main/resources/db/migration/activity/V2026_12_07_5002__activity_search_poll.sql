-- The platform search polls activities written since its last poll (ActivitySearchSource).
create index ix_activity_updated on activity (updated_at);
