#!/usr/bin/env bash
# Benchmark (not a test): import 100,000 spending rows as one CSV through budget-service's file
# import API, and compare with PostgreSQL's own COPY of the same rows into a plain table.
#
# Assumes the local stack runs: budget-service on $BUDGET_URL (default http://127.0.0.1:8083) and
# its PostgreSQL on 127.0.0.1:5432, user postgres, database budget (PGHOST/PGPORT/PGUSER/PGPASSWORD/
# PGDATABASE override). Needs curl and a JDK (java); uses psql for the COPY when it is installed,
# otherwise a small JDBC program (budget-copy.java) with the PostgreSQL driver from ~/.m2.
#
# Prints: rows per second through the service, the service's peak RSS during the import (VmHWM
# after resetting it, or the highest sampled VmRSS when it cannot be reset), and the ratio of the
# service's time to COPY's time; then, with psql, the time of COPY into a copy of the service's own
# table and the service's ratio to that. Each run uses a new agency code, so runs do not interfere.
set -euo pipefail

. "$(dirname "$0")/auth.sh"

ROWS=${ROWS:-100000}
LINES=${LINES:-20}
YEAR=2022
BUDGET_URL=${BUDGET_URL:-http://127.0.0.1:8083}
AGENCY=${AGENCY:-bench-$(date +%s)}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-budget}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; [ -n "${SAMPLER:-}" ] && kill "$SAMPLER" 2>/dev/null || true' EXIT

# live is enough: without a broker the service still imports, its events wait in the outbox
curl -H "$AUTH" -fsS "${BUDGET_MANAGEMENT_URL:-http://127.0.0.1:9083}/q/health/live" >/dev/null || { echo "budget-service is not running at $BUDGET_URL" >&2; exit 1; }

# The lines spent on: pagu large enough for every row.
for i in $(seq 1 "$LINES"); do
  code=$(printf '1.06.04.2.01.%04d' "$i")
  curl -H "$AUTH" -fsS -o /dev/null -X PUT -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench line $i\",\"pagu\":1000000000000}" \
    "$BUDGET_URL/api/v1/agencies/$AGENCY/years/$YEAR/budget/lines/$code"
done

# The same rows twice: for the service as an e-budgeting export (both number conventions,
# alternating), for COPY as plain numbers.
awk -v rows="$ROWS" -v lines="$LINES" -v year="$YEAR" -v svc="$WORK/spending.csv" -v raw="$WORK/raw.csv" 'BEGIN {
  print "id_transaksi,kode_sub_kegiatan,tanggal,nilai,no_sp2d" > svc
  for (i = 1; i <= rows; i++) {
    code = sprintf("1.06.04.2.01.%04d", 1 + i % lines)
    date = sprintf("%d-%02d-%02d", year, 1 + i % 12, 1 + i % 28)
    rupiah = 1000 + i % 90000
    if (i % 2 == 0) { shown = sprintf("\"Rp. %d.%03d,%02d\"", int(rupiah / 1000), rupiah % 1000, i % 100) }
    else            { shown = sprintf("\"Rp %d,%03d.%02d\"", int(rupiah / 1000), rupiah % 1000, i % 100) }
    printf "B%d,%s,%s,%s,SP2D-%d\n", i, code, date, shown, i > svc
    printf "B%d,%s,%s,%d.%02d,SP2D-%d\n", i, code, date, rupiah, i % 100, i > raw
  }
}'
echo "generated $ROWS rows ($(du -h "$WORK/spending.csv" | cut -f1)) for agency $AGENCY"

