#!/bin/bash
# SAKIP's broker in docker-compose (apache/kafka image): one KRaft node whose clients authenticate
# with SASL/SCRAM-SHA-512 and are authorised by ACLs alone (docs/security.md, "Broker"). The admin,
# the only super user, is created with the cluster's storage; init.sh makes the rest. SASL over
# plain TCP inside compose's network: a broker reachable by others takes SASL_SSL (Kubernetes).
# The controller's listener, on localhost only, takes SASL/PLAIN with the admin alone (SCRAM cannot
# serve a controller).
set -euo pipefail
: "${SAKIP_KAFKA_ADMIN_PASSWORD:?the admin password}"
BIN=${KAFKA_HOME:-/opt/kafka}/bin
DATA=${SAKIP_KAFKA_DATA:-/var/lib/kafka/data}
ADVERTISED=${SAKIP_KAFKA_ADVERTISED:-kafka:9092}
CONTROLLER_PORT=${SAKIP_KAFKA_CONTROLLER_PORT:-9093}
CONFIG=$(mktemp)
cat > "$CONFIG" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:$CONTROLLER_PORT
listeners=SASL_PLAINTEXT://:${ADVERTISED##*:},CONTROLLER://localhost:$CONTROLLER_PORT
advertised.listeners=SASL_PLAINTEXT://$ADVERTISED
listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
inter.broker.listener.name=SASL_PLAINTEXT
controller.listener.names=CONTROLLER
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$SAKIP_KAFKA_ADMIN_PASSWORD";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$SAKIP_KAFKA_ADMIN_PASSWORD" user_admin="$SAKIP_KAFKA_ADMIN_PASSWORD";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin
allow.everyone.if.no.acl.found=false
auto.create.topics.enable=false
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
log.dirs=$DATA
PROPS
if [ ! -f "$DATA/meta.properties" ]; then
  "$BIN/kafka-storage.sh" format -t "$("$BIN/kafka-storage.sh" random-uuid)" -c "$CONFIG" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$SAKIP_KAFKA_ADMIN_PASSWORD]"
fi
exec "$BIN/kafka-server-start.sh" "$CONFIG"
