-- Budget takes and publishes a line's owning unit name of up to 500 characters (its
-- budget_line.unit_name, UnitBody's @Size): kept here in 300, a longer one failed the projection's
-- insert and parked the event. The column is the publisher's length (issue 21).
alter table rm_budget_line alter column unit_name type varchar(500);
