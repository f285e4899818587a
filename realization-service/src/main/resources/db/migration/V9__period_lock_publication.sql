-- The published LKIP (reporting's lkip.published.v1) that closed the period: its version, null for
-- a lock set by hand. An unlock of such a lock tells reporting (period.unlocked.v1) that the
-- publication no longer matches the data.
alter table period_lock add column publication_version integer;
