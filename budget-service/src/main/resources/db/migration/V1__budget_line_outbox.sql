-- A budget line (sub kegiatan) of an agency for a fiscal year, with its pagu and spending.
create table budget_line (
    id          uuid primary key,
    agency_code varchar(64)    not null,
    fiscal_year integer        not null,
    code        varchar(64)    not null,
    name        varchar(1000)  not null,
    pagu        numeric(20, 2) not null check (pagu >= 0),
    realisasi   numeric(20, 2) not null check (realisasi >= 0),
    revision    bigint         not null,
    unique (agency_code, fiscal_year, code)
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
