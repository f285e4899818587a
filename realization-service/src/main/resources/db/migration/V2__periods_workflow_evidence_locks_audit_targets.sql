-- Issue 4: realisasi per period with narrative, workflow, evidence, period locks, audit, and
-- the plan's targets (copied from planning's events) for the quarterly monitoring form.

-- More of planning's indicator event is kept; rows applied before this migration get the
-- fields with the indicator's next revision.
alter table indicator_ref
    add column sasaran_id   uuid,
    add column sasaran_code varchar(64),
    add column polarity     varchar(16);

-- Targets per indicator and year, copied from sakip.planning.target.set.v1. No foreign key:
-- a target may arrive before realization has applied its indicator.
create table target_ref (
    indicator_id   uuid           not null,
    agency_code    varchar(64)    not null,
    indicator_code varchar(64)    not null,
    year           integer        not null,
    value          numeric(20, 4) not null,
    revision       bigint         not null,
    primary key (indicator_id, year)
);

-- value keeps a number for every realisasi (an ordinal one keeps its rank on the scale, so
-- that the v1 event stays numeric); value_text keeps the ordinal level as stated ("BB").
alter table realisasi
    add column value_text         varchar(32),
    add column status             varchar(16)   not null default 'draft',
    add column status_note        varchar(2000),
    add column stated_in          varchar(300),
    add column explanation        text,
    add column supporting_factors text,
    add column hindering_factors  text,
    add column follow_up          text,
    add column updated_by         varchar(200);

-- Another statement of the same realisasi in a source document, kept beside the value used
-- for capaian (the seed states sasaran 3 twice with different values).
create table realisasi_statement (
    id           uuid primary key,
    indicator_id uuid           not null references indicator_ref (indicator_id),
    year         integer        not null,
    period       varchar(8)     not null,
    value        numeric(20, 4) not null,
    value_text   varchar(32),
    stated_in    varchar(300)   not null,
    note         varchar(2000),
    recorded_by  varchar(200)   not null,
    recorded_at  timestamptz    not null,
    unique (indicator_id, year, period, stated_in)
);

create table evidence (
    id           uuid primary key,
    realisasi_id uuid          not null references realisasi (id),
    kind         varchar(8)    not null check (kind in ('file', 'link', 'text')),
    file_name    varchar(300),
    content_type varchar(200),
    size_bytes   bigint,
    sha256       varchar(64),
    url          varchar(2000),
    text         text,
    created_by   varchar(200)  not null,
    created_at   timestamptz   not null
);
create index evidence_realisasi on evidence (realisasi_id);

-- The bytes apart from the metadata, so that listing evidence never loads files.
create table evidence_content (
    evidence_id uuid primary key references evidence (id),
    content     bytea not null
);

-- A period of an agency closes for changes after its deadline, until unlocked with a reason.
create table period_lock (
    id            uuid primary key,
    agency_code   varchar(64)  not null,
    year          integer      not null,
    period        varchar(8)   not null,
    deadline      date         not null,
    created_by    varchar(200) not null,
    created_at    timestamptz  not null,
    unlocked_by   varchar(200),
    unlocked_at   timestamptz,
    unlock_reason varchar(2000),
    unique (agency_code, year, period)
);

-- Every change: who, when, what, the old and the new value (JSON text).
create table audit_entry (
    id             bigserial primary key,
    at             timestamptz  not null,
    actor          varchar(200) not null,
    agency_code    varchar(64)  not null,
    indicator_code varchar(64),
    year           integer,
    period         varchar(8),
    subject        varchar(16)  not null,
    subject_id     varchar(64),
    action         varchar(32)  not null,
    old_value      text,
    new_value      text,
    reason         varchar(2000)
);
create index audit_entry_agency on audit_entry (agency_code, indicator_code, year);
