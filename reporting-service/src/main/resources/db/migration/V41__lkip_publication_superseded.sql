-- A published LKIP stays as it was published; once realization reopens a period of its year
-- (period.unlocked.v1), its data may change under it, and the publication says so: when the
-- period was reopened, by whom, why, and which period. Bounds: realization's (period_lock).
alter table lkip_publication add column superseded_at timestamptz;
alter table lkip_publication add column superseded_by varchar(200);
alter table lkip_publication add column superseded_reason varchar(2000);
alter table lkip_publication add column superseded_period varchar(8);
