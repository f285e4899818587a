package id.go.maluku.sakip.realization.outbox;

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
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka in id order, keyed by aggregate id, and marks a row sent only
 * after the broker acknowledged it (acks=all, idempotent producer). When Kafka is unreachable
 * the rows stay and the relay retries with exponential backoff; nothing is dropped.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "sakip.outbox.topic")
    String topic;

    @ConfigProperty(name = "sakip.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "sakip.outbox.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @ConfigProperty(name = "sakip.outbox.max-backoff", defaultValue = "PT30S")
    Duration maxBackoff;

    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    void onStart(@Observes StartupEvent event) {
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        signal.release();
        if (worker != null) {
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Called after a transaction with new events commits. */
    public void wake() {
        signal.release();
    }

    private void run() {
        ensureTopic();
        long backoffMillis = 0;
        while (running) {
            try {
                if (backoffMillis > 0) {
                    Thread.sleep(backoffMillis);
                } else {
                    signal.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                }
                signal.drainPermits();
                int sent;
                do {
                    sent = QuarkusTransaction.requiringNew().call(this::sendBatch);
                } while (sent == batchSize && running);
                backoffMillis = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoffMillis = backoffMillis == 0 ? 200 : Math.min(backoffMillis * 2, maxBackoff.toMillis());
                LOG.warnf("outbox relay could not publish (%s); retrying in %d ms", rootMessage(e), backoffMillis);
            }
        }
    }

    /** Sends one batch; returns how many rows were sent. Runs in its own transaction. */
    int sendBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = em.createNativeQuery(
                        "select * from outbox_event where sent_at is null order by id limit :limit for update skip locked",
                        OutboxEvent.class)
                .setParameter("limit", batchSize)
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.aggregateId, event.payload);
            record.headers().add("ce_id", event.eventId.toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", event.eventType.getBytes(StandardCharsets.UTF_8));
            acks.add(producer.send(record));
        }
        List<Long> acknowledged = new ArrayList<>(batch.size());
        try {
            for (int i = 0; i < batch.size(); i++) {
                OutboxEvent event = batch.get(i);
                try {
                    acks.get(i).get(30, TimeUnit.SECONDS);
                    acknowledged.add(event.id);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the broker", e);
                } catch (Exception e) {
                    // Rows acknowledged so far are marked sent when this transaction commits;
                    // the rest stay pending and go out again after the backoff.
                    event.attempts++;
                    event.lastError = rootMessage(e);
                    if (acknowledged.isEmpty()) {
                        throw new IllegalStateException("broker did not acknowledge event " + event.eventId, e);
                    }
                    return acknowledged.size();
                }
            }
            return acknowledged.size();
        } finally {
            markSent(acknowledged);
        }
    }

    /** One statement for the whole batch: under load, one update per event was the relay's main cost. */
    private void markSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement update = connection.prepareStatement(
                    "update outbox_event set sent_at = ? where id = any(?)")) {
                update.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                update.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
                update.executeUpdate();
            }
        });
    }

    private void ensureTopic() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(props)) {
            if (!admin.listTopics().names().get(5, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // The broker creates the topic on first send where allowed; the relay retries anyway.
            LOG.infof("topic %s not checked at start (%s)", topic, rootMessage(e));
        }
    }

    private Properties producerConfig() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, topic + "-outbox-relay");
        return props;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
