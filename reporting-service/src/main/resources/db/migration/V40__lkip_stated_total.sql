-- A budget total a document printed (issue 23, point 8): the pagu or realisasi of a program, or
-- of the whole year ("jumlah", program_code null), as the text printed it and as read. Like the
-- stated figures: reporting's own input, never used to compute; the review compares each with
-- the sum of the year's lines, each line counted once however many sasaran it serves.
-- V40 leaves room below for migrations written alongside on other branches.
create table lkip_stated_total (
    id            bigserial primary key,
    agency_code   varchar(64)    not null,
    report_year   integer        not null,
    stated_in     varchar(200)   not null,
    position      integer        not null,
    program_code  varchar(64),
    figure        varchar(16)    not null check (figure in ('pagu', 'realisasi')),
    stated        varchar(200)   not null,
    value         numeric(20, 2) not null,
    written_by    varchar(200)   not null,
    written_at    timestamptz    not null
);
-- one figure per table, program (or the year) and kind; null program is the year's total
create unique index lkip_stated_total_once on lkip_stated_total
    (agency_code, report_year, stated_in, coalesce(program_code, ''), figure);
