-- Budget execution (issue 5): structure, pagu versions, cash plan, spending entries, outputs,
-- links to the plan, and import batches.

-- Structure: the levels' codes are derived from the line's own code, so only their names are
-- stored. The owning unit is null when it is the agency itself. sipd_key is SIPD's own numeric
-- key, the e-budgeting source's identity of the line.
alter table budget_line
    add column sipd_key          varchar(64),
    add column urusan_name       varchar(500),
    add column bidang_name       varchar(500),
    add column program_name      varchar(1000),
    add column kegiatan_name     varchar(1000),
    add column unit_code         varchar(64),
    add column unit_name         varchar(500),
    add column funding_source    varchar(32)    not null default 'APBD',
    add column pagu_original     numeric(20, 2),
    add column rak_q1            numeric(20, 2) check (rak_q1 >= 0),
    add column rak_q2            numeric(20, 2) check (rak_q2 >= 0),
    add column rak_q3            numeric(20, 2) check (rak_q3 >= 0),
    add column rak_q4            numeric(20, 2) check (rak_q4 >= 0),
    add column stated_absorption numeric(12, 4);
update budget_line set pagu_original = pagu;
alter table budget_line alter column pagu_original set not null;
-- realisasi is the sum of the line's spending entries and may never pass the (revised) pagu
alter table budget_line add constraint budget_line_within_pagu check (realisasi <= pagu);
create unique index budget_line_sipd_key on budget_line (agency_code, fiscal_year, sipd_key) where sipd_key is not null;

-- Every pagu a line had: version 1 is the original (murni), later ones revisions (perubahan).
create table budget_pagu_version (
    id          bigserial primary key,
    line_id     uuid           not null references budget_line (id),
    version     integer        not null,
    kind        varchar(16)    not null check (kind in ('murni', 'perubahan')),
    amount      numeric(20, 2) not null check (amount >= 0),
    recorded_at timestamptz    not null,
    unique (line_id, version)
);
insert into budget_pagu_version (line_id, version, kind, amount, recorded_at)
select id, 1, 'murni', pagu, now() from budget_line;

-- One spending entry (e.g. an SP2D); source_key is the sender's identity of the entry, which
-- makes every import idempotent.
create table budget_spending (
    id          uuid primary key,
    line_id     uuid           not null references budget_line (id),
    agency_code varchar(64)    not null,
    fiscal_year integer        not null,
    source_key  varchar(128)   not null,
    spent_on    date           not null,
    amount      numeric(20, 2) not null check (amount > 0),
    reference   varchar(128),
    unique (agency_code, fiscal_year, source_key)
);
create index budget_spending_line on budget_spending (line_id, spent_on);
-- Lines written before spending entries existed keep their realisasi as one year-total entry.
insert into budget_spending (id, line_id, agency_code, fiscal_year, source_key, spent_on, amount, reference)
select gen_random_uuid(), id, agency_code, fiscal_year, 'total:' || id, make_date(fiscal_year, 12, 31), realisasi, 'total'
from budget_line where realisasi > 0;

create table budget_output (
    id                bigserial primary key,
    line_id           uuid          not null references budget_line (id),
    kind              varchar(16)   not null check (kind in ('output', 'outcome')),
    ordinal           integer       not null,
    statement         varchar(2000) not null,
    target_quantity   numeric(20, 4),
    achieved_quantity numeric(20, 4),
    unit              varchar(64)
);
create index budget_output_line on budget_output (line_id);

-- Which sasaran (and indicator) of the agency's plan a line serves; many to many. The
-- percentage a document printed for the line under that sasaran is kept as stated.
create table budget_link (
    id                bigserial primary key,
    line_id           uuid         not null references budget_line (id),
    sasaran_code      varchar(64)  not null,
    indicator_code    varchar(64),
    stated_absorption numeric(12, 4)
);
create unique index budget_link_unique on budget_link (line_id, sasaran_code, coalesce(indicator_code, ''));

-- A batch id seen once: sending it again is reported as a no-op with the first report.
create table budget_import_batch (
    id          bigserial primary key,
    agency_code varchar(64)  not null,
    batch_id    varchar(128) not null,
    fiscal_year integer      not null,
    kind        varchar(16)  not null,
    received_at timestamptz  not null,
    report      text         not null,
    unique (agency_code, batch_id)
);
