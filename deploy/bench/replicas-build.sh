#!/usr/bin/env bash
# Issue 22's benchmark: one build run over COUNT agencies of the seed's size (200 by default)
# with two reporting instances, then with one, then with two again, on the local stack started
# with two replicas (deploy/local/start.sh --replicas 2). Each run prints its wall time, the
# per-agency median and whether any agency was built twice (lkip-nightly-40.sh). On a 2-core
# machine the total is bounded by the cores: the point is that the work is shared and nothing is
# built twice, and what the second instance costs or gains here.
#
#   deploy/bench/replicas-build.sh [count]
set -euo pipefail

. "$(dirname "$0")/auth.sh"
STACK=${SAKIP_STACK_DIR:-$BENCH_ROOT/.stack}
COUNT=${1:-200}
for port in 9084 9184; do
  curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready" \
    || { echo "reporting is not ready on management port $port: deploy/local/start.sh --replicas 2" >&2; exit 1; }
done

echo "== two reporting instances"
"$BENCH_ROOT/deploy/bench/lkip-nightly-40.sh" "$COUNT"

echo "== one reporting instance (the second stopped)"
kill "$(cat "$STACK/run/reporting-service-1.pid")"
while curl -fs -o /dev/null http://127.0.0.1:9184/q/health/live; do sleep 0.5; done
"$BENCH_ROOT/deploy/bench/lkip-nightly-40.sh" "$COUNT"

echo "== two reporting instances again"
"$BENCH_ROOT/deploy/local/start.sh" --replicas 2 > /dev/null
"$BENCH_ROOT/deploy/bench/lkip-nightly-40.sh" "$COUNT"
