-- The platform search polls members written since its last poll (MemberSearchSource).
create index ix_member_updated on member (updated_at);
