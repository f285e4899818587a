package id.go.maluku.sakip.reporting.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.reporting.readmodel.RmDocument;
import id.go.maluku.sakip.platform.messaging.EventApplier;
import id.go.maluku.sakip.platform.messaging.ParkedEventHandler;
import id.go.maluku.sakip.platform.messaging.TopicOwners;
import id.go.maluku.sakip.platform.messaging.UnprocessableEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps the documents the LKIP prints whole, from their own consumer group: a plan section,
 * the province's RPJMD, a Perjanjian Kinerja version, an indicator's full definition, a budget
 * line with outputs and links, another statement of a realisasi by a source document. Each is kept at its newest revision, so a redelivered or older
 * event changes nothing. An unreadable record is dead-lettered by the main consumer, which reads
 * the same topics; a document event without its key or revision is dead-lettered here.
 */
@ApplicationScoped
public class DocumentsConsumer implements ParkedEventHandler {

    /** The name its parked events are listed under. */
    public static final String CONSUMER = "reporting-documents";

    @Inject
    ObjectMapper mapper;

    @Inject
    EventApplier applier;

    @Inject
    ReplaySchema replaySchema;

    @Inject
    jakarta.persistence.EntityManager em;

    /** Held for reading by every record, for writing by a rebuild (Rebuilder), as EventsConsumer's. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock(true);

    public Lock rebuildGate() {
        return gate.writeLock();
    }

    /** The event types whose documents are kept (apply's cases). */
    static final Set<String> DOCUMENT_TYPES = Set.of("sakip.planning.section.upserted.v1",
            "sakip.planning.province.upserted.v1", "sakip.planning.pk.changed.v1", "sakip.planning.indicator.defined.v1",
            "sakip.realization.realisasi.statement.recorded.v1", "sakip.budget.line.changed.v2",
            "sakip.budget.line.changed.v3");

    /**
     * A batch of records (as many as the broker hands over at once), each document kept in its own
     * transaction as before. Why batches: under a stream of realisasi, which this consumer only
     * reads to skip, the connector's work per record (a message, a hop to a worker thread, an
     * acknowledgement) was a good part of reporting-service's CPU. Should a record fail, the
     * batch is not acknowledged and comes again; what was kept is kept once (by revision).
     */
    @Incoming("plan-documents")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws Exception {
        gate.readLock().lockInterruptibly();
        try {
            for (ConsumerRecord<String, String> record : records) {
                if (!mayCarryDocument(record)) {
                    continue;
                }
                applier.applyOrPark(CONSUMER, record, () -> applyOrRefuse(record));
            }
        } finally {
            gate.readLock().unlock();
        }
    }

    /**
     * False when the record's ce_type header (the services' outbox relays write it) names a type
     * that carries no document: most records under load are realisasi, and reading their JSON
     * only to skip them was this consumer's main cost. A record without the header is read.
     */
    static boolean mayCarryDocument(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader("ce_type");
        return type == null || DOCUMENT_TYPES.contains(new String(type.value(), StandardCharsets.UTF_8));
    }

    private void applyOrRefuse(ConsumerRecord<String, String> record) {
        if (!apply(record)) {
            throw new UnprocessableEvent(record.topic() + "@" + record.offset() + ": a document event lacks its key or revision");
        }
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public void reapply(ConsumerRecord<String, String> record) throws Exception {
        gate.readLock().lockInterruptibly();
        try {
            applyOrRefuse(record);
        } finally {
            gate.readLock().unlock();
        }
    }

    /** A record read again by a rebuild (into its schema); throws what cannot be applied, as the live path parks it. */
    public void replay(ConsumerRecord<String, String> record) {
        applyOrRefuse(record);
    }

    /** Keeps the record's document, if it carries one; false for a document event without its key or revision. */
    private boolean apply(ConsumerRecord<String, String> record) {
        JsonNode envelope;
        try {
            envelope = mapper.readTree(record.value());
        } catch (Exception unreadable) {
            return true; // the main consumer reads every topic this one reads and dead-letters it once
        }
        if (envelope == null || !envelope.isObject()) {
            return true; // as above
        }
        String type = envelope.path("type").asText();
        JsonNode data = envelope.path("data");
        String agency = data.path("agencyCode").asText(null);
        String kind;
        String key;
        switch (type) {
            case "sakip.planning.section.upserted.v1" -> {
                kind = RmDocument.SECTION;
                key = agency + "/" + data.path("section").asText();
            }
            case "sakip.planning.province.upserted.v1" -> {
                kind = RmDocument.PROVINCE;
                key = data.path("provinceCode").asText();
            }
            case "sakip.planning.pk.changed.v1" -> {
                kind = RmDocument.PK;
                key = agency + "/" + data.path("year").asInt() + "/" + data.path("version").asInt();
            }
            case "sakip.planning.indicator.defined.v1" -> {
                kind = RmDocument.INDICATOR;
                key = data.path("indicatorId").asText();
            }
            case "sakip.realization.realisasi.statement.recorded.v1" -> {
                kind = RmDocument.STATEMENT;
                key = data.path("statementId").asText();
            }
            // v2 from the topic's history, v3 since; the LKIP reads what both carry (pagu, realisasi,
            // outputs, links), not the quarters, which v3 leaves null when only the year is known
            case "sakip.budget.line.changed.v2", "sakip.budget.line.changed.v3" -> {
                kind = RmDocument.BUDGET_LINE;
                key = data.path("lineId").asText();
            }
            default -> {
                return true; // not a document the LKIP prints whole
            }
        }
        // a document only its topic's owner may publish; another source's is refused (parked)
        TopicOwners.requireOwner(record.topic(), envelope.path("source").asText(null));
        if (key.isBlank() || key.startsWith("null") || !data.path("revision").canConvertToLong()) {
            return false;
        }
        OffsetDateTime time = OffsetDateTime.parse(envelope.path("time").asText());
        long revision = data.path("revision").asLong();
        String content = data.toString();
        QuarkusTransaction.requiringNew().run(() -> {
            replaySchema.enter(em);
            RmDocument doc = RmDocument.findById(new RmDocument.Key(kind, key));
            if (doc == null) {
                doc = new RmDocument();
                doc.kind = kind;
                doc.docKey = key;
            } else if (doc.revision >= revision) {
                return;
            }
            doc.agencyCode = agency;
            doc.content = content;
            doc.revision = revision;
            doc.eventTime = time;
            doc.persist();
        });
        return true;
    }
}
