-- The rest of the plan (indicator definitions, range and ordinal targets, capaian policies,
-- the Renstra period), realisasi per period, and the budget's structure and links. Every fact
-- keeps the time of the event it came from: a result's freshness is the newest of its facts'
-- times, so that replaying the topics in any interleaving rebuilds the same freshness.

alter table rm_indicator add column event_time timestamptz;

create table rm_indicator_definition (
    indicator_id uuid primary key,
    agency_code  varchar(64)    not null,
    sasaran_code varchar(64)    not null,
    code         varchar(64)    not null,
    polarity     varchar(16)    not null,
    aggregation  varchar(16)    not null,
    decimals     integer,
    weight       numeric(10, 4),
    -- the ordinal scale, lowest first, as a JSON array; null for numeric indicators
    scale        text,
    iku          boolean        not null,
    revision     bigint         not null,
    event_time   timestamptz    not null
);
create index rm_indicator_definition_agency on rm_indicator_definition (agency_code);

alter table rm_target alter column value drop not null;
alter table rm_target add column kind varchar(16) not null default 'number';
alter table rm_target add column range_low numeric(20, 4);
alter table rm_target add column range_high numeric(20, 4);
alter table rm_target add column level varchar(64);
alter table rm_target add column event_time timestamptz;

alter table rm_realisasi add column event_time timestamptz;

-- Every version of an agency's capaian policy; the highest applies.
create table rm_policy (
    agency_code      varchar(64)  not null,
    version          integer      not null,
    -- rating bands [from, to), lowest first, as a JSON array
    bands            text         not null,
    cap              numeric(6, 2),
    negative_formula varchar(32)  not null,
    zero_target      varchar(32)  not null,
    ordinal_not_met  varchar(32)  not null,
    event_time       timestamptz  not null,
    primary key (agency_code, version)
);

create table rm_renstra (
    agency_code varchar(64) primary key,
    code        varchar(64),
    start_year  integer     not null,
    end_year    integer     not null,
    revision    bigint      not null,
    event_time  timestamptz not null
);

alter table rm_budget_line add column program_code varchar(64);
alter table rm_budget_line add column program_name varchar(1000);
alter table rm_budget_line add column kegiatan_code varchar(64);
alter table rm_budget_line add column unit_code varchar(64);
alter table rm_budget_line add column unit_name varchar(300);
alter table rm_budget_line add column funding_source varchar(64);
alter table rm_budget_line add column event_time timestamptz;

-- A sub kegiatan serves sasaran/indicators; one line may serve several (counted once in totals).
create table rm_budget_link (
    id             bigserial primary key,
    line_id        uuid        not null,
    sasaran_code   varchar(64) not null,
    indicator_code varchar(64)
);
create index rm_budget_link_line on rm_budget_link (line_id);

alter table indicator_result add column capaian_raw numeric(12, 2);
alter table indicator_result add column category varchar(100);
alter table indicator_result add column target_kind varchar(16);
alter table indicator_result add column target_text varchar(100);
alter table indicator_result add column realisasi_source varchar(4);
alter table indicator_result add column realisasi_updates integer not null default 0;
alter table indicator_result add column weight numeric(10, 4);
alter table indicator_result add column policy_version integer not null default 0;

alter table sasaran_result add column capaian_raw numeric(12, 2);
alter table sasaran_result add column category varchar(100);
alter table sasaran_result add column reason varchar(300);
alter table sasaran_result add column policy_version integer not null default 0;
