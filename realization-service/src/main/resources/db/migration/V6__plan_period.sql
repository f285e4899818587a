-- The Renstra period of each agency, from planning's sakip.planning.section.upserted.v1 of the
-- section "renstra": a realisasi or statement of a year outside it is refused. An agency whose
-- Renstra is not known (yet) keeps the fixed range 2000-2100. A row without years is a Renstra
-- that states none, kept for its revision so that an older event cannot bring back a period.
create table plan_period (
    agency_code varchar(64) primary key,
    start_year  integer,
    end_year    integer,
    revision    bigint not null,
    check (start_year is null and end_year is null or start_year <= end_year)
);
