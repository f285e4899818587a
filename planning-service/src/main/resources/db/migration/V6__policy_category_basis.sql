-- What the policy's categories are taken from (issue 23 point 1): the band of the reported
-- (capped) capaian, as before, the band of the raw one, or realisasi against target in the
-- agency's three words (below, met, exceeded; only with TARGET).
alter table capaian_policy add column category_basis varchar(16) not null default 'CAPPED'
    check (category_basis in ('CAPPED', 'RAW', 'TARGET'));
alter table capaian_policy add column target_labels jsonb;

-- An indicator whose plan states no decimals shows two (issue 23 point 3), as capaian are computed;
-- the rows that hold 0 stay: an explicit 0 cannot be told from the old default.
alter table indicator alter column decimals set default 2;
