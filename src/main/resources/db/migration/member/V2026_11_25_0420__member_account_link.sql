-- A member who signs in (a WORKER account) is linked to their member record by the account's username.
-- Accounts belong to the platform module, so the link is kept here, by name, not as a foreign key.
alter table member add column account_username varchar(64);
create unique index ux_member_account on member (account_username);
