#!/usr/bin/env bash
# The nightly build of 40 agencies of the seed's size: loads 40 copies of the seed agency
# (plan, realisasi, budget, narratives: deploy/demo/*.requests with another agency code)
# through the services' APIs, then triggers one build run for 2022 and times it.
#
#   deploy/bench/lkip-nightly-40.sh [count]       # default 40; local stack on 8081-8084
#
# Needs the running local stack (deploy/local/start.sh). Not a test: run it by hand. Loading is
# idempotent (upserts), so running it again only repeats the build.
set -euo pipefail

. "$(dirname "$0")/auth.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
COUNT=${1:-40}
REPORTING=${REPORTING_URL:-http://127.0.0.1:8084}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "loading $COUNT agencies of the seed's size"
all="$work/all.requests"
: > "$all"
for i in $(seq -w 1 "$COUNT"); do
  code="bench-lkip-$i"
  sed "s/\"code\": \"dinsos-maluku\"/\"code\": \"$code\"/" "$ROOT/deploy/demo/dinsos-maluku-plan.json" > "$work/$code-plan.json"
  echo "PUT planning /api/v1/agencies/$code/plan @$code-plan.json" >> "$all"
done
for file in "$ROOT"/deploy/demo/[2-4]*.requests; do
  for i in $(seq -w 1 "$COUNT"); do
    grep -v '^#' "$file" | grep -v '^$' | grep -v '@' | sed "s#/agencies/dinsos-maluku/#/agencies/bench-lkip-$i/#" >> "$all"
  done
done
load_start=$(date +%s.%N)
java "$ROOT/deploy/local/StackTool.java" load "$all"
echo "loaded in $(awk -v a="$load_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"

echo "waiting until reporting holds every agency's 2022 figures"
for i in $(seq -w 1 "$COUNT"); do
  for _ in $(seq 1 300); do
    body=$(curl -H "$AUTH" -s "$REPORTING/api/v1/agencies/bench-lkip-$i/years/2022/performance" || true)
    case "$body" in *'"realisasi":300'*) break ;; esac
    sleep 0.2
  done
done

run=$(curl -H "$AUTH" -s -X POST "$REPORTING/api/v1/builds?year=2022")
run_id=$(echo "$run" | sed -n 's/.*"runId":"\([^"]*\)".*/\1/p')
[ -n "$run_id" ] || { echo "trigger refused: $run" >&2; exit 1; }
start=$(date +%s.%N)
while curl -H "$AUTH" -s "$REPORTING/api/v1/builds?run=$run_id&size=1" | grep -q "\"running\":\"$run_id\""; do
  sleep 0.5
done
elapsed=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
list=$(curl -H "$AUTH" -s "$REPORTING/api/v1/builds?run=$run_id&size=200")
agencies=$(echo "$list" | grep -o '"agency":"' | wc -l)
ok=$(echo "$list" | grep -o '"status":"SUCCEEDED"' | wc -l)
durations=$(echo "$list" | grep -o '"durationMs":[0-9]*' | cut -d: -f2 | sort -n)
median=$(echo "$durations" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
max=$(echo "$durations" | tail -1)
distinct=$(echo "$list" | grep -o '"agency":"[^"]*"' | sort -u | wc -l)
echo "build run $run_id: $agencies agencies ($ok succeeded, $distinct distinct: $((agencies - distinct)) built twice) in $elapsed s; per agency median ${median} ms, max ${max} ms (all four formats)"
