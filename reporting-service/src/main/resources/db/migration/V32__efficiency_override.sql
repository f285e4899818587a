-- An efficiency set by hand for a sasaran of an agency's year, with its justification
-- (domain.md section 3). Versioned like the narratives: setting a figure adds a version, and
-- withdrawing it adds one whose efficiency is null (the computed figure counts again), so the
-- history of who set what, when and why stays.
create table efficiency_override (
    id            bigserial primary key,
    agency_code   varchar(64)   not null,
    year          integer       not null,
    sasaran_code  varchar(64)   not null,
    version       integer       not null,
    efficiency    numeric(5, 2),
    justification varchar(2000),
    written_by    varchar(200)  not null,
    written_at    timestamptz   not null,
    unique (agency_code, year, sasaran_code, version),
    check (efficiency is null or (efficiency >= 0 and efficiency <= 100)),
    check (efficiency is null or justification is not null)
);
