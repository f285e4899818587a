-- The whole plan of an agency (issue: BAB I and II of the LKIP).

-- The province: its RPJMD period with the governor's visi and misi, held once for all agencies.
create table province (
    code        varchar(64) primary key,
    name        varchar(300) not null,
    rpjmd_start integer,
    rpjmd_end   integer,
    visi        text,
    misi        jsonb        not null default '[]',
    revision    bigint       not null
);

alter table agency add column province_code varchar(64) references province (code);

-- Document-like parts of the plan, validated on the way in by typed records:
-- profile (address, head, legal basis, tasks and functions, strategic issues, visi and misi),
-- organisation (unit tree), personnel (statistics tables), renstra (period, tujuan, strategi,
-- kebijakan, arah kebijakan).
create table plan_section (
    id        uuid primary key,
    agency_id uuid        not null references agency (id),
    section   varchar(32) not null check (section in ('profile', 'organisation', 'personnel', 'renstra')),
    content   jsonb       not null,
    revision  bigint      not null,
    unique (agency_id, section)
);

alter table sasaran add column tujuan_code varchar(64);

alter table indicator drop constraint indicator_polarity_check;
alter table indicator add constraint indicator_polarity_check
    check (polarity in ('POSITIVE', 'NEGATIVE', 'RANGE', 'ORDINAL'));
alter table indicator add column iku boolean not null default false;
alter table indicator add column formula text;
alter table indicator add column numerator text;
alter table indicator add column denominator text;
alter table indicator add column data_source varchar(300);
alter table indicator add column responsible_unit varchar(300);
alter table indicator add column aggregation varchar(16) not null default 'LAST'
    check (aggregation in ('SUM', 'LAST', 'AVERAGE', 'MAX'));
alter table indicator add column decimals integer not null default 0 check (decimals between 0 and 6);
alter table indicator add column weight numeric(10, 4) check (weight > 0);
-- ordered scale of an ordinal indicator, lowest first, e.g. ["C","B","BB","A","AA"]
alter table indicator add column scale jsonb;

-- A target is a number, a range, or a value of the indicator's ordinal scale.
alter table target alter column value drop not null;
alter table target add column range_low numeric(20, 4);
alter table target add column range_high numeric(20, 4);
alter table target add column ordinal_value varchar(64);
alter table target add constraint target_one_kind check (
    (value is not null and range_low is null and range_high is null and ordinal_value is null) or
    (value is null and range_low is not null and range_high is not null and ordinal_value is null) or
    (value is null and range_low is null and range_high is null and ordinal_value is not null));

-- Perjanjian Kinerja: versions per year; a signed version is immutable.
create table perjanjian_kinerja (
    id        uuid primary key,
    agency_id uuid        not null references agency (id),
    year      integer     not null,
    version   integer     not null,
    kind      varchar(16) not null check (kind in ('ORIGINAL', 'REVISED')),
    signed_at date,
    signed_by varchar(300),
    revision  bigint      not null,
    unique (agency_id, year, version)
);

create table pk_item (
    id             uuid primary key,
    pk_id          uuid           not null references perjanjian_kinerja (id),
    ordinal        integer        not null,
    sasaran_code   varchar(64)    not null,
    indicator_code varchar(64)    not null,
    -- a number, {"low": n, "high": m}, or a scale value, as the indicator needs
    target         jsonb          not null,
    unique (pk_id, indicator_code)
);

-- Capaian policy per agency, versioned: rating scale, cap, negative formula, zero target.
create table capaian_policy (
    id                uuid primary key,
    agency_id         uuid        not null references agency (id),
    version           integer     not null,
    bands             jsonb       not null,
    cap               numeric(6, 2),
    negative_formula  varchar(32) not null check (negative_formula in ('TWO_T_MINUS_R', 'T_OVER_R')),
    zero_target       varchar(32) not null check (zero_target in ('NOT_COMPUTABLE', 'NEGATIVE_ZERO_IS_100')),
    ordinal_not_met   varchar(32) not null check (ordinal_not_met in ('ZERO', 'PROPORTIONAL')),
    created_at        timestamptz not null,
    unique (agency_id, version)
);
