#!/usr/bin/env bash
# Where a realisasi update's freshness goes (not a test): for the realisasi events of the last
# SINCE seconds (default 60), joins realization-service's outbox with reporting-service's
# processed_event by event id and prints p50 / p90 / p99 / max in milliseconds of each stage:
#
#   relay    outbox row written (in the recording transaction) -> broker acknowledged it (sent_at)
#   consumer broker acknowledged -> reporting began the transaction that applied it (processed_at
#            is that transaction's now(): the wait in Kafka and in the consumer's queue)
#
# What remains of reporting-freshness.sh's figure after these two is the consumer's transaction
# (apply, recalculate, commit) and the poll. Run it right after reporting-freshness.sh, against
# the same local stack's PostgreSQL (PGHOST/PGPORT/PGUSER override; needs psql).
set -euo pipefail

SINCE="${SINCE:-60}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

psql -d realization -Atq -c "\copy (select event_id, created_at, sent_at from outbox_event
    where event_type like 'sakip.realization.realisasi.recorded%' and created_at > now() - interval '$SINCE seconds'
    and sent_at is not null) to '$WORK/outbox.tsv'"
echo "realisasi events in the last $SINCE s: $(wc -l < "$WORK/outbox.tsv")"

psql -d reporting -Atq <<SQL
create temp table outbox (event_id uuid, created_at timestamptz, sent_at timestamptz);
\copy outbox from '$WORK/outbox.tsv'
with joined as (
    select extract(epoch from o.sent_at - o.created_at) * 1000 as relay,
           extract(epoch from p.processed_at - o.sent_at) * 1000 as consumer
    from outbox o join processed_event p using (event_id))
select format('%-9s n %s | p50 %s | p90 %s | p99 %s | max %s ms', stage, count(*),
              round(percentile_cont(0.5) within group (order by ms)::numeric, 1),
              round(percentile_cont(0.9) within group (order by ms)::numeric, 1),
              round(percentile_cont(0.99) within group (order by ms)::numeric, 1),
              round(max(ms)::numeric, 1))
from (select 'relay' as stage, relay as ms from joined union all select 'consumer', consumer from joined) s
group by stage order by stage desc;
SQL
