-- The planning slice: agencies, their sasaran, indicators and yearly targets.
create table agency (
    id       uuid primary key,
    code     varchar(64)  not null unique,
    name     varchar(300) not null,
    revision bigint       not null
);

create table sasaran (
    id        uuid primary key,
    agency_id uuid          not null references agency (id),
    code      varchar(64)   not null,
    name      varchar(1000) not null,
    ordinal   integer       not null,
    revision  bigint        not null,
    unique (agency_id, code)
);

create table indicator (
    id         uuid primary key,
    agency_id  uuid          not null references agency (id),
    sasaran_id uuid          not null references sasaran (id),
    code       varchar(64)   not null,
    name       varchar(1000) not null,
    unit       varchar(64)   not null,
    polarity   varchar(16)   not null check (polarity in ('POSITIVE', 'NEGATIVE')),
    revision   bigint        not null,
    unique (agency_id, code)
);

create table target (
    id           uuid primary key,
    indicator_id uuid           not null references indicator (id),
    year         integer        not null,
    value        numeric(20, 4) not null,
    revision     bigint         not null,
    unique (indicator_id, year)
);

-- Transactional outbox (columns compatible with Debezium's outbox event router).
create table outbox_event (
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
create index outbox_event_pending on outbox_event (id) where sent_at is null;
