package id.go.maluku.sakip.realization.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.platform.messaging.CloudEvent;
import id.go.maluku.sakip.platform.messaging.EventApplier;
import id.go.maluku.sakip.platform.messaging.ParkedEventHandler;
import id.go.maluku.sakip.platform.messaging.ProcessedEvents;
import id.go.maluku.sakip.platform.messaging.UnprocessableEvent;
import id.go.maluku.sakip.realization.event.ReportingEventsV1;
import id.go.maluku.sakip.realization.service.LockService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.UUID;

/**
 * Locks the year of every published LKIP (reporting's lkip.published.v1): the report, once
 * published, must not change under it. Idempotent by event id, recorded in the lock's
 * transaction, and by the lock itself (a publication already holding the year changes nothing).
 * What can never be applied is parked and dead-lettered, as planning's events are.
 */
@ApplicationScoped
public class ReportingEventsConsumer implements ParkedEventHandler {

    /** The name its parked events are listed under. */
    public static final String CONSUMER = "realization-reporting";

    private final ObjectMapper mapper;

    @Inject
    EntityManager em;

    @Inject
    LockService locks;

    @Inject
    EventApplier applier;

    /** published is null for reporting events this service does not need. */
    record Envelope(UUID id, String type, ReportingEventsV1.LkipPublished published) {
    }

    @Inject
    public ReportingEventsConsumer(ObjectMapper mapper) {
        this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                // reporting may add fields; a field this code does not know is ignored
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Incoming("reporting-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) throws Exception {
        Envelope envelope;
        try {
            envelope = parse(record);
        } catch (UnprocessableEvent e) {
            applier.park(CONSUMER, record, e);
            return;
        }
        if (envelope.published() == null) {
            return;
        }
        applier.applyOrPark(CONSUMER, record, () -> QuarkusTransaction.requiringNew().run(() -> apply(envelope)));
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    /** A parked record applied again, as the live channel would (the same event id: once at most). */
    @Override
    public void reapply(ConsumerRecord<String, String> record) {
        Envelope envelope = parse(record);
        if (envelope.published() != null) {
            QuarkusTransaction.requiringNew().run(() -> apply(envelope));
        }
    }

    /** The record's event; one whose source is not reporting-service (TopicOwners) is unprocessable. */
    Envelope parse(ConsumerRecord<String, String> record) {
        CloudEvent event = CloudEvent.read(mapper, record, true);
        if (event.type().equals(ReportingEventsV1.LKIP_PUBLISHED)) {
            return new Envelope(event.id(), event.type(), event.data(mapper, ReportingEventsV1.LkipPublished.class));
        }
        if (CloudEvent.family(event.type()).equals(CloudEvent.family(ReportingEventsV1.LKIP_PUBLISHED))) {
            // a version this code does not know: never guess
            throw new UnprocessableEvent("unsupported event version: " + event.type());
        }
        return new Envelope(event.id(), event.type(), null);
    }

    void apply(Envelope envelope) {
        if (!ProcessedEvents.firstDelivery(em, envelope.id(), envelope.type())) {
            return;
        }
        ReportingEventsV1.LkipPublished p = envelope.published();
        try {
            locks.lockForPublication(p.agencyCode(), p.year(), p.version(), p.publicationId(), p.publishedBy());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnprocessableEvent("event " + envelope.id() + " cannot be applied: " + e.getMessage(), e);
        } catch (id.go.maluku.sakip.realization.domain.RuleViolation e) {
            // a year outside what realization accepts
            throw new UnprocessableEvent("event " + envelope.id() + " cannot be applied: " + e.getMessage(), e);
        }
    }
}
