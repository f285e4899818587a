package id.go.maluku.sakip.realization.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.realization.event.PlanningEventsV1;
import id.go.maluku.sakip.realization.service.ReferenceService;
import id.go.maluku.sakip.platform.messaging.CloudEvent;
import id.go.maluku.sakip.platform.messaging.EventApplier;
import id.go.maluku.sakip.platform.messaging.ProcessedEvents;
import id.go.maluku.sakip.platform.messaging.ParkedEventHandler;
import id.go.maluku.sakip.platform.messaging.UnprocessableEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.UUID;

/**
 * Keeps realization's copy of the plan from planning's events. The event id is recorded in the
 * same transaction as the change, so a redelivered event changes nothing. An event that can
 * never be applied goes to the dead-letter topic with its reason; one that failed for a passing
 * reason is retried, and during shutdown is left unacknowledged to be delivered again.
 */
@ApplicationScoped
public class PlanningEventsConsumer implements ParkedEventHandler {

    /** The name its parked events are listed under. */
    public static final String CONSUMER = "realization-planning";

    /** Families this consumer applies; an unknown version of one of them is parked. */
    private static final java.util.Set<String> KNOWN_FAMILIES = java.util.Set.of("sakip.planning.agency.upserted",
            "sakip.planning.indicator.upserted", "sakip.planning.target.set", "sakip.planning.indicator.defined",
            "sakip.planning.indicator.removed", "sakip.planning.target.removed", "sakip.planning.section.upserted");

    /** data is null for planning events this service does not need. */
    record Envelope(UUID id, String type, Object data) {
    }

    private final ObjectMapper mapper;

    @Inject
    EntityManager em;

    @Inject
    ReferenceService references;

    @Inject
    EventApplier applier;

    @Inject
    public PlanningEventsConsumer(ObjectMapper mapper) {
        this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                // planning may add fields; a field this code does not know is ignored
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Incoming("planning-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) throws Exception {
        Envelope envelope;
        try {
            envelope = parse(record);
        } catch (UnprocessableEvent e) {
            applier.park(CONSUMER, record, e);
            return;
        }
        if (envelope.data() == null) {
            return; // sasaran, ...: not needed here
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
        if (envelope.data() != null) {
            QuarkusTransaction.requiringNew().run(() -> apply(envelope));
        }
    }

    /** The record's event; one whose source is not planning-service (TopicOwners) is unprocessable. */
    Envelope parse(ConsumerRecord<String, String> record) {
        // planning's time is not needed here: an event without one is read, as before
        CloudEvent event = CloudEvent.read(mapper, record, false);
        UUID id = event.id();
        String type = event.type();
        if (type.equals(PlanningEventsV1.AGENCY_UPSERTED)) {
            return new Envelope(id, type, event.data(mapper, PlanningEventsV1.AgencyUpserted.class));
        }
        if (type.equals(PlanningEventsV1.INDICATOR_UPSERTED)) {
            return new Envelope(id, type, event.data(mapper, PlanningEventsV1.IndicatorUpserted.class));
        }
        if (type.equals(PlanningEventsV1.TARGET_SET)) {
            return new Envelope(id, type, event.data(mapper, PlanningEventsV1.TargetSet.class));
        }
        if (type.equals(PlanningEventsV1.INDICATOR_DEFINED)) {
            return new Envelope(id, type, event.data(mapper, PlanningEventsV1.IndicatorDefined.class));
        }
        if (type.equals(PlanningEventsV1.INDICATOR_REMOVED)) {
            return new Envelope(id, type, event.data(mapper, PlanningEventsV1.IndicatorRemoved.class));
        }
        if (type.equals(PlanningEventsV1.TARGET_REMOVED)) {
            return new Envelope(id, type, event.data(mapper, PlanningEventsV1.TargetRemoved.class));
        }
        if (type.equals(PlanningEventsV1.SECTION_UPSERTED)) {
            PlanningEventsV1.SectionUpserted section = event.data(mapper, PlanningEventsV1.SectionUpserted.class);
            // the other sections (visi, misi, ...) are the report's, not needed here
            return new Envelope(id, type, PlanningEventsV1.RENSTRA_SECTION.equals(section.section()) ? section : null);
        }
        if (KNOWN_FAMILIES.contains(CloudEvent.family(type))) {
            // a version this code does not know: never guess
            throw new UnprocessableEvent("unsupported event version: " + type);
        }
        return new Envelope(id, type, null);
    }

    void apply(Envelope envelope) {
        if (!firstDelivery(envelope.id(), envelope.type())) {
            return;
        }
        try {
            if (envelope.data() instanceof PlanningEventsV1.AgencyUpserted agency) {
                references.apply(agency);
            } else if (envelope.data() instanceof PlanningEventsV1.IndicatorUpserted indicator) {
                references.apply(indicator);
            } else if (envelope.data() instanceof PlanningEventsV1.TargetSet target) {
                references.apply(target);
            } else if (envelope.data() instanceof PlanningEventsV1.IndicatorDefined definition) {
                references.apply(definition);
            } else if (envelope.data() instanceof PlanningEventsV1.IndicatorRemoved removed) {
                references.apply(removed);
            } else if (envelope.data() instanceof PlanningEventsV1.TargetRemoved removed) {
                references.apply(removed);
            } else if (envelope.data() instanceof PlanningEventsV1.SectionUpserted renstra) {
                references.apply(renstra);
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnprocessableEvent("event " + envelope.id() + " cannot be applied: " + e.getMessage(), e);
        }
    }

    private boolean firstDelivery(UUID eventId, String type) {
        return ProcessedEvents.firstDelivery(em, eventId, type);
    }
}
