-- The unit responsible for an indicator, from planning's sakip.planning.indicator.defined.v1
-- (data.responsibleUnit, a unit name as the plan states it). Null: the agency itself. A
-- unit-bound operator token writes realisasi only of indicators of its unit.
-- definition_revision is the revision of the last definition applied: planning publishes the
-- definition with the same revision as indicator.upserted.v1, so it needs its own counter.
alter table indicator_ref
    add column responsible_unit    text,
    add column definition_revision bigint not null default 0;

-- Who made a change is the token's subject (sub); OpenID Connect allows up to 255 characters
-- and an identity provider may use more. Never refuse a change because its author's id is long.
alter table realisasi alter column updated_by type text;
alter table realisasi_statement alter column recorded_by type text;
alter table evidence alter column created_by type text;
alter table period_lock alter column created_by type text, alter column unlocked_by type text;
alter table audit_entry alter column actor type text;
