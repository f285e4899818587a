-- Figures a document printed (an LKIP's capaian and comparison tables: capaian, realisasi and
-- target of an indicator for a year), kept as stated so that the review can compare them with
-- the computation. Never used as an input of any computation. report_year is the report that
-- printed them; figure_year the year a figure is about (Tabel 3.2 of the 2022 LKIP states 2021).
-- A PUT replaces all rows of each stated_in table it names, so the rows of one table are written
-- together; position keeps the order of the request.
create table lkip_stated_figure (
    id             bigserial primary key,
    agency_code    varchar(64)   not null,
    report_year    integer       not null,
    stated_in      varchar(200)  not null,
    position       integer       not null,
    indicator_code varchar(64)   not null,
    figure_year    integer       not null,
    figure         varchar(16)   not null check (figure in ('capaian', 'realisasi', 'target')),
    stated         varchar(200)  not null,
    value          numeric(24, 6) not null,
    unit           varchar(100),
    written_by     varchar(200)  not null,
    written_at     timestamptz   not null,
    unique (agency_code, report_year, stated_in, indicator_code, figure_year, figure)
);
create index lkip_stated_figure_report on lkip_stated_figure (agency_code, report_year);
