import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database part of a realisasi PUT alone, from many threads: what PostgreSQL and the JDBC
 * driver can do on this machine with nothing else in the way (no HTTP, no JSON, no Quarkus, no
 * outbox relay, no Kafka, no reporting). Run by realization-db-floor.sh, which prepares the
 * tables and measures the CPU.
 *
 * Each transaction is what realization-service sends for a PUT that changes a value
 * (RealisasiStore): one round trip that reads the indicator, the realisasi (locked for the
 * transaction) and the agency's period locks of the year; one round trip that updates the
 * realisasi, inserts the audit entry, the outbox event and the request's audit row, and commits.
 * The SQL text is the service's own, read from its classes.
 *
 *   APP=realization-service/target/quarkus-app
 *   java -cp "$APP/app/*:$APP/lib/main/*:$APP/lib/boot/*" realization-db-floor.java JDBC_URL THREADS WARMUP_S SECONDS [BATCH]
 *
 * BATCH (default 1): PUTs per transaction. Above 1 this measures what group commit would save:
 * BATCH PUTs of distinct realisasi (in key order, so that two transactions never wait for each
 * other in a cycle) read in one round trip and written and committed in another, with the same
 * statements per PUT as above. Counts PUTs, and the latency of the transaction that carried them.
 *
 * Prints one line: transactions, seconds, transactions per second, p50 and p99 in ms.
 */
public class RealizationDbFloor {

    /**
     * The service's own SQL, read from its built classes (realization-service/target/quarkus-app,
     * put on the class path by realization-db-floor.sh), so that the floor always sends what the
     * service sends: the read, and the write of a changed value in RealisasiStore.write's order.
     */
    static String READ;
    static String WRITE;

    static String constant(String className, String field) throws ReflectiveOperationException {
        java.lang.reflect.Field f = Class.forName(className).getDeclaredField(field);
        f.setAccessible(true);
        return (String) f.get(null);
    }

    static final String AGENCY = "dinsos-maluku";
    static final int YEAR = 2099;

    public static void main(String[] args) throws Exception {
        String store = "id.go.maluku.sakip.realization.service.RealisasiStore";
        READ = constant(store, "READ");
        WRITE = constant(store, "UPDATE") + ";\n"
                + constant("id.go.maluku.sakip.realization.service.AuditService", "INSERT") + ";\n"
                + constant("id.go.maluku.sakip.platform.outbox.OutboxWriter", "INSERT") + ";\n"
                + constant("id.go.maluku.sakip.platform.security.RequestAudit", "INSERT")
                + constant(store, "COMMIT");
        String url = args[0];
        int threads = Integer.parseInt(args[1]);
        long warmupMs = Long.parseLong(args[2]) * 1000;
        long measureMs = Long.parseLong(args[3]) * 1000;
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong done = new AtomicLong();
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int me = t;
            latencies[me] = new long[1 << 20];
            workers[t] = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(url)) {
                    connection.setAutoCommit(false);
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        put(connection, batch);
                        if (measuring.get()) {
                            if (counts[me] < latencies[me].length) {
                                latencies[me][counts[me]++] = System.nanoTime() - start;
                            }
                            done.addAndGet(batch);
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            workers[t].start();
        }
        Thread.sleep(warmupMs);
        // the driving shell script samples the CPU counters at these two marks
        System.out.println("measuring");
        System.out.flush();
        measuring.set(true);
        long begin = System.nanoTime();
        Thread.sleep(measureMs);
        measuring.set(false);
        long seconds = System.nanoTime() - begin;
        System.out.println("measured");
        System.out.flush();
        // the load goes on while the script reads the CPU counters: a connection closed now would take
        // its backend's CPU time with it before the count
        Thread.sleep(2000);
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        double s = seconds / 1e9;
        System.out.printf("puts %d seconds %.1f per_second %.1f p50_ms %.2f p99_ms %.2f%n", done.get(), s,
                done.get() / s, all[total / 2] / 1e6, all[(int) (total * 0.99)] / 1e6);
    }

