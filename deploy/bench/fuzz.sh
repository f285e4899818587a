#!/usr/bin/env bash
# The larger fuzz run (issue 21, point 5): FuzzIT's seeded generator against the running local
# stack, CASES malformed requests per operation (the build's FuzzIT sends 16), one at a time.
#
#   deploy/bench/fuzz.sh                 # CASES=200, a new seed
#   CASES=500 SEED=42 deploy/bench/fuzz.sh
#
# Needs a running local stack (deploy/local/start.sh: business ports 8081-8084, management
# 9081-9084) with its demo data: the agency with data is dinsos-maluku, the one without
# fuzz-kosong. Prints the requests, the status histogram, every failure (a 5xx, a 4xx that is not
# a problem, a refused write that changed its resource, an answer slower than 10 s) and each
# service's RSS before and after. Not a test: the figures depend on the machine.
set -euo pipefail

. "$(dirname "$0")/auth.sh"
ROOT=$BENCH_ROOT
STACK=${SAKIP_STACK_DIR:-$ROOT/.stack}
CASES="${CASES:-200}"
SEED="${SEED:-$(date +%s%N)}"
AGENCY="${AGENCY:-dinsos-maluku}"

rss() { # prints "name RSS-MiB" per service of the stack
  for name in planning-service realization-service budget-service reporting-service; do
    pid=$(cat "$STACK/run/$name.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      printf '  %-20s %6d MiB\n' "$name" $(( $(ps -o rss= -p "$pid") / 1024 ))
    else
      printf '  %-20s not running\n' "$name"
    fi
  done
}

for port in 9081 9082 9083 9084; do
  curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready" \
    || { echo "nothing ready on management port $port: start the stack (deploy/local/start.sh)" >&2; exit 1; }
done

echo "RSS before:"; rss
URLS="planning-service=http://127.0.0.1:8081,http://127.0.0.1:9081"
URLS="$URLS;realization-service=http://127.0.0.1:8082,http://127.0.0.1:9082"
URLS="$URLS;budget-service=http://127.0.0.1:8083,http://127.0.0.1:9083"
URLS="$URLS;reporting-service=http://127.0.0.1:8084,http://127.0.0.1:9084"
started=$(date +%s)
status=0
# FuzzIT through the reactor; it starts no services of its own when given their URLs, and the
# services are not packaged again (the running stack runs those jars)
"$ROOT/mvnw" -B -ntp -f "$ROOT/pom.xml" verify -pl deploy/e2e -am -Dquarkus.build.skip=true -Dtest=NONE \
  -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FuzzIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dsakip.fuzz.urls="$URLS" -Dsakip.fuzz.token="$SAKIP_TOKEN" -Dsakip.fuzz.agency="$AGENCY" \
  -Dsakip.fuzz.cases="$CASES" -Dsakip.fuzz.seed="$SEED" > "$STACK/logs/fuzz.log" 2>&1 || status=$?
echo "run took $(( $(date +%s) - started )) s (build included); log: $STACK/logs/fuzz.log"
grep -E '^fuzz|FAILURE' "$STACK/logs/fuzz.log" | cut -c1-400 || true
echo "RSS after:"; rss
exit $status
