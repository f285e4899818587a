#!/usr/bin/env bash
# Stops exactly what deploy/local/start.sh started: the four services, Keycloak (--keycloak),
# Kafka and PostgreSQL.
# Data stay in the stack folder for the next start.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
STACK=${SAKIP_STACK_DIR:-$ROOT/.stack}

stop_pid() { # name pidfile
  local pid
  [ -f "$2" ] || return 0
  pid=$(cat "$2")
  if kill -0 "$pid" 2>/dev/null; then
    echo "[stop] stopping $1 (pid $pid)"
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  fi
  rm -f "$2"
}

for name in reporting-service budget-service realization-service planning-service; do
  # every replica: name.pid (replica 0) and name-1.pid, name-2.pid, ... (start.sh --replicas N)
  for pidfile in "$STACK/run/$name.pid" "$STACK/run/$name"-[0-9].pid; do
    [ -f "$pidfile" ] || continue
    stop_pid "$(basename "$pidfile" .pid)" "$pidfile"
  done
done
stop_pid keycloak "$STACK/run/keycloak.pid"
stop_pid kafka "$STACK/run/kafka.pid"

PGDATA=$STACK/pgdata
if [ -f "$PGDATA/postmaster.pid" ]; then
  pid=$(head -1 "$PGDATA/postmaster.pid")
  if kill -0 "$pid" 2>/dev/null; then
    echo "[stop] stopping PostgreSQL (pid $pid)"
    kill -INT "$pid" # fast shutdown
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
fi
echo "[stop] stopped; data kept in $STACK"
