-- Nightly (or triggered) builds of every agency's LKIP: one row per agency per run, with its
-- status, duration, data freshness and number of review findings, and the built documents.
create table lkip_build (
    id          bigserial primary key,
    run_id      uuid         not null,
    agency_code varchar(64)  not null,
    year        integer      not null,
    status      varchar(16)  not null check (status in ('SUCCEEDED', 'FAILED')),
    started_at  timestamptz  not null,
    duration_ms bigint       not null,
    freshness   timestamptz,
    findings    integer,
    error       text,
    html        text,
    json        text,
    pdf         bytea,
    xlsx        bytea
);
create index lkip_build_run on lkip_build (run_id);
create index lkip_build_agency on lkip_build (agency_code, year, started_at);
