package id.go.maluku.sakip.platform.outbox;

import id.go.maluku.sakip.platform.error.Text;
import id.go.maluku.sakip.platform.messaging.KafkaClientSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka in id order, keyed by aggregate id, and marks a row sent only
 * after the broker acknowledged it (acks=all, idempotent producer, compressed). When Kafka is
 * unreachable the rows stay and the relay retries with exponential backoff; nothing is dropped.
 *
 * <p>What the relay can never send (a record the broker refuses for good: too large, an invalid
 * topic) is marked failed, with its error and time, in the same transaction that marks the rows
 * before it sent, and the relay goes on with the next: one bad row must not hold back every later
 * event of the service. An operator retries or discards it (OutboxAdminResource). A passing
 * failure leaves the row pending and counts the attempt, which stays counted (the batch's
 * transaction commits either way). The loop runs on a {@link RestartingWorker}: nothing it
 * meets ends it for good.
 *
 * <p>With several instances of a service, their relays take turns batch by batch ({@link #lockName}).
 * A service that publishes nothing (no {@code sakip.outbox.topic}) starts no relay.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String QUEUE = "sent_at is null and failed_at is null and discarded_at is null";

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry metrics;

    @Inject
    KafkaClientSettings kafka;

    @ConfigProperty(name = "sakip.outbox.topic")
    Optional<String> topic;

    @ConfigProperty(name = "sakip.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "sakip.outbox.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @ConfigProperty(name = "sakip.outbox.max-backoff", defaultValue = "PT30S")
    Duration maxBackoff;

    @ConfigProperty(name = "sakip.outbox.max-event-bytes", defaultValue = "1000000")
    int maxEventBytes;

    /** lz4: cheap on the CPU, and events are repetitive JSON. */
    @ConfigProperty(name = "sakip.outbox.compression", defaultValue = "lz4")
    String compression;

    /** How often the pending and failed counts behind /q/metrics and /q/health are read. */
    @ConfigProperty(name = "sakip.outbox.stats-interval", defaultValue = "PT5S")
    Duration statsInterval;

    private final Semaphore signal = new Semaphore(0);
    private RestartingWorker worker;
    private KafkaProducer<String, String> producer;
    private volatile OutboxStats stats = OutboxStats.NONE;
    private long statsReadAt;

    /** What the outbox holds, as last read. */
    public record OutboxStats(long pending, long failed, Duration oldestPendingAge, OffsetDateTime readAt) {
        static final OutboxStats NONE = new OutboxStats(0, 0, Duration.ZERO, null);
    }

    /** What one batch came to. */
    record BatchResult(int sent, int failed, Throwable passingError) {
    }

    void onStart(@Observes StartupEvent event) {
        if (topic.isEmpty()) {
            return;
        }
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
        Gauge.builder("sakip.outbox.pending", () -> stats.pending()).description("outbox rows waiting to be sent")
                .register(metrics);
        Gauge.builder("sakip.outbox.failed", () -> stats.failed())
                .description("outbox rows the broker refused for good, waiting for an operator").register(metrics);
        Gauge.builder("sakip.outbox.oldest.pending.age.seconds", () -> stats.oldestPendingAge().toMillis() / 1000.0)
                .description("age of the oldest outbox row waiting to be sent").register(metrics);
        worker = new RestartingWorker("outbox-relay", this::run, 1000);
        Gauge.builder("sakip.outbox.relay.restarts", worker, RestartingWorker::restarts)
                .description("times the relay loop died and was started again").register(metrics);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.stop(5000);
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Called after a transaction with new events commits. */
    public void wake() {
        signal.release();
    }

    public boolean enabled() {
        return topic.isPresent();
    }

    public OutboxStats stats() {
        return stats;
    }

    /** False when the relay should run and no thread runs it (between a death and the restart). */
    public boolean alive() {
        return worker == null || worker.alive();
    }

    private void run() {
        ensureTopic();
        long backoffMillis = 0;
        while (worker.running()) {
            try {
                if (backoffMillis > 0) {
                    Thread.sleep(backoffMillis);
                } else {
                    signal.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                }
                signal.drainPermits();
                BatchResult result;
                do {
                    result = QuarkusTransaction.requiringNew().call(this::sendBatch);
                } while (result.passingError() == null && result.sent() + result.failed() == batchSize && worker.running());
                if (result.passingError() != null) {
                    backoffMillis = backoffMillis == 0 ? 200 : Math.min(backoffMillis * 2, maxBackoff.toMillis());
                    LOG.warnf("outbox relay could not publish (%s); retrying in %d ms", rootMessage(result.passingError()),
                            backoffMillis);
                } else {
                    backoffMillis = 0;
                }
                refreshStats(false);
            } catch (InterruptedException e) {
                if (!worker.running()) {
                    return;
                }
            } catch (Exception e) {
                // the database, most likely: the rows wait where they are
                backoffMillis = backoffMillis == 0 ? 200 : Math.min(backoffMillis * 2, maxBackoff.toMillis());
                LOG.warnf("outbox relay could not read or mark its rows (%s); retrying in %d ms", rootMessage(e), backoffMillis);
            }
        }
    }

    /** Sends one batch. Runs in its own transaction, which commits whatever the broker said. */
    BatchResult sendBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = em.createNativeQuery(
                        "with turn as (select pg_try_advisory_xact_lock(hashtext(:relay)) as mine) "
                                + "select o.* from outbox_event o, turn where turn.mine and " + QUEUE
                                + " order by o.id limit :limit for update of o skip locked",
                        OutboxEvent.class)
                .setParameter("relay", lockName())
                .setParameter("limit", batchSize)
                .getResultList();
        if (batch.isEmpty()) {
            return new BatchResult(0, 0, null);
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic.get(), event.aggregateId, event.payload);
            record.headers().add("ce_id", event.eventId.toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", event.eventType.getBytes(StandardCharsets.UTF_8));
            try {
                acks.add(producer.send(record));
            } catch (RuntimeException refused) {
                acks.add(CompletableFuture.failedFuture(refused));
            }
        }
        List<Long> acknowledged = new ArrayList<>(batch.size());
        int failed = 0;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent event = batch.get(i);
            try {
                acks.get(i).get(30, TimeUnit.SECONDS);
                acknowledged.add(event.id);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                markSent(acknowledged);
                return new BatchResult(acknowledged.size(), failed, e);
            } catch (Exception e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                event.attempts++;
                event.lastError = Text.clip(rootMessage(cause), 2000);
                if (refusedForGood(cause)) {
                    event.failedAt = now;
                    failed++;
                    LOG.errorf("outbox event %s (%s, key %s) refused by the broker for good and marked failed: %s",
                            event.eventId, event.eventType, event.aggregateId, event.lastError);
                    continue;
                }
                // A passing failure: this row and the ones after it stay pending and go out
                // again, in order, after the backoff. What was acknowledged is marked sent.
                markSent(acknowledged);
                return new BatchResult(acknowledged.size(), failed, cause);
            }
        }
        markSent(acknowledged);
        return new BatchResult(acknowledged.size(), failed, null);
    }

    /**
     * The name of the lock that makes the relays of all instances of a service take turns: a
     * batch is read, sent and marked by one instance at a time (a transaction-scoped advisory lock,
     * taken in the same statement that reads the batch), so each key's events leave in id order
     * however many instances run; an instance that does not get its turn reads nothing and tries
     * again at its next wake or poll. No leader to elect, nothing to take over: a crashed instance's
     * turn ends with its transaction.
     */
    public String lockName() {
        return "sakip-outbox-relay:" + topic.orElse("none");
    }

    /** A record the broker (or the producer before it) will refuse however often it is sent. */
    static boolean refusedForGood(Throwable e) {
        return e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidTopicException || e instanceof SerializationException
                || e instanceof InvalidRecordException;
    }

    /** One statement for the whole batch: under load, one update per event was the relay's main cost. */
    private void markSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update outbox_event set sent_at = ? where id = any(?)")) {
                update.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                update.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
                update.executeUpdate();
            }
        });
    }

    /** Reads the counts behind the gauges and the health check, at most once per stats interval unless forced. */
    public void refreshStats(boolean force) {
        long nowMillis = System.currentTimeMillis();
        if (!force && nowMillis - statsReadAt < statsInterval.toMillis()) {
            return;
        }
        statsReadAt = nowMillis;
        stats = QuarkusTransaction.requiringNew().call(() -> {
            long[] counts = new long[2];
            OffsetDateTime[] oldest = new OffsetDateTime[1];
            em.unwrap(org.hibernate.Session.class).doWork(connection -> {
                try (PreparedStatement pending = connection.prepareStatement(
                        "select count(*), min(created_at) from outbox_event where " + QUEUE);
                     PreparedStatement failed = connection.prepareStatement(
                             "select count(*) from outbox_event where failed_at is not null and discarded_at is null")) {
                    try (ResultSet rows = pending.executeQuery()) {
                        rows.next();
                        counts[0] = rows.getLong(1);
                        oldest[0] = rows.getObject(2, OffsetDateTime.class);
                    }
                    try (ResultSet rows = failed.executeQuery()) {
                        rows.next();
                        counts[1] = rows.getLong(1);
                    }
                }
            });
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            Duration age = oldest[0] == null ? Duration.ZERO : Duration.between(oldest[0], now);
            return new OutboxStats(counts[0], counts[1], age.isNegative() ? Duration.ZERO : age, now);
        });
    }

    private void ensureTopic() {
        Properties props = kafka.connection();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(props)) {
            if (!admin.listTopics().names().get(5, TimeUnit.SECONDS).contains(topic.get())) {
                admin.createTopics(List.of(new NewTopic(topic.get(), 3, (short) 1))).all().get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // The broker creates the topic on first send where allowed; the relay retries anyway.
            LOG.infof("topic %s not checked at start (%s)", topic.get(), rootMessage(e));
        }
    }

    private Properties producerConfig() {
        Properties props = kafka.connection();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxEventBytes);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, topic.get() + "-outbox-relay");
        return props;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