    static void put(Connection connection, int batch) throws SQLException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        while (keys.size() < batch) {
            keys.add("IK" + (1 + random.nextInt(5)) + String.format(" M%02d", 1 + random.nextInt(12)));
        }
        String[] indicators = new String[batch];
        String[] periods = new String[batch];
        int k = 0;
        for (String key : keys) {
            indicators[k] = key.substring(0, key.indexOf(' '));
            periods[k++] = key.substring(key.indexOf(' ') + 1);
        }
        UUID[] ids = new UUID[batch];
        long[] revisions = new long[batch];
        try (PreparedStatement read = connection.prepareStatement(String.join(";\n", java.util.Collections.nCopies(batch, READ)))) {
            for (int b = 0; b < batch; b++) {
                int i = b * 8;
                read.setString(i + 1, AGENCY);
                read.setString(i + 2, indicators[b]);
                read.setString(i + 3, AGENCY);
                read.setString(i + 4, indicators[b]);
                read.setInt(i + 5, YEAR);
                read.setString(i + 6, periods[b]);
                read.setString(i + 7, AGENCY);
                read.setInt(i + 8, YEAR);
            }
            read.execute();
            for (int b = 0; b < batch; b++) {
                if (b > 0) {
                    read.getMoreResults();
                }
                try (ResultSet rows = read.getResultSet()) {
                    if (!rows.next()) {
                        throw new IllegalStateException("no indicator " + indicators[b] + ": run realization-db-floor.sh");
                    }
                }
                read.getMoreResults();
                try (ResultSet rows = read.getResultSet()) {
                    if (!rows.next()) {
                        throw new IllegalStateException("no realisasi " + indicators[b] + " " + periods[b]);
                    }
                    ids[b] = rows.getObject("id", UUID.class);
                    revisions[b] = rows.getLong("revision");
                }
                read.getMoreResults();
                try (ResultSet rows = read.getResultSet()) {
                    while (rows.next()) {
                        rows.getObject("id", UUID.class);
                    }
                }
            }
        }
        String one = WRITE.substring(0, WRITE.lastIndexOf(";\ncommit"));
        try (PreparedStatement write = connection.prepareStatement(
                String.join(";\n", java.util.Collections.nCopies(batch, one)) + ";\ncommit")) {
            int i = 1;
            for (int b = 0; b < batch; b++) {
                i = bind(write, i, indicators[b], periods[b], ids[b], revisions[b]);
            }
            write.execute();
        }
    }

    static int bind(PreparedStatement write, int i, String indicator, String period, UUID id, long revision)
            throws SQLException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long value = random.nextLong(1, 1_000_000);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // the same sizes as the service's audit snapshots and event payload
        String old = "{\"value\":" + (value + 1) + ",\"status\":\"draft\",\"statusNote\":null,\"statedIn\":null,"
                + "\"explanation\":null,\"supportingFactors\":null,\"hinderingFactors\":null,\"followUp\":null,"
                + "\"revision\":" + revision + "}";
        String neu = old.replace("\"revision\":" + revision, "\"revision\":" + (revision + 1));
        String payload = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":\"sakip.realization.realisasi."
                + "recorded.v1\",\"occurredAt\":\"" + now + "\",\"agencyCode\":\"" + AGENCY + "\",\"indicatorId\":\""
                + UUID.randomUUID() + "\",\"indicatorCode\":\"" + indicator + "\",\"year\":" + YEAR + ",\"period\":\""
                + period + "\",\"value\":" + value + ",\"valueText\":null,\"status\":\"draft\",\"revision\":"
                + (revision + 1) + "}";
        write.setBigDecimal(i++, java.math.BigDecimal.valueOf(value));
        write.setString(i++, null);
        write.setString(i++, null);
        write.setString(i++, null);
        write.setString(i++, null);
        write.setString(i++, null);
        write.setString(i++, null);
        write.setLong(i++, revision + 1);
        write.setObject(i++, now);
        write.setString(i++, "bench-operator");
        write.setObject(i++, id);
        write.setObject(i++, now);
        write.setString(i++, "bench-operator");
        write.setString(i++, AGENCY);
        write.setString(i++, indicator);
        write.setInt(i++, YEAR);
        write.setString(i++, period);
        write.setString(i++, "realisasi");
        write.setString(i++, id.toString());
        write.setString(i++, "changed");
        write.setString(i++, old);
        write.setString(i++, neu);
        write.setString(i++, null);
        write.setObject(i++, timeOrdered(now));
        write.setString(i++, "realisasi");
        write.setString(i++, id.toString());
        write.setString(i++, "sakip.realization.realisasi.recorded.v1");
        write.setString(i++, payload);
        write.setObject(i++, now);
        write.setString(i++, "bench-operator");
        write.setString(i++, "operator");
        write.setString(i++, AGENCY);
        write.setString(i++, AGENCY);
        write.setString(i++, "PUT");
        write.setString(i++, "/api/v1/agencies/" + AGENCY + "/indicators/" + indicator + "/realisasi/" + YEAR + "/"
                + period);
        write.setInt(i++, 200);
        return i;
    }

    /** Time-ordered like the service's event ids (UUID version 7), so the unique index grows at one end. */
    static UUID timeOrdered(OffsetDateTime now) {
        long millis = now.toInstant().toEpochMilli();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
