#!/usr/bin/env bash
# Time to produce the seed agency's LKIP in each format, through the running reporting-service.
#
#   deploy/bench/lkip-formats.sh [agency] [year]     # default dinsos-maluku 2022, on :8084
#
# Needs the local stack with the demo data (deploy/local/start.sh). Not a test: run it by hand.
# Two warm-up requests per format, then 20 timed ones; prints min, median and max in ms.
set -euo pipefail

. "$(dirname "$0")/auth.sh"
AGENCY=${1:-dinsos-maluku}
YEAR=${2:-2022}
BASE=${REPORTING_URL:-http://127.0.0.1:8084}
URL="$BASE/api/v1/agencies/$AGENCY/years/$YEAR/lkip"
for accept in text/html application/json application/pdf \
              application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; do
  for _ in 1 2; do curl -H "$AUTH" -s -o /dev/null -H "Accept: $accept" "$URL"; done
  times=()
  for _ in $(seq 1 20); do
    t=$(curl -H "$AUTH" -s -o /dev/null -w '%{http_code} %{time_total}' -H "Accept: $accept" "$URL")
    [ "${t%% *}" = 200 ] || { echo "$accept answered ${t%% *}" >&2; exit 1; }
    times+=("$(awk -v s="${t#* }" 'BEGIN { printf "%.1f", s * 1000 }')")
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf '%-70s min %7s ms | median %7s ms | max %7s ms\n' "$accept" \
    "$(echo "$sorted" | head -1)" "$(echo "$sorted" | sed -n 10p)" "$(echo "$sorted" | tail -1)"
done
