#!/usr/bin/env bash
# Issue 21, "Memory": a 1 GiB-inflating workbook sent to each of the three upload endpoints of the
# running local stack (deploy/local/start.sh). Prints each service's RSS before, its peak while
# the request runs (sampled every 50 ms) and after, the answer's status and time, and whether the
# service is ready afterwards. Not a test: the figures depend on the machine.
#
#   deploy/bench/upload-bomb.sh              # a sheet of 1 GiB of zeros, about 1 MB compressed
#   SIZE_MIB=256 deploy/bench/upload-bomb.sh
set -euo pipefail

. "$(dirname "$0")/auth.sh"
STACK=${SAKIP_STACK_DIR:-$BENCH_ROOT/.stack}
SIZE_MIB="${SIZE_MIB:-1024}"
AGENCY="${AGENCY:-dinsos-maluku}"
XLSX=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python3 - "$WORK/bomb.xlsx" "$SIZE_MIB" <<'PY'
import sys, zipfile
path, mib = sys.argv[1], int(sys.argv[2])
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
        block = bytes(1 << 20)
        for _ in range(mib):
            part.write(block)
PY
echo "workbook: $(( $(stat -c %s "$WORK/bomb.xlsx") / 1024 )) KiB, its sheet inflates to $SIZE_MIB MiB"

rss_mib() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }

bomb() { # service business-port management-port path
  local name=$1 port=$2 management=$3 path=$4 pid before peak after status seconds
  pid=$(cat "$STACK/run/$name.pid")
  before=$(rss_mib "$pid"); peak=$before
  curl -s -o "$WORK/answer" -w '%{http_code} %{time_total}\n' -H "$AUTH" -H "Content-Type: $XLSX" \
    --data-binary @"$WORK/bomb.xlsx" "http://127.0.0.1:$port$path" > "$WORK/status" &
  local curl_pid=$!
  while kill -0 "$curl_pid" 2>/dev/null; do
    now=$(rss_mib "$pid"); [ "$now" -gt "$peak" ] && peak=$now
    sleep 0.05
  done
  wait "$curl_pid" || true
  read -r status seconds < "$WORK/status"
  sleep 2; after=$(rss_mib "$pid")
  ready=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$management/q/health/ready")
  printf '%-20s %s in %6.2f s  RSS before %4d MiB, peak %4d MiB, after %4d MiB; ready %s; %s\n' \
    "$name" "$status" "$seconds" "$before" "$peak" "$after" "$ready" "$(head -c 200 "$WORK/answer")"
}

bomb planning-service 8081 9081 "/api/v1/agencies/$AGENCY/targets/upload?dryRun=true"
bomb realization-service 8082 9082 "/api/v1/agencies/$AGENCY/realisasi/import?dryRun=true"
bomb budget-service 8083 9083 "/api/v1/agencies/$AGENCY/years/2022/budget/imports?dryRun=true"
