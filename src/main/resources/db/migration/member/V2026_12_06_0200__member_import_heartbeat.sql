-- Which instance runs an import, and when it last said it was alive: jobs of an instance that died
-- (killed JVM, lost machine) are marked FAILED by any other instance once the heartbeat is stale.
alter table member_import add column owner varchar(64);
alter table member_import add column heartbeat_at timestamp;
update member_import set heartbeat_at = coalesce(finished_at, started_at);
create index ix_member_import_heartbeat on member_import (status, heartbeat_at);
-- The purge of old error reports looks jobs up by the time they finished.
create index ix_member_import_finished on member_import (finished_at);
