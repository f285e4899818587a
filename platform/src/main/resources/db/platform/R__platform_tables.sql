-- The platform's tables, in every service's database (each service adds classpath:db/platform
-- to quarkus.flyway.locations). A repeatable migration, written so that it can run on any
-- earlier state: the services created outbox_event and request_audit in their own versioned
-- migrations before the platform existed, and those stay as their history. Flyway runs this
-- again whenever its text changes, so every statement must be idempotent.

-- Transactional outbox (columns compatible with Debezium's outbox event router).
create table if not exists outbox_event (
    id             bigserial primary key,
    event_id       uuid         not null unique,
    aggregate_type varchar(64)  not null,
    aggregate_id   varchar(128) not null,
    event_type     varchar(128) not null,
    payload        text         not null,
    created_at     timestamptz  not null,
    sent_at        timestamptz,
    attempts       integer      not null default 0,
    last_error     text
);
-- An event the broker refused for good: kept, out of the relay's way, until an operator
-- retries (failed_at back to null) or discards it.
alter table outbox_event add column if not exists failed_at timestamptz;
alter table outbox_event add column if not exists discarded_at timestamptz;
alter table outbox_event add column if not exists discarded_by varchar(256);
alter table outbox_event add column if not exists discard_reason varchar(2000);
-- The relay's queue: rows neither sent, failed nor discarded, in id order.
drop index if exists outbox_event_pending;
create index if not exists outbox_event_queue on outbox_event (id)
    where sent_at is null and failed_at is null and discarded_at is null;
create index if not exists outbox_event_failed on outbox_event (id) where failed_at is not null and discarded_at is null;

-- Who asked for each accepted write (platform RequestAudit): the token's subject.
create table if not exists request_audit (id bigserial primary key, at timestamptz not null default now(),
    subject text not null, roles text not null, token_agency text, agency text, method text not null,
    path text not null, status int not null);
create index if not exists request_audit_agency on request_audit (agency, id);

-- A consumed event that could not be applied: parked for an operator to see, retry or discard
-- (platform ParkedEvents). The record is kept whole, so a retry applies the very same event.
create table if not exists parked_event (
    id             bigserial primary key,
    consumer       varchar(64)   not null,
    event_id       varchar(64),
    event_type     varchar(256),
    record_key     varchar(512),
    topic          varchar(249)  not null,
    partition_no   integer       not null,
    record_offset  bigint        not null,
    payload        text,
    reason_kind    varchar(32)   not null,
    reason         varchar(4000) not null,
    parked_at      timestamptz   not null default now(),
    attempts       integer       not null default 1,
    status         varchar(16)   not null default 'parked',
    resolved_at    timestamptz,
    resolved_by    varchar(256),
    resolution     varchar(2000),
    unique (consumer, topic, partition_no, record_offset)
);
create index if not exists parked_event_open on parked_event (id) where status = 'parked';
