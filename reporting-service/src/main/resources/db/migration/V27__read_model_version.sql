-- One number that moves in the same transaction as every change of the read model, so that a
-- document built from it (PerformanceCache) can be kept until it moves. Every applied event is
-- recorded in processed_event, and a rebuild truncates it: both move the number.
create table rm_version (id int primary key check (id = 1), version bigint not null);
insert into rm_version (id, version) values (1, 0);

create function rm_version_bump() returns trigger language plpgsql as $$
begin
    update rm_version set version = version + 1 where id = 1;
    return null;
end
$$;

create trigger processed_event_moves_version after insert on processed_event
    for each row execute function rm_version_bump();
create trigger processed_event_truncate_moves_version after truncate on processed_event
    for each statement execute function rm_version_bump();
