package id.go.maluku.sakip.reporting.service;

import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.platform.messaging.Failures;
import id.go.maluku.sakip.platform.messaging.KafkaClientSettings;
import id.go.maluku.sakip.platform.messaging.ParkedEvents;
import id.go.maluku.sakip.reporting.messaging.DocumentsConsumer;
import id.go.maluku.sakip.reporting.messaging.EventsConsumer;
import id.go.maluku.sakip.reporting.messaging.ReplaySchema;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

/**
 * Rebuilds the read model from the topics alone, beside the live one: every record of the three
 * topics up to the end offsets taken at the start is applied again, through the same path as the
 * live channel, into a schema of its own (ReplaySchema); readers keep the live model meanwhile.
 * Only when the replay is complete are the live tables replaced by the rebuilt ones, in one
 * transaction. What operators decided stands: a record they discarded is passed over, one still
 * parked stops the rebuild (the live model does not hold it and no one has decided yet). A record
 * that cannot be applied at its place is tried once more at the end of the replay (the replay
 * interleaves the topics as its polls come, not as the live consumer met them). A rebuild that
 * times out, fails, or stops leaves its schema dropped and the live model exactly as it was, and
 * says why. Because results are computed from state and
 * freshness from the facts' own event times, the rebuilt model equals the one built live.
 *
 * <p>One rebuild at a time across every instance: a PostgreSQL advisory lock, held on a connection
 * of its own for the rebuild's length (and let go by the database should the instance die). On
 * the instance that rebuilds, the live channels wait at their gates and resume afterwards; what
 * they see again is a no-op by event id.
 */
@ApplicationScoped
public class Rebuilder {

    private static final Logger LOG = Logger.getLogger(Rebuilder.class);

    /** The advisory lock's key: any fixed number no other lock of this database uses. */
    static final long LOCK_KEY = 0x5A4B_1950_0001L;

