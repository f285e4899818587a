-- What a budget line's realisasi is known by (line.changed.v3): 'month' when every rupiah of it is
-- dated, 'year' while some of it is known only as a year total (realisasi_undated), when no
-- quarter's realisasi is known and realisasi_by_quarter holds nulls. Null for a line last sent as
-- line.changed.v2, whose quarters summed entries by date (a year total in the fourth quarter).
alter table rm_budget_line add column realisasi_known_by varchar(8)
    check (realisasi_known_by in ('month', 'year'));
alter table rm_budget_line add column realisasi_undated numeric(20, 2);
