-- What a policy's categories are taken from (capaian-policy.changed.v2; issue 23 point 1): the
-- band of the reported (capped) capaian, as every policy before v2 did, the band of the raw one,
-- or realisasi against target in the agency's three words (below, met, exceeded).
alter table rm_policy add column category_basis varchar(16) not null default 'CAPPED'
    check (category_basis in ('CAPPED', 'RAW', 'TARGET'));
alter table rm_policy add column label_below varchar(100);
alter table rm_policy add column label_met varchar(100);
alter table rm_policy add column label_exceeded varchar(100);
