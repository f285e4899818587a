-- reporting's read model: copies of the facts the other services publish, and the results
-- computed from them. Fed only by events; every copy keeps the revision it was built from.

create table processed_event (
    event_id     uuid primary key,
    event_type   varchar(128) not null,
    processed_at timestamptz  not null
);

create table rm_agency (
    agency_id   uuid primary key,
    agency_code varchar(64)  not null unique,
    name        varchar(300) not null,
    revision    bigint       not null
);

create table rm_sasaran (
    sasaran_id  uuid primary key,
    agency_code varchar(64)   not null,
    code        varchar(64)   not null,
    name        varchar(1000) not null,
    ordinal     integer       not null,
    revision    bigint        not null
);
create index rm_sasaran_agency on rm_sasaran (agency_code);

create table rm_indicator (
    indicator_id uuid primary key,
    agency_code  varchar(64)   not null,
    sasaran_id   uuid          not null,
    code         varchar(64)   not null,
    name         varchar(1000) not null,
    unit         varchar(64)   not null,
    polarity     varchar(16)   not null,
    revision     bigint        not null
);
create index rm_indicator_sasaran on rm_indicator (sasaran_id);
create index rm_indicator_agency on rm_indicator (agency_code);

create table rm_target (
    id           bigserial primary key,
    indicator_id uuid           not null,
    year         integer        not null,
    value        numeric(20, 4) not null,
    revision     bigint         not null,
    unique (indicator_id, year)
);

create table rm_realisasi (
    id              bigserial primary key,
    indicator_id    uuid           not null,
    year            integer        not null,
    period          varchar(8)     not null,
    value           numeric(20, 4) not null,
    revision        bigint         not null,
    -- how many distinct realisasi events were applied: shows that none was applied twice
    updates_applied integer        not null,
    unique (indicator_id, year, period)
);

create table rm_budget_line (
    line_id     uuid primary key,
    agency_code varchar(64)    not null,
    fiscal_year integer        not null,
    code        varchar(64)    not null,
    name        varchar(1000)  not null,
    pagu        numeric(20, 2) not null,
    realisasi   numeric(20, 2) not null,
    revision    bigint         not null
);
create index rm_budget_line_agency_year on rm_budget_line (agency_code, fiscal_year);

-- Results, recomputed from the copies above (never by applying deltas).
create table indicator_result (
    id           bigserial primary key,
    indicator_id uuid           not null,
    year         integer        not null,
    agency_code  varchar(64)    not null,
    sasaran_id   uuid           not null,
    target       numeric(20, 4),
    realisasi    numeric(20, 4),
    status       varchar(16)    not null,
    capaian      numeric(12, 2),
    reason       varchar(300),
    -- time of the last event applied to this result
    freshness    timestamptz    not null,
    unique (indicator_id, year)
);
create index indicator_result_agency_year on indicator_result (agency_code, year);

create table sasaran_result (
    id          bigserial primary key,
    sasaran_id  uuid           not null,
    year        integer        not null,
    agency_code varchar(64)    not null,
    status      varchar(16)    not null,
    capaian     numeric(12, 2),
    freshness   timestamptz    not null,
    unique (sasaran_id, year)
);
