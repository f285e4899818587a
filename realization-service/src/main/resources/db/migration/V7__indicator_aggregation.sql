-- The plan's aggregation of each indicator (planning's indicator.defined.v1), so the monitoring
-- form combines periods as the plan says; null until a definition arrives (then the default, last,
-- as in planning and reporting).
alter table indicator_ref add column aggregation varchar(16)
    check (aggregation in ('SUM', 'LAST', 'AVERAGE', 'MAX'));
