-- The platform search polls organisations and employers written since its last poll (OrganizationSearchSource).
create index ix_organization_updated on organization (updated_at);
create index ix_employer_updated on employer (updated_at);
