#!/usr/bin/env bash
# Benchmark (not a test): the floor under realization-wrk.sh. How many realisasi PUTs per second
# PostgreSQL and the JDBC driver alone can do on this machine: the PUT's two round trips
# (realization-db-floor.java, the service's own SQL) from THREADS (default 32) threads, with no
# HTTP, JSON, Quarkus, outbox relay, Kafka or reporting in the way. Whatever the service does on
# top of that only lowers the rate, so the figure bounds what realization-wrk.sh can reach here.
#
#   deploy/bench/realization-db-floor.sh
#
# Needs the local stack's PostgreSQL (deploy/local/start.sh; PGHOST/PGPORT/PGUSER override), a
# JDK, and realization-service built (start.sh builds it): the SQL and the JDBC driver are the
# service's own. The rest of the stack may run, idle. Works in a schema of its own (bench_floor) in the realization database: copies
# of the tables a PUT touches, with their indexes and keys, the demo agency's indicators and the
# 60 realisasi the load shares (IK1-IK5, M01-M12 of 2099, like realization-wrk.sh); dropped at
# the end. Nothing of it reaches the outbox relay, which reads only its own table. (The demo
# agency's indicators are copied, but not its Renstra: in this schema 2099 is a year of no plan.)
#
# Prints for each number of THREADS (a fresh JVM each, warmed up for WARMUP seconds): PUTs per
# second, p50 and p99 of the transactions, the CPU milliseconds per PUT of
# PostgreSQL (all its processes) and of the driving JVM, and how busy the machine's cores were.
set -euo pipefail

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${DB:-realization}
THREADS=${THREADS:-32}  # one run per number given, e.g. THREADS="8 32"
WARMUP=${WARMUP:-30}
SECONDS_MEASURED=${SECONDS_MEASURED:-30}
BATCH=${BATCH:-1}  # PUTs per transaction: above 1, what group commit would save (see the .java)
HERE=$(cd "$(dirname "$0")" && pwd)
# the service's built classes: its SQL (read by the .java, never copied) and the JDBC driver it uses
APP=$(cd "$HERE/../.." && pwd)/realization-service/target/quarkus-app
[ -d "$APP/lib/main" ] || { echo "realization-service is not built: run deploy/local/start.sh or ./mvnw package -DskipTests" >&2; exit 1; }
CP="$APP/app/*:$APP/lib/main/*:$APP/lib/boot/*"
OUT=$(mktemp)
trap 'rm -f "$OUT" "$OUT.pg-before" "$OUT.pg-after"; psql -q -d "$DB" -c "drop schema if exists bench_floor cascade" >/dev/null 2>&1 || true' EXIT

psql -q -v ON_ERROR_STOP=1 -d "$DB" >/dev/null <<'SQL'
set client_min_messages = warning;
drop schema if exists bench_floor cascade;
create schema bench_floor;
create table bench_floor.indicator_ref (like public.indicator_ref including all);
create table bench_floor.realisasi (like public.realisasi including all);
alter table bench_floor.realisasi add foreign key (indicator_id) references bench_floor.indicator_ref (indicator_id);
create table bench_floor.period_lock (like public.period_lock including all);
-- empty: no Renstra, so year 2099 is accepted as in realization-wrk.sh
create table bench_floor.plan_period (like public.plan_period including all);
-- own sequences, so that the service's ids are not used up
create sequence bench_floor.audit_entry_id_seq;
create table bench_floor.audit_entry (like public.audit_entry including all);
alter table bench_floor.audit_entry alter column id set default nextval('bench_floor.audit_entry_id_seq');
create sequence bench_floor.outbox_event_id_seq;
create table bench_floor.outbox_event (like public.outbox_event including all);
alter table bench_floor.outbox_event alter column id set default nextval('bench_floor.outbox_event_id_seq');
create sequence bench_floor.request_audit_id_seq;
create table bench_floor.request_audit (like public.request_audit including all);
alter table bench_floor.request_audit alter column id set default nextval('bench_floor.request_audit_id_seq');
insert into bench_floor.indicator_ref select * from public.indicator_ref where agency_code = 'dinsos-maluku';
insert into bench_floor.period_lock select * from public.period_lock where agency_code = 'dinsos-maluku';
insert into bench_floor.realisasi (id, indicator_id, year, period, value, status, revision, updated_at, updated_by)
  select gen_random_uuid(), indicator_id, 2099, 'M' || lpad(m::text, 2, '0'), 1, 'draft', 1, now(), 'bench'
  from bench_floor.indicator_ref, generate_series(1, 12) m where code in ('IK1', 'IK2', 'IK3', 'IK4', 'IK5');
