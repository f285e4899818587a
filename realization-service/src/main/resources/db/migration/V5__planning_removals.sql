-- planning's removals (sakip.planning.indicator.removed.v1, target.removed.v1).
-- A removed indicator keeps its copy and its realisasi, which stay readable; no new value is
-- recorded for it. Its revision becomes the removal's, so only a newer planning event (the
-- indicator created again, with the same id) makes it current again.
alter table indicator_ref add column removed boolean not null default false;

-- A removed target keeps its row without a value, at the removal's revision: a target.set.v1
-- older than the removal, should it come later, cannot bring it back.
alter table target_ref alter column value drop not null;
