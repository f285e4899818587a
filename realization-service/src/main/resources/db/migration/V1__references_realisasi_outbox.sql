-- What realization knows of the plan: its own copy, fed by planning's events.
create table agency_ref (
    agency_id   uuid primary key,
    agency_code varchar(64) not null unique,
    name        varchar(300) not null,
    revision    bigint      not null
);

create table indicator_ref (
    indicator_id uuid primary key,
    agency_code  varchar(64)   not null,
    code         varchar(64)   not null,
    name         varchar(1000) not null,
    unit         varchar(64)   not null,
    revision     bigint        not null,
    unique (agency_code, code)
);

-- Realisasi per indicator and period. 'Y' is the whole year; quarters and months come later.
create table realisasi (
    id           uuid primary key,
    indicator_id uuid           not null references indicator_ref (indicator_id),
    year         integer        not null,
    period       varchar(8)     not null,
    value        numeric(20, 4) not null,
    revision     bigint         not null,
    updated_at   timestamptz    not null,
    unique (indicator_id, year, period)
);

-- Planning events already applied: a redelivered event is a no-op.
create table processed_event (
    event_id     uuid primary key,
    event_type   varchar(128) not null,
    processed_at timestamptz  not null
);

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
