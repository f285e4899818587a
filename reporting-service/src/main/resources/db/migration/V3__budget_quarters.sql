-- The cash plan (RAK) and the spending per quarter of a budget line (line.changed.v2), as JSON
-- arrays of four amounts: quarterly absorption = realisasi of the quarter / RAK of the quarter.
alter table rm_budget_line add column rak text;
alter table rm_budget_line add column realisasi_by_quarter text;
