-- Narrative sections of the LKIP (kata pengantar, ringkasan eksekutif, analysis per sasaran,
-- kesimpulan, saran), versioned: a new text is a new version, the old ones stay.
create table lkip_narrative (
    id          bigserial primary key,
    agency_code varchar(64)  not null,
    year        integer      not null,
    section     varchar(64)  not null,
    version     integer      not null,
    text        text         not null,
    written_by  varchar(200) not null,
    written_at  timestamptz  not null,
    unique (agency_code, year, section, version)
);
