-- The consumer applies a batch of events with one insert into processed_event; a bump per row
-- updated the single version row once per event in the same transaction, each update another
-- dead row version to prune. One bump per statement moves the number just as surely (an insert
-- that added no row moves it needlessly: one rebuild of a kept document, never a stale one).
drop trigger processed_event_moves_version on processed_event;
create trigger processed_event_moves_version after insert on processed_event
    for each statement execute function rm_version_bump();
