#!/usr/bin/env bash
# Fault recovery on the local stack (deploy/local/start.sh running). Not a test: run it by hand on
# a quiet machine; the numbers depend on it.
#
#   deploy/bench/fault-recovery.sh
#
# 1. Freshness with poison in the stream: reporting-freshness.sh at RATE (200) per second for
#    DURATION (20) seconds, and POISON_AT (5) seconds in, one record that is not an event sent onto
#    each of the three topics. Prints the freshness figures (p50, p99 from the acknowledgement and
#    from the send) and the poison as reporting-service's parked-events listing has it.
# 2. A broker restart: stops the stack's Kafka (SIGTERM), records a realisasi while it is down (the
#    outbox keeps it), waits DOWN (5) seconds, starts Kafka again through start.sh, and prints the
#    time from the broker's port answering again until /performance shows that realisasi: the
#    relay has published it and the consumer's lag is back to zero for it.
set -euo pipefail

. "$(dirname "$0")/auth.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
STACK=${SAKIP_STACK_DIR:-$ROOT/.stack}
REALIZATION="${REALIZATION:-http://127.0.0.1:8082}"
REPORTING="${REPORTING:-http://127.0.0.1:8084}"
KAFKA_PORT="${SAKIP_KAFKA_PORT:-9092}"
KAFKA="${KAFKA:-127.0.0.1:$KAFKA_PORT}"
KAFKA_LIBS="${KAFKA_LIBS:-$STACK/kafka-libs}"
RATE="${RATE:-200}"
DURATION="${DURATION:-20}"
POISON_AT="${POISON_AT:-5}"
DOWN="${DOWN:-5}"
AGENCY="${AGENCY:-bench-fresh}"
YEAR="${BENCH_YEAR:-2022}"

now_ms() { date +%s%3N; }

poison() { # topic key
  printf '%s\t%s\n' "$2" '{"id": "not a whole event' | java -cp "$KAFKA_LIBS/*" org.apache.kafka.tools.ConsoleProducer \
    --bootstrap-server "$KAFKA" --topic "$1" --property parse.key=true --property 'key.separator=	' >/dev/null 2>&1
}

echo "== 1. freshness at $RATE/s for $DURATION s, poison on every topic at $POISON_AT s"
stamp=$(date +%s)
( sleep "$POISON_AT"
  for topic in sakip.planning.events sakip.realization.events sakip.budget.events; do
    poison "$topic" "bench-poison-$stamp-${topic#sakip.}"
  done
  echo "poison sent at $(date +%T)" ) &
RATES="$RATE" DURATION="$DURATION" SUSTAIN_RATES="$RATE" SUSTAIN_DURATION=5 \
  "$(dirname "$0")/reporting-freshness.sh" 2>&1 | grep -v '^creating' | sed -n '1,40p'
wait
curl -s -H "$AUTH" "$REPORTING/api/v1/admin/parked-events?size=500" \
  | grep -o "\"key\":\"bench-poison-$stamp[^\"]*\",[^}]*\"reasonKind\":\"[a-z-]*\"" | sed 's/^/parked: /' || true

echo "== 2. broker restart, down for $DOWN s"
pid=$(cat "$STACK/run/kafka.pid")
kill "$pid"
while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
echo "broker stopped at $(date +%T)"
marker=$(( $(date +%s) % 100000 + 1000000 ))
code=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H "$AUTH" -H 'Content-Type: application/json' \
  -d "{\"value\": $marker}" "$REALIZATION/api/v1/agencies/$AGENCY/indicators/IK1/realisasi/$YEAR")
echo "realisasi $marker recorded while the broker is down: HTTP $code"
sleep "$DOWN"
"$ROOT/deploy/local/start.sh" > "$STACK/logs/fault-recovery-start.log" 2>&1 &
until (echo > "/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null; do sleep 0.05; done
back=$(now_ms)
echo "broker answering again at $(date +%T)"
deadline=$(( back + 180000 ))
until curl -s -H "$AUTH" "$REPORTING/api/v1/agencies/$AGENCY/years/$YEAR/performance" | grep -q "\"realisasi\":$marker"; do
  if [ "$(now_ms)" -gt "$deadline" ]; then echo "the realisasi did not show within 180 s" >&2; exit 1; fi
  sleep 0.05
done
echo "broker back -> realisasi in /performance: $(( $(now_ms) - back )) ms"
wait
