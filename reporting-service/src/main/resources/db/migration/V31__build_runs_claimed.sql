-- Build runs shared by every replica of reporting-service: a run and its agencies live here, and
-- each replica claims the next agency, so each agency is built once whichever replica runs it, and
-- the agencies of a replica that died are taken over once their claim is older than a timeout.
create table build_run (
    run_id       uuid        primary key,
    year         integer     not null,
    trigger      varchar(16) not null check (trigger in ('NIGHTLY', 'MANUAL')),
    -- the province's date of a nightly run: every replica's scheduler fires, one run is made
    nightly_date date,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz
);
create unique index build_run_one_per_night on build_run (nightly_date) where nightly_date is not null;
-- at most one run open at a time: a second trigger on any replica is refused by the database
create unique index build_run_one_open on build_run ((true)) where finished_at is null;

create table build_claim (
    run_id      uuid         not null references build_run (run_id),
    agency_code varchar(64)  not null,
    status      varchar(16)  not null check (status in ('PENDING', 'CLAIMED', 'DONE')),
    claimed_by  varchar(200),
    claimed_at  timestamptz,
    attempts    integer      not null default 0,
    primary key (run_id, agency_code)
);
create index build_claim_open on build_claim (run_id, agency_code) where status <> 'DONE';
