#!/bin/bash
# Makes SAKIP's users, topics and ACLs on the broker, as its admin (docs/security.md, "Broker"):
# a SCRAM-SHA-512 user per service, every topic of the table `acls` (the broker creates none by
# itself), and exactly the ACLs of that table. Each step may run again: run it once per
# installation and after each change of the table or of a password. Run by docker-compose's
# kafka-init and by the Kubernetes job sakip-kafka-init, in the apache/kafka image.
#
#   KAFKA_BOOTSTRAP_SERVERS              the broker
#   SAKIP_KAFKA_SECURITY_PROTOCOL        SASL_SSL (default) or SASL_PLAINTEXT
#   SAKIP_KAFKA_ADMIN_USERNAME/PASSWORD  the broker's super user (username default admin)
#   SAKIP_KAFKA_TRUSTSTORE               a PEM file of the broker's CA, if not a public one
#   SAKIP_KAFKA_PASSWORD_PLANNING, _REALIZATION, _BUDGET, _REPORTING   each service's password
#                                        (no comma, double quote or backslash)
set -euo pipefail
BIN=${KAFKA_HOME:-/opt/kafka}/bin
TABLE=${SAKIP_KAFKA_ACLS:-$(dirname "$0")/acls}
: "${KAFKA_BOOTSTRAP_SERVERS:?the broker}" "${SAKIP_KAFKA_ADMIN_PASSWORD:?the admin password}"

CONFIG=$(mktemp)
trap 'rm -f "$CONFIG"' EXIT
cat > "$CONFIG" <<PROPS
security.protocol=${SAKIP_KAFKA_SECURITY_PROTOCOL:-SASL_SSL}
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${SAKIP_KAFKA_ADMIN_USERNAME:-admin}" password="$SAKIP_KAFKA_ADMIN_PASSWORD";
PROPS
if [ -n "${SAKIP_KAFKA_TRUSTSTORE:-}" ]; then
  printf 'ssl.truststore.type=PEM\nssl.truststore.location=%s\n' "$SAKIP_KAFKA_TRUSTSTORE" >> "$CONFIG"
fi
ADMIN=(--bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --command-config "$CONFIG")
rows() { grep -v '^[[:space:]]*#' "$TABLE" | awk 'NF == 4'; }

for service in $(rows | awk '{print $1}' | sort -u); do
  variable=SAKIP_KAFKA_PASSWORD_$(echo "${service%-service}" | tr 'a-z-' 'A-Z_')
  password=${!variable:?$variable: the password of $service}
  echo "user $service"
  "$BIN/kafka-configs.sh" "${ADMIN[@]}" --alter --entity-type users --entity-name "$service" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$password]"
done

for topic in $(rows | awk '$3 == "topic" {print $4}' | sort -u); do
  "$BIN/kafka-topics.sh" "${ADMIN[@]}" --create --if-not-exists --topic "$topic" \
    --partitions "${SAKIP_KAFKA_PARTITIONS:-3}" --replication-factor "${SAKIP_KAFKA_REPLICATION_FACTOR:-1}"
done

rows | while read -r principal operation resource name; do
  "$BIN/kafka-acls.sh" "${ADMIN[@]}" --add --allow-principal "User:$principal" --operation "$operation" \
    "--$resource" "$name"
done
echo "users, topics and ACLs of $TABLE are on $KAFKA_BOOTSTRAP_SERVERS"
