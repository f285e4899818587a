#!/usr/bin/env bash
# Where a realisasi update's freshness goes (not a test): for the realisasi events of the last
# SINCE seconds (default 60), joins realization-service's outbox with reporting-service's
# processed_event by event id and prints p50 / p90 / p99 / max in milliseconds of each stage:
#
#   relay    outbox row written (in the recording transaction) -> broker acknowledged it (sent_at)
#   consumer broker acknowledged -> reporting began the transaction that applied it (processed_at
#            is that transaction's now(): the wait in Kafka and in the consumer's queue)
#
# What remains of reporting-freshness.sh's figure after these two is the consumer's transaction
# (apply, recalculate, commit) and the poll. Run it right after reporting-freshness.sh, against
# the same local stack's PostgreSQL (PGHOST / PGPORT / PGUSER / PGPASSWORD override). Needs only
# a JDK: the two databases are read with the PostgreSQL JDBC driver that the services' build put
# in the local Maven repository (psql is not on every machine this runs on).
set -euo pipefail

SINCE="${SINCE:-60}"
PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGPASSWORD="${PGPASSWORD:-}"
JDBC=$(find "${MAVEN_REPO:-$HOME/.m2/repository}/org/postgresql/postgresql" -name 'postgresql-*.jar' 2>/dev/null \
  | sort -V | tail -1)
if [ -z "$JDBC" ]; then
  echo "no PostgreSQL JDBC driver in the local Maven repository: build the services first (./mvnw package)" >&2
  exit 1
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/Stages.java" <<'JAVA'
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** args: base JDBC URL (without database), user, password, seconds. */
public class Stages {
    public static void main(String[] args) throws Exception {
        String base = args[0], user = args[1], password = args[2];
        int since = Integer.parseInt(args[3]);
        Map<String, double[]> outbox = new HashMap<>(); // event id -> (created, sent) in epoch ms
        try (Connection c = DriverManager.getConnection(base + "realization", user, password);
             PreparedStatement s = c.prepareStatement("select event_id::text, extract(epoch from created_at) * 1000, "
                     + "extract(epoch from sent_at) * 1000 from outbox_event where event_type like "
                     + "'sakip.realization.realisasi.recorded%' and created_at > now() - make_interval(secs => ?) "
                     + "and sent_at is not null")) {
            s.setInt(1, since);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    outbox.put(r.getString(1), new double[] {r.getDouble(2), r.getDouble(3)});
                }
            }
        }
        System.out.println("realisasi events in the last " + since + " s: " + outbox.size());
        List<Double> relay = new ArrayList<>(), consumer = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(base + "reporting", user, password);
             PreparedStatement s = c.prepareStatement("select event_id::text, extract(epoch from processed_at) * 1000 "
                     + "from processed_event where processed_at > now() - make_interval(secs => ?)")) {
            s.setInt(1, since + 60); // applied up to a minute after it was written
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    double[] o = outbox.get(r.getString(1));
                    if (o != null) {
                        relay.add(o[1] - o[0]);
                        consumer.add(r.getDouble(2) - o[1]);
                    }
                }
            }
        }
        print("relay", relay);
        print("consumer", consumer);
    }

    static void print(String stage, List<Double> ms) {
        Collections.sort(ms);
        if (ms.isEmpty()) {
            System.out.printf("%-9s none%n", stage);
            return;
        }
        System.out.printf("%-9s n %d | p50 %.1f | p90 %.1f | p99 %.1f | max %.1f ms%n", stage, ms.size(), at(ms, 50),
                at(ms, 90), at(ms, 99), ms.get(ms.size() - 1));
    }

    static double at(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
JAVA
java -cp "$JDBC" "$WORK/Stages.java" "jdbc:postgresql://$PGHOST:$PGPORT/" "$PGUSER" "$PGPASSWORD" "$SINCE"
