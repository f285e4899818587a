#!/usr/bin/env bash
# Load test of realization-service: records realisasi through the REST API with wrk.
#
#   deploy/bench/realization-wrk.sh            # against http://127.0.0.1:8082
#
# Needs a running local stack (deploy/local/start.sh). Records for an agency of its own, AGENCY
# (default bench-wrk), made through planning with indicators IK1..IK5 and no Renstra (so that the
# year may be any of 2000-2100; the demo agency's Renstra is 2019-2024, and a year outside it is
# refused). Not a test: run it by hand on a quiet machine; the numbers depend on it.
#
# Every request is a PUT of a monthly realisasi (M01..M12) of one of IK1..IK5 with a random
# value, so nearly every request is a real change: row update, audit entry and outbox event in
# one transaction, like an operator's input. The year is BENCH_YEAR (default 2099); the agency's
# monthly rows of BENCH_YEAR remain in the database afterwards, apart from the demo data.
#
# Prints, for 4 and for 32 connections (30 s each, after a warm-up of WARMUP, default 60 s, at 32
# connections: on these 2 shared cores the JIT compiler of a freshly started service still takes
# a good share of a core for the first minutes of load, and the goal is about the steady state;
# it takes about 10 minutes of load to settle here, so WARMUP=600s measures the steady state):
# requests per second,
# p50 and p99 latency, errors, the resident memory (RSS) of the process listening on the port, and
# the CPU time per request of each part of the stack (each service, Kafka, PostgreSQL), which the
# neighbours' load on a shared machine hardly moves. Then DROPPED (200) PUTs are sent and their
# connections closed without waiting for the answers, and it prints whether health and a PUT
# still answer (no database connection leaked).
set -euo pipefail

. "$(dirname "$0")/auth.sh"

BASE_URL="${BASE_URL:-http://127.0.0.1:8082}"
PORT="${PORT:-8082}"
AGENCY="${AGENCY:-bench-wrk}"
PLANNING="${PLANNING:-http://127.0.0.1:8081}"
BENCH_YEAR="${BENCH_YEAR:-2099}"
DURATION="${DURATION:-30s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-4 32}"
WARMUP="${WARMUP:-60s}"

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk not found; installing the Debian package" >&2
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq wrk
fi

plan() { # path json: a PUT to planning (an upsert: the same again changes nothing)
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H 'Content-Type: application/json' -H "$AUTH" \
    -d "$2" "$PLANNING$1" || true)
  case "$status" in
    200|201|204) ;;
    *) echo "PUT $PLANNING$1 answered $status: is the stack running (deploy/local/start.sh)?" >&2; exit 1 ;;
  esac
}
plan "/api/v1/agencies/$AGENCY" '{"name":"Bench realization"}'
plan "/api/v1/agencies/$AGENCY/sasaran/S1" '{"name":"Sasaran 1","ordinal":1}'
for ik in IK1 IK2 IK3 IK4 IK5; do
  plan "/api/v1/agencies/$AGENCY/indicators/$ik" \
    "{\"sasaran\":\"S1\",\"name\":\"Indikator $ik\",\"unit\":\"kegiatan\",\"polarity\":\"positive\"}"
done

# realization must know the agency's indicators (from planning's events) before measuring
# anything. Every row the load touches is created here, one by one, so that the measurement is of
# updates (the common case) and concurrent first inserts of one row do not collide.
for ik in IK1 IK2 IK3 IK4 IK5; do
  for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
    for attempt in $(seq 1 150); do
      status=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H 'Content-Type: application/json' \
        -H "$AUTH" -d '{"value":1}' \
        "$BASE_URL/api/v1/agencies/$AGENCY/indicators/$ik/realisasi/$BENCH_YEAR/M$m" || true)
      case "$status" in
        200|201) break ;;
        404) sleep 0.2 ;; # the indicator's event is still on its way
        *) echo "PUT of $ik M$m answered $status: is the stack running (deploy/local/start.sh)?" >&2; exit 1 ;;
      esac
    done
    if [ "$status" != 200 ] && [ "$status" != 201 ]; then
      echo "realization-service does not know $AGENCY's $ik after 30 s (PUT answered $status)" >&2
      exit 1
    fi
  done
done

