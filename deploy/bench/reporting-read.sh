#!/usr/bin/env bash
# Read benchmark of reporting-service: wrk on /performance of an agency with 10 and of an agency
# with 100 indicators.
#
#   deploy/bench/reporting-read.sh             # against http://127.0.0.1:8084
#
# Needs a running local stack (deploy/local/start.sh): planning on 8081, realization on 8082,
# reporting on 8084. Not a test: run it by hand on a quiet machine; the numbers depend on it.
#
# Creates (once; running it again only repeats idempotent PUTs) two agencies through
# planning-service and realization-service, exactly as an operator would: bench-read-10 with 10
# indicators and bench-read-100 with 100 indicators, 10 indicators per sasaran, a target and a
# yearly realisasi for BENCH_YEAR each. Waits until reporting shows every indicator, then runs
# wrk for DURATION (30 s) at CONNECTIONS (32) on each agency's /performance, after a 5 s warm-up,
# and prints requests per second, p50 and p99 latency and the errors. A second run with
# If-None-Match (ETAG=1, default on) shows what dashboards that poll with the ETag get: 304s.
set -euo pipefail

. "$(dirname "$0")/auth.sh"

PLANNING="${PLANNING:-http://127.0.0.1:8081}"
REALIZATION="${REALIZATION:-http://127.0.0.1:8082}"
REPORTING="${REPORTING:-http://127.0.0.1:8084}"
BENCH_YEAR="${BENCH_YEAR:-2022}"
DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
ETAG="${ETAG:-1}"

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk not found; installing the Debian package" >&2
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq wrk
fi

put() { # service-url path json
  local status
  status=$(curl -H "$AUTH" -s -o /dev/null -w '%{http_code}' -X PUT -H 'Content-Type: application/json' -H "$AUTH" \
    -d "$3" "$1$2" || true)
  case "$status" in
    200|201|204) ;;
    *) echo "PUT $1$2 answered $status: is the stack running (deploy/local/start.sh)?" >&2; exit 1 ;;
  esac
}

create_agency() { # code indicators
  local agency=$1 count=$2 i s
  put "$PLANNING" "/api/v1/agencies/$agency" "{\"name\":\"Bench $agency\"}"
  for ((s = 1; s <= (count + 9) / 10; s++)); do
    put "$PLANNING" "/api/v1/agencies/$agency/sasaran/S$s" "{\"name\":\"Sasaran $s\",\"ordinal\":$s}"
  done
  for ((i = 1; i <= count; i++)); do
    s=$(( (i - 1) / 10 + 1 ))
    put "$PLANNING" "/api/v1/agencies/$agency/indicators/IK$i" \
      "{\"sasaran\":\"S$s\",\"name\":\"Indikator $i\",\"unit\":\"kegiatan\",\"polarity\":\"positive\"}"
    put "$PLANNING" "/api/v1/agencies/$agency/indicators/IK$i/targets/$BENCH_YEAR" "{\"value\":$(( 10 + i ))}"
  done
  # realization learns the indicators from planning's events: retry until it knows the last one
  for ((i = 1; i <= count; i++)); do
    for attempt in $(seq 1 100); do
      status=$(curl -H "$AUTH" -s -o /dev/null -w '%{http_code}' -X PUT -H 'Content-Type: application/json' -H "$AUTH" \
        -d "{\"value\":$(( 5 + i ))}" "$REALIZATION/api/v1/agencies/$agency/indicators/IK$i/realisasi/$BENCH_YEAR" || true)
      case "$status" in 200|201|204) break ;; esac
      if [ "$attempt" = 100 ]; then echo "realisasi of $agency IK$i answered $status" >&2; exit 1; fi
      sleep 0.2
    done
  done
  # reporting shows all of them once every event was applied
  for attempt in $(seq 1 300); do
    shown=$(curl -H "$AUTH" -s "$REPORTING/api/v1/agencies/$agency/years/$BENCH_YEAR/performance" \
      | grep -o '"realisasiUpdates":[1-9]' | wc -l || true)
    # every indicator shows its realisasi
    if [ "$shown" -ge "$count" ]; then return 0; fi
    sleep 0.2
  done
  echo "reporting never showed the $count indicators of $agency" >&2
  exit 1
}

SCRIPT=$(mktemp --suffix=.lua)
trap 'rm -f "$SCRIPT"' EXIT
cat > "$SCRIPT" <<'LUA'
done = function(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests/s %.1f | p50 %.2f ms | p99 %.2f ms | requests %d | socket errors %d | non-2xx/3xx %d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, errors, summary.errors.status))
end
LUA

echo "creating bench agencies through planning ($PLANNING) and realization ($REALIZATION)"
create_agency bench-read-10 10
create_agency bench-read-100 100

for agency in bench-read-10 bench-read-100; do
  path="/api/v1/agencies/$agency/years/$BENCH_YEAR/performance"
  bytes=$(curl -H "$AUTH" -s "$REPORTING$path" | wc -c)
  echo "$agency: $path ($bytes bytes)"
  wrk -H "$AUTH" -t"$THREADS" -c4 -d5s -s "$SCRIPT" "$REPORTING$path" >/dev/null
  result=$(wrk -H "$AUTH" -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s "$SCRIPT" "$REPORTING$path" \
    | grep '^RESULT' | sed 's/^RESULT //')
  echo "  $CONNECTIONS connections, $DURATION, full body:        $result"
  if [ "$ETAG" = 1 ]; then
    etag=$(curl -H "$AUTH" -s -D - -o /dev/null "$REPORTING$path" | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r')
    result=$(wrk -H "$AUTH" -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -H "If-None-Match: $etag" -s "$SCRIPT" \
      "$REPORTING$path" | grep '^RESULT' | sed 's/^RESULT //')
    echo "  $CONNECTIONS connections, $DURATION, If-None-Match (304): $result"
  fi
done