# The service's process: the one listening on the port of BUDGET_URL.
PORT=${BUDGET_URL##*:}; PORT=${PORT%%/*}
PID=${BUDGET_PID:-$(ss -ltnpH "sport = :$PORT" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)}
RESET=no
if [ -n "$PID" ] && [ -r "/proc/$PID/status" ]; then
  # writing 5 to clear_refs resets the peak RSS (VmHWM) so that it measures this import only
  if echo 5 > "/proc/$PID/clear_refs" 2>/dev/null; then RESET=yes; fi
  ( max=0; while kill -0 "$PID" 2>/dev/null; do
      rss=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status"); [ "${rss:-0}" -gt "$max" ] && max=$rss && echo "$max" > "$WORK/rss"
      sleep 0.1; done ) & SAMPLER=$!
else
  echo "service process not found (set BUDGET_PID); RSS not measured" >&2
fi

start=$(date +%s.%N)
curl -H "$AUTH" -fsS -X POST -H 'Content-Type: text/csv' --data-binary @"$WORK/spending.csv" \
  "$BUDGET_URL/api/v1/agencies/$AGENCY/years/$YEAR/budget/imports?kind=spending&batchId=$AGENCY" > "$WORK/report.json"
end=$(date +%s.%N)
service_s=$(echo "$end - $start" | bc -l 2>/dev/null || awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')
sed -E 's/"results":\[.*\]/"results":[...]/' "$WORK/report.json" | cut -c1-400; echo

if [ -n "${SAMPLER:-}" ]; then
  kill "$SAMPLER" 2>/dev/null || true; SAMPLER=
  if [ "$RESET" = yes ]; then peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$PID/status"); how="VmHWM since reset"
  else peak_kb=$(cat "$WORK/rss" 2>/dev/null || echo 0); how="highest sampled VmRSS"; fi
fi

# PostgreSQL's own COPY of the same rows into a plain table: an ordinary (logged) table with no
# constraint and no index, as the goal says. (A temporary table would skip the WAL, which the
# service's own table cannot, and so flatter COPY.) Created before and dropped after the timing.
copy_sql="create table bench_copy (id_transaksi text, kode_sub_kegiatan text, tanggal date, nilai numeric(20,2), no_sp2d text)"
drop_sql="drop table if exists bench_copy"
if command -v psql >/dev/null; then
  psql -q -v ON_ERROR_STOP=1 -c "set client_min_messages = warning" -c "$drop_sql" -c "$copy_sql" >/dev/null
  # psql's own \timing: the COPY alone, without psql's start and connection
  copy_ms=$(psql -q -v ON_ERROR_STOP=1 -c "\\timing on" -c "\\copy bench_copy from '$WORK/raw.csv' with (format csv)" \
    | awk '/^Time:/ {print $2}')
  psql -q -c "$drop_sql" >/dev/null
  copy_s=$(awk -v ms="$copy_ms" 'BEGIN{print ms / 1000}')
else
  JAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar 2>/dev/null | grep -v sources | sort -V | tail -1)
  [ -n "$JAR" ] || { echo "no psql and no PostgreSQL JDBC driver in ~/.m2" >&2; exit 1; }
  copy_s=$(java -cp "$JAR" "$HERE/budget-copy.java" "$WORK/raw.csv" "$copy_sql" "$drop_sql")
fi

# What the service's own table costs: COPY of the entries the import just stored into a fresh copy
# of budget_spending with its indexes, check and foreign key to budget_line, as one statement. The goal's
# plain table has none of them; this shows how much of the ratio is the table's and how much the
# service's (reading the file, deciding every row, events). Then the same rows into two leaner
# copies, to show what each part of the table costs: without the foreign key, and with nothing
# but the unique source key (what makes an import idempotent; no primary key, no roll-up index,
# no foreign key). Each copy is made empty, timed alone and dropped.
floor_s= nofk_s= keyonly_s=
copy_into() { # table-setup-sql...: prints the COPY's milliseconds
  psql -q -v ON_ERROR_STOP=1 -c "set client_min_messages = warning" -c "drop table if exists bench_floor" "$@" \
    -c "\\timing on" -c "\\copy bench_floor from '$WORK/stored.txt'" | awk '/^Time:/ {print $2}'
  psql -q -c "drop table if exists bench_floor" >/dev/null
}
if command -v psql >/dev/null; then
  psql -q -v ON_ERROR_STOP=1 -c "\\copy (select * from budget_spending where agency_code = '$AGENCY') to '$WORK/stored.txt'"
  floor_ms=$(copy_into -c "create table bench_floor (like budget_spending including all)" \
    -c "alter table bench_floor add foreign key (line_id) references budget_line (id)")
  nofk_ms=$(copy_into -c "create table bench_floor (like budget_spending including all)")
  keyonly_ms=$(copy_into -c "create table bench_floor (like budget_spending including defaults including constraints)" \
    -c "alter table bench_floor add unique (agency_code, fiscal_year, source_key)")
  floor_s=$(awk -v ms="$floor_ms" 'BEGIN{print ms / 1000}')
  nofk_s=$(awk -v ms="$nofk_ms" 'BEGIN{print ms / 1000}')
  keyonly_s=$(awk -v ms="$keyonly_ms" 'BEGIN{print ms / 1000}')
fi

awk -v rows="$ROWS" -v s="$service_s" -v c="$copy_s" -v f="$floor_s" -v nf="$nofk_s" -v ko="$keyonly_s" -v kb="${peak_kb:-0}" -v how="${how:-not measured}" 'BEGIN {
  printf "service import : %d rows in %.2f s = %.0f rows/s\n", rows, s, rows / s
  printf "peak RSS       : %.1f MiB (%s)\n", kb / 1024, how
  printf "COPY           : %d rows in %.2f s = %.0f rows/s\n", rows, c, rows / c
  printf "ratio          : the service takes %.1f x the time of COPY\n", s / c
  if (f != "") {
    printf "COPY, own table: %d rows in %.2f s into a copy of budget_spending (indexes, check, foreign key) = %.1f x plain COPY\n", rows, f, f / c
    printf "ratio, own table: the service takes %.1f x the time of COPY into its own table\n", s / f
    printf "COPY, no foreign key: %.2f s = %.1f x plain COPY\n", nf, nf / c
    printf "COPY, unique source key only: %.2f s = %.1f x plain COPY\n", ko, ko / c
  }
}'
