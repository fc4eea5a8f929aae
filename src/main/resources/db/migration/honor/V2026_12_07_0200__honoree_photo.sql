-- Honor module: an honoree's photo (issue #13). One per honoree, replaced by a new upload; checked by
-- content and stripped of its metadata (shared.Photos) before it is stored. A side table, so that lists and
-- searches of honorees never read the bytes; the version changes on every replacement and goes into the
-- photo's address, so browsers never show a replaced photo from their cache.
create table honoree_photo (
    honoree_id    bigint        not null primary key references honoree (id),
    content_type  varchar(40)   not null,
    content       bytea         not null,
    byte_size     integer       not null,
    width         integer       not null,
    height        integer       not null,
    version       integer       not null default 1,
    uploaded_by   varchar(64)   not null,
    uploaded_at   timestamp     not null,
    constraint ck_honoree_photo_type check (content_type in ('image/jpeg', 'image/png'))
);