SQL
n=$(psql -qAt -d "$DB" -c "select count(*) from bench_floor.realisasi")
[ "$n" = 60 ] || { echo "expected 60 realisasi of IK1-IK5 of dinsos-maluku, made $n: is the demo data loaded?" >&2; exit 1; }

pg_ticks() { # "pid ticks" (user + system) of every PostgreSQL process
  for p in $(pgrep -x postgres || true); do
    awk -v p="$p" '{print p, $14 + $15}' "/proc/$p/stat" 2>/dev/null || true
  done
}

# PostgreSQL's CPU between two pg_ticks lists, process by process: a process in both counts its
# difference, one started in between all of its time. One that ended in between is left out
# (its time would otherwise move to the postmaster's children's count, or vanish, depending on
# when it was reaped: a pooled backend of the service closing mid-run once took minutes of CPU
# out of the sum); the driver's own backends live through the whole run.
pg_delta() { # before-file after-file
  awk 'NR == FNR {before[$1] = $2; next} {d += $2 - (($1 in before) ? before[$1] : 0)} END {print d + 0}' "$1" "$2"
}

machine_ticks() { # busy and idle ticks of the whole machine
  awk '/^cpu / {print $2 + $3 + $4 + $6 + $7 + $8, $5}' /proc/stat
}

URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER&currentSchema=bench_floor"
for threads in $THREADS; do
  : > "$OUT"
  java -cp "$CP" "$HERE/realization-db-floor.java" "$URL" "$threads" "$WARMUP" "$SECONDS_MEASURED" "$BATCH" > "$OUT" &
  JAVA=$!
  until grep -q '^measuring' "$OUT"; do kill -0 "$JAVA" 2>/dev/null || { cat "$OUT"; exit 1; }; sleep 0.05; done
  pg_ticks > "$OUT.pg-before"; jvm_before=$(awk '{print $14 + $15}' "/proc/$JAVA/stat"); machine_before=$(machine_ticks)
  until grep -q '^measured' "$OUT"; do sleep 0.05; done
  pg_ticks > "$OUT.pg-after"; jvm_after=$(awk '{print $14 + $15}' "/proc/$JAVA/stat"); machine_after=$(machine_ticks)
  wait "$JAVA"
  result=$(grep '^puts' "$OUT")
  echo "$threads threads, $BATCH PUT(s) per transaction, ${SECONDS_MEASURED} s after ${WARMUP} s: $result"
  echo "$(pg_delta "$OUT.pg-before" "$OUT.pg-after") $jvm_before $jvm_after $machine_before $machine_after $result" \
    | awk -v tick="$(getconf CLK_TCK)" '{
    n = $9; pg = $1 * 1000 / tick / n; client = ($3 - $2) * 1000 / tick / n
    busy = ($6 - $4) / (($6 - $4) + ($7 - $5)) * 100
    printf "  CPU ms per PUT: PostgreSQL %.3f | driver JVM %.3f | cores busy %.0f%%\n", pg, client, busy
    printf "  PostgreSQL alone at this cost: %.0f PUTs per second would fill both cores\n", 2000 / pg }'
done
