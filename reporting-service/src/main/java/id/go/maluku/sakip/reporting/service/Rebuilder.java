package id.go.maluku.sakip.reporting.service;

import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.reporting.messaging.DocumentsConsumer;
import id.go.maluku.sakip.reporting.messaging.EventsConsumer;
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

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.Lock;

/**
 * Rebuilds the read model from the topics alone: with the live channel held at its gate, the
 * model and the processed event ids are emptied in one transaction, then every record of the
 * three topics up to the end offsets taken at the start is applied again through the same path
 * as the live channel. The live channel then resumes; the events it sees again are no-ops by
 * event id. Because results are computed from state and freshness from the facts' own event
 * times, the rebuilt model equals the one built live.
 */
@ApplicationScoped
public class Rebuilder {

    private static final Logger LOG = Logger.getLogger(Rebuilder.class);

    /**
     * Every table fed by events, the documents the LKIP prints whole (DocumentsConsumer) among
     * them; the Flyway history and what reporting's own users wrote (narratives, stated figures,
     * publications, builds, the request audit) stay.
     */
    static final String TABLES = "processed_event, rm_agency, rm_sasaran, rm_indicator, rm_indicator_definition, "
            + "rm_target, rm_realisasi, rm_policy, rm_renstra, rm_budget_line, rm_budget_link, indicator_result, "
            + "sasaran_result, rm_removal, rm_document";

    public record Report(OffsetDateTime startedAt, OffsetDateTime finishedAt, long records, long applied,
                         long skippedUnprocessable, long ignored, Map<String, Long> endOffsets) {
    }

    @Inject
    EventsConsumer consumer;

    @Inject
    DocumentsConsumer documents;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "mp.messaging.incoming.sakip-events.topics")
    List<String> topics;

    @ConfigProperty(name = "sakip.rebuild.timeout", defaultValue = "PT10M")
    Duration timeout;

    public Report rebuild() throws InterruptedException {
        Lock gate = consumer.rebuildGate();
        if (!gate.tryLock(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw ApiProblem.conflict("a rebuild is already running or the live consumer does not yield");
        }
        Lock documentsGate = documents.rebuildGate();
        if (!documentsGate.tryLock(30, java.util.concurrent.TimeUnit.SECONDS)) {
            gate.unlock();
            throw ApiProblem.conflict("a rebuild is already running or the documents consumer does not yield");
        }
        try {
            OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
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
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("truncate table " + TABLES).executeUpdate());
                LOG.infof("rebuild: read model emptied; replaying %s up to %s", partitions, end);
                long records = 0;
                long applied = 0;
                long skipped = 0;
                long ignored = 0;
                long deadline = System.nanoTime() + timeout.toNanos();
                while (!reachedEnd(replay, end)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("rebuild did not reach the end offsets within " + timeout);
                    }
                    for (ConsumerRecord<String, String> record : replay.poll(Duration.ofMillis(500))) {
                        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                        if (record.offset() >= end.getOrDefault(tp, 0L)) {
                            continue; // after the snapshot: the live channel applies it
                        }
                        records++;
                        documents.replay(record);
                        switch (consumer.replay(record)) {
                            case APPLIED -> applied++;
                            case SKIPPED_UNPROCESSABLE -> skipped++;
                            case IGNORED -> ignored++;
                        }
                    }
                }
                Map<String, Long> ends = new java.util.TreeMap<>();
                end.forEach((tp, offset) -> ends.put(tp.toString(), offset));
                Report report = new Report(started, OffsetDateTime.now(ZoneOffset.UTC), records, applied, skipped, ignored,
                        ends);
                LOG.infof("rebuild finished: %s", report);
                return report;
            }
        } finally {
            documentsGate.unlock();
            gate.unlock();
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
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-service-rebuild");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