pid_on_port() {
  local pid=""
  if command -v ss >/dev/null 2>&1; then
    pid=$(ss -ltnpH "sport = :$PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
  fi
  if [ -z "$pid" ] && command -v lsof >/dev/null 2>&1; then
    pid=$(lsof -t -iTCP:"$PORT" -sTCP:LISTEN 2>/dev/null | head -1 || true)
  fi
  if [ -z "$pid" ] && command -v fuser >/dev/null 2>&1; then
    pid=$(fuser "$PORT/tcp" 2>/dev/null | awk '{print $1}' || true)
  fi
  echo "$pid"
}

rss() {
  local pid
  pid=$(pid_on_port)
  if [ -n "$pid" ] && [ -r "/proc/$pid/status" ]; then
    awk -v pid="$pid" '/^VmRSS/ {rss=$2} /^VmHWM/ {hwm=$2} END {printf "pid %s RSS %.1f MiB (peak %.1f MiB)", pid, rss/1024, hwm/1024}' "/proc/$pid/status"
  else
    echo "unknown (no process found listening on port $PORT; run as the stack's user or root)"
  fi
}

# CPU time (user + system, in clock ticks) of the stack's processes: each service by its port,
# Kafka, and every PostgreSQL process together. Throughput on a shared machine moves with the
# neighbours' load; the CPU a request costs each part hardly does, so it is printed per request.
cpu_snapshot() {
  local port p
  for port in 8081 8082 8083 8084; do
    p=$(pgrep -f "quarkus.http.port=$port" | head -1 || true)
    echo "$port $( [ -n "$p" ] && awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)"
  done
  p=$(pgrep -f kafka.Kafka | head -1 || true)
  echo "kafka $( [ -n "$p" ] && awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)"
  echo "postgres $(for p in $(pgrep -x postgres || true); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done \
    | awk '{s += $1} END {print s + 0}')"
}

cpu_per_request() { # before-file after-file requests
  local tick
  tick=$(getconf CLK_TCK)
  join "$1" "$2" | awk -v n="$3" -v tick="$tick" '
    BEGIN { split("8081 planning 8082 realization 8083 budget 8084 reporting kafka kafka postgres postgres", m, " ");
            for (i = 1; i < 12; i += 2) name[m[i]] = m[i + 1] }
    { ms = ($3 - $2) * 1000 / tick / (n > 0 ? n : 1); total += ms
      line = line sprintf("%s %.2f | ", name[$1], ms) }
    END { printf "  CPU ms per request: %stotal %.2f\n", line, total }'
}

SCRIPT=$(mktemp --suffix=.lua)
CPU_BEFORE=$(mktemp) CPU_AFTER=$(mktemp)
trap 'rm -f "$SCRIPT" "$CPU_BEFORE" "$CPU_AFTER"' EXIT
cat > "$SCRIPT" <<LUA
local agency = "$AGENCY"
local year = "$BENCH_YEAR"
local counter = 0
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("SAKIP_TOKEN") }

setup = function(thread)
  thread:set("offset", math.random(0, 1000))
end

init = function(args)
  math.randomseed(os.time() + (offset or 0))
  counter = offset or 0
end

request = function()
  counter = counter + 1
  local indicator = "IK" .. ((counter % 5) + 1)
  local month = string.format("M%02d", (math.floor(counter / 5) % 12) + 1)
  local body = '{"value":' .. math.random(1, 1000000) .. '}'
  return wrk.format("PUT", "/api/v1/agencies/" .. agency .. "/indicators/" .. indicator .. "/realisasi/"
    .. year .. "/" .. month, headers, body)
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests/s %.1f | p50 %.2f ms | p99 %.2f ms | requests %d | socket errors %d | non-2xx %d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, errors, summary.errors.status))
end
LUA

echo "realization-service at $BASE_URL, agency $AGENCY, year $BENCH_YEAR, $THREADS wrk threads"
echo "memory before: $(rss)"
echo "warm-up ($WARMUP, 32 connections)"
wrk -t"$THREADS" -c32 -d"$WARMUP" -s "$SCRIPT" "$BASE_URL" >/dev/null

for c in $CONNECTIONS; do
  t=$THREADS
  if [ "$c" -lt "$t" ]; then t=$c; fi
  cpu_snapshot > "$CPU_BEFORE"
  result=$(wrk -t"$t" -c"$c" -d"$DURATION" --timeout 10s -s "$SCRIPT" "$BASE_URL" | grep '^RESULT' | sed 's/^RESULT //')
  sleep 2 # the events of the last requests reach reporting
  cpu_snapshot > "$CPU_AFTER"
  echo "$c connections, $DURATION: $result"
  cpu_per_request "$CPU_BEFORE" "$CPU_AFTER" "$(echo "$result" | sed -n 's/.*requests \([0-9]*\) |.*/\1/p')"
  echo "  memory after: $(rss)"
done

# A client that drops its requests in flight (issue 4): DROPPED (200) PUTs, more than the
# service's 20 database connections, each sent whole over a connection closed right after,
# without waiting for the answer. A leaked connection per dropped request would empty the pool;
# health must still answer and a PUT must still be recorded.
DROPPED="${DROPPED:-200}"
hostport=${BASE_URL#*://}
hostport=${hostport%%/*}
host=${hostport%:*}
tcp_port=${hostport##*:}
for i in $(seq 1 "$DROPPED"); do
  body="{\"value\":$i}"
  path="/api/v1/agencies/$AGENCY/indicators/IK$(( i % 5 + 1 ))/realisasi/$BENCH_YEAR/M$(printf '%02d' $(( i % 12 + 1 )))"
  if exec 3<>"/dev/tcp/$host/$tcp_port"; then
    printf 'PUT %s HTTP/1.1\r\nHost: %s\r\n%s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s' \
      "$path" "$hostport" "$AUTH" "${#body}" "$body" >&3 || true
    exec 3>&-
  fi
done
health=000
for attempt in $(seq 1 50); do
  health=$(curl -s -o /dev/null -w '%{http_code}' "${MANAGEMENT_URL:-http://127.0.0.1:9082}/q/health/ready" || true)
  [ "$health" = 200 ] && break
  sleep 0.2
done
put=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H 'Content-Type: application/json' -H "$AUTH" \
  -d '{"value":1}' "$BASE_URL/api/v1/agencies/$AGENCY/indicators/IK1/realisasi/$BENCH_YEAR/M01" || true)
echo "after $DROPPED PUTs dropped in flight: health $health, a PUT answered $put$( [ "$health" = 200 ] && [ "$put" = 200 ] \
  && echo ' (no connection leaked)' || echo ' (CHECK: the service may leak connections)')"