    /**
     * Every table fed by events, the documents the LKIP prints whole (DocumentsConsumer) among
     * them; the Flyway history and what reporting's own users wrote (narratives, stated figures,
     * publications, builds, the request audit, parked events) stay.
     */
    static final List<String> TABLES = List.of("processed_event", "rm_agency", "rm_sasaran", "rm_indicator",
            "rm_indicator_definition", "rm_target", "rm_realisasi", "rm_policy", "rm_renstra", "rm_budget_line",
            "rm_budget_link", "indicator_result", "sasaran_result", "rm_removal", "rm_document");

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RebuildReport", requiredProperties = {"startedAt", "finishedAt", "records", "applied", "skippedUnprocessable", "ignored",
            "endOffsets"})
    public record Report(OffsetDateTime startedAt, OffsetDateTime finishedAt, long records, long applied,
                         long skippedUnprocessable, long ignored, Map<String, Long> endOffsets) {
    }

    @Inject
    EventsConsumer consumer;

    @Inject
    DocumentsConsumer documents;

    @Inject
    ReplaySchema replaySchema;

    @Inject
    ParkedEvents parked;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KafkaClientSettings kafka;

    @ConfigProperty(name = "mp.messaging.incoming.sakip-events.topics")
    List<String> topics;

    @ConfigProperty(name = "sakip.rebuild.timeout", defaultValue = "PT10M")
    Duration timeout;

    public Report rebuild() throws InterruptedException, SQLException {
        try (Connection lock = dataSource.getConnection()) {
            if (!advisoryLock(lock, "pg_try_advisory_lock")) {
                throw ApiProblem.conflict("a rebuild is already running on this or another instance");
            }
            try {
                return rebuildHoldingTheLock();
            } finally {
                advisoryLock(lock, "pg_advisory_unlock");
            }
        }
    }

    private Report rebuildHoldingTheLock() throws InterruptedException {
        Lock gate = consumer.rebuildGate();
        if (!gate.tryLock(30, TimeUnit.SECONDS)) {
            throw ApiProblem.conflict("the live consumer does not yield to the rebuild");
        }
        Lock documentsGate = documents.rebuildGate();
        if (!documentsGate.tryLock(30, TimeUnit.SECONDS)) {
            gate.unlock();
            throw ApiProblem.conflict("the documents consumer does not yield to the rebuild");
        }
        replaySchema.activate();
        boolean swapped = false;
        try {
            Report report = replayIntoShadow();
            swap();
            swapped = true;
            LOG.infof("rebuild finished and swapped in: %s", report);
            return report;
        } finally {
            replaySchema.deactivate();
            if (!swapped) {
                dropShadow();
            }
            documentsGate.unlock();
            gate.unlock();
        }
    }

    private Report replayIntoShadow() throws InterruptedException {
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        createShadow();
        try (KafkaConsumer<String, String> replay = replayConsumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                var infos = replay.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            replay.assign(partitions);
            replay.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = replay.endOffsets(partitions, Duration.ofSeconds(30));
            LOG.infof("rebuild: replaying %s up to %s into schema %s", partitions, end, ReplaySchema.SCHEMA);
            long records = 0;
            long applied = 0;
            long skipped = 0;
            long ignored = 0;
            List<ConsumerRecord<String, String>> deferred = new ArrayList<>();
            Map<String, String> eventsParked = parkedStatuses(EventsConsumer.CONSUMER);
            Map<String, String> documentsParked = parkedStatuses(DocumentsConsumer.CONSUMER);
            List<ConsumerRecord<String, String>> deferredDocuments = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reachedEnd(replay, end)) {
                if (System.nanoTime() > deadline) {
                    throw new ApiProblem(503, "Rebuild stopped", "the rebuild did not reach the end offsets within "
                            + timeout + " (sakip.rebuild.timeout); the live model is unchanged", List.of());
                }
                for (ConsumerRecord<String, String> record : replay.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.getOrDefault(tp, 0L)) {
                        continue; // after the snapshot: the live channel applies it
                    }
                    records++;
                    String documentsStatus = documentsParked.get(where(record));
                    if (ParkedEvents.PARKED.equals(documentsStatus)) {
                        throw parkedMet(record, DocumentsConsumer.CONSUMER);
                    }
                    if (!ParkedEvents.DISCARDED.equals(documentsStatus)) {
                        try {
                            documents.replay(record);
                        } catch (RuntimeException e) {
                            deferredDocuments.add(record);
                        }
                    }
                    String eventsStatus = eventsParked.get(where(record));
                    if (ParkedEvents.PARKED.equals(eventsStatus)) {
                        throw parkedMet(record, EventsConsumer.CONSUMER);
                    }
                    if (ParkedEvents.DISCARDED.equals(eventsStatus)) {
                        skipped++; // an operator gave it up: it is not applied, here as live
                        continue;
                    }
                    switch (replayOrStop(record)) {
                        case APPLIED -> applied++;
                        case SKIPPED_UNPROCESSABLE -> deferred.add(record);
                        case IGNORED -> ignored++;
                    }
                }
            }
            // A replay interleaves the topics as its polls come, not as the live consumer met them,
            // so a record may meet a state it never met live (a realisasi before the target change
            // that made it computable); and what an operator retried after a fix was applied live
            // after what followed it. Each is tried once more at the end; one that fails there too
            // stops the rebuild.
            for (ConsumerRecord<String, String> record : deferredDocuments) {
                try {
                    documents.replay(record);
                } catch (RuntimeException e) {
                    throw stopped(record, DocumentsConsumer.CONSUMER, Failures.describe(e));
                }
            }
            for (ConsumerRecord<String, String> record : deferred) {
                if (replayOrStop(record) != EventsConsumer.Replayed.APPLIED) {
                    throw stopped(record, EventsConsumer.CONSUMER, consumer.lastReplayFailure());
                }
                applied++;
            }
            Map<String, Long> ends = new java.util.TreeMap<>();
            end.forEach((tp, offset) -> ends.put(tp.toString(), offset));
            return new Report(started, OffsetDateTime.now(ZoneOffset.UTC), records, applied, skipped, ignored, ends);
        }
    }

    /**
     * What operators decided for the records a consumer parked: a discarded one is passed over (it
     * is not applied, here as live), a retried one is applied like any other, and one still parked
     * stops the rebuild, since the live model does not hold it and no one has decided yet.
     */
    private Map<String, String> parkedStatuses(String consumerName) {
        try {
            return parked.statuses(consumerName);
        } catch (SQLException e) {
            throw new IllegalStateException("parked events of " + consumerName + " unreadable", e);
        }
    }

    private static ApiProblem parkedMet(ConsumerRecord<String, String> record, String consumerName) {
        return ApiProblem.conflict("the rebuild met record " + where(record) + " (key " + record.key() + "), which "
                + consumerName + " parked and is parked in /api/v1/admin/parked-events; the live model is unchanged. "
                + "Retry or discard the parked event, then rebuild again.");
    }

    private EventsConsumer.Replayed replayOrStop(ConsumerRecord<String, String> record) throws InterruptedException {
        try {
            return consumer.replay(record);
        } catch (RuntimeException e) {
            throw new ApiProblem(503, "Rebuild stopped", "record " + where(record) + " could not be applied ("
                    + Failures.describe(e) + "); the live model is unchanged; try again", List.of());
        }
    }

    /**
     * A record that cannot be applied at the end of the replay either, and that no operator
     * discarded: the rebuilt model would differ from what was decided, so the rebuild stops.
     */
    private static ApiProblem stopped(ConsumerRecord<String, String> record, String consumerName, String why) {
        return ApiProblem.conflict("the rebuild met record " + where(record) + " (key " + record.key() + ") of "
                + consumerName + ", which cannot be applied" + (why == null ? "" : " (" + why + ")") + ", not at its "
                + "place in the replay nor at its end, though it was live; the live model is unchanged.");
    }

    private static String where(ConsumerRecord<String, String> record) {
        return ParkedEvents.place(record.topic(), record.partition(), record.offset());
    }

    /** The shadow tables: the live ones' columns, defaults, constraints and indexes, empty. */
    private void createShadow() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("drop schema if exists " + ReplaySchema.SCHEMA + " cascade").executeUpdate();
            em.createNativeQuery("create schema " + ReplaySchema.SCHEMA).executeUpdate();
            for (String table : TABLES) {
                em.createNativeQuery("create table " + ReplaySchema.SCHEMA + "." + table + " (like public." + table
                        + " including all)").executeUpdate();
            }
        });
    }

    /**
     * The live tables take the rebuilt rows in one transaction: a reader sees the old model or the
     * new one, never a mix (the truncate's lock holds readers for the copy's length). Truncating
     * processed_event moves the read model's version, so every cached answer is built again.
     */
    private void swap() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("truncate table " + String.join(", ", TABLES.stream().map(t -> "public." + t).toList()))
                    .executeUpdate();
            for (String table : TABLES) {
                em.createNativeQuery("insert into public." + table + " select * from " + ReplaySchema.SCHEMA + "." + table)
                        .executeUpdate();
            }
            em.createNativeQuery("drop schema " + ReplaySchema.SCHEMA + " cascade").executeUpdate();
        });
    }

    private void dropShadow() {
        try {
            QuarkusTransaction.requiringNew().run(() ->
                    em.createNativeQuery("drop schema if exists " + ReplaySchema.SCHEMA + " cascade").executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("rebuild schema %s not dropped (%s); the next rebuild drops it", ReplaySchema.SCHEMA, Failures.describe(e));
        }
    }

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?)")) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> replay, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (replay.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private KafkaConsumer<String, String> replayConsumer() {
        Properties props = kafka.connection();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-service-rebuild");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
