-- A password handed out by staff (a one-time code read out to a worker) must be changed at the next sign-in.
alter table account add column must_change_password boolean not null default false;
