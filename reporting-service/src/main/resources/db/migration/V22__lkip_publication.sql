-- Published LKIP versions: immutable, every format stored as it was published, with a checksum
-- and the freshness of the data it was built from. A new publication is a new version.
create table lkip_publication (
    id           bigserial primary key,
    agency_code  varchar(64)  not null,
    year         integer      not null,
    version      integer      not null,
    published_at timestamptz  not null,
    published_by varchar(200) not null,
    freshness    timestamptz,
    checksum     varchar(64)  not null,
    html         text         not null,
    json         text         not null,
    pdf          bytea        not null,
    xlsx         bytea        not null,
    unique (agency_code, year, version)
);
