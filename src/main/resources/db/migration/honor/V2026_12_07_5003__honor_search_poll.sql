-- The platform search polls honorees written since its last poll (HonoreeSearchSource).
create index ix_honoree_updated on honoree (updated_at);
