-- A spending entry still belongs to an existing budget line, but the check now runs once per
-- statement over all of its rows instead of once per row. The foreign key ran a locking lookup of
-- budget_line for every entry: with a file import's COPY of 20,000 entries that was more than a
-- third of the COPY's time (measured 2026-11-29, deploy/bench/budget-import.sh and BENCHMARKS.md).
-- The lookup it locked against, a line's deletion, is refused below while entries name the line
-- (the service never deletes a line; this guards hand-written SQL).
alter table budget_spending drop constraint budget_spending_line_id_fkey;

create function budget_spending_line_exists() returns trigger language plpgsql as $$
declare
    missing uuid;
begin
    select n.line_id into missing from new_entries n
    where not exists (select 1 from budget_line l where l.id = n.line_id) limit 1;
    if found then
        raise foreign_key_violation using
            message = format('budget_spending names budget line %s, which does not exist', missing),
            constraint = 'budget_spending_line_id_fkey', table = 'budget_spending', column = 'line_id';
    end if;
    return null;
end
$$;

-- A trigger with a transition table has one event only: one for inserts (COPY included), one for updates.
create trigger budget_spending_line_inserted after insert on budget_spending
    referencing new table as new_entries for each statement execute function budget_spending_line_exists();
create trigger budget_spending_line_updated after update on budget_spending
    referencing new table as new_entries for each statement execute function budget_spending_line_exists();

create function budget_line_unspent() returns trigger language plpgsql as $$
declare
    spent uuid;
begin
    select o.id into spent from old_lines o
    where exists (select 1 from budget_spending s where s.line_id = o.id) limit 1;
    if found then
        raise foreign_key_violation using
            message = format('budget line %s has spending entries and cannot be deleted', spent),
            constraint = 'budget_spending_line_id_fkey', table = 'budget_line';
    end if;
    return null;
end
$$;

create trigger budget_line_deleted after delete on budget_line
    referencing old table as old_lines for each statement execute function budget_line_unspent();
