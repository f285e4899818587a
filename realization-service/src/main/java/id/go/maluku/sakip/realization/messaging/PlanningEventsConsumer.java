package id.go.maluku.sakip.realization.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.realization.event.PlanningEventsV1;
import id.go.maluku.sakip.realization.service.ReferenceService;
import id.go.maluku.sakip.platform.messaging.EventApplier;
import id.go.maluku.sakip.platform.messaging.ParkedEventHandler;
import id.go.maluku.sakip.platform.messaging.UnprocessableEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

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

    private static final Logger LOG = Logger.getLogger(PlanningEventsConsumer.class);
    private static final String AGENCY_FAMILY = "sakip.planning.agency.upserted.";
    private static final String INDICATOR_FAMILY = "sakip.planning.indicator.upserted.";
    private static final String TARGET_FAMILY = "sakip.planning.target.set.";
    private static final String DEFINITION_FAMILY = "sakip.planning.indicator.defined.";
    private static final String INDICATOR_REMOVED_FAMILY = "sakip.planning.indicator.removed.";
    private static final String TARGET_REMOVED_FAMILY = "sakip.planning.target.removed.";
    private static final String SECTION_FAMILY = "sakip.planning.section.upserted.";

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
            envelope = parse(record.value());
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
        Envelope envelope = parse(record.value());
        if (envelope.data() != null) {
            QuarkusTransaction.requiringNew().run(() -> apply(envelope));
        }
    }

    Envelope parse(String payload) {
        try {
            JsonNode envelope = payload == null ? null : mapper.readTree(payload);
            if (envelope == null || !envelope.isObject()) {
                throw new UnprocessableEvent("event is not a JSON object", null);
            }
            UUID id = UUID.fromString(text(envelope, "id"));
            String type = text(envelope, "type");
            JsonNode data = envelope.get("data");
            if (data == null || !data.isObject()) {
                throw new UnprocessableEvent("event " + id + " has no data object", null);
            }
            if (type.equals(PlanningEventsV1.AGENCY_UPSERTED)) {
                return new Envelope(id, type, mapper.treeToValue(data, PlanningEventsV1.AgencyUpserted.class));
            }
            if (type.equals(PlanningEventsV1.INDICATOR_UPSERTED)) {
                return new Envelope(id, type, mapper.treeToValue(data, PlanningEventsV1.IndicatorUpserted.class));
            }
            if (type.equals(PlanningEventsV1.TARGET_SET)) {
                return new Envelope(id, type, mapper.treeToValue(data, PlanningEventsV1.TargetSet.class));
            }
            if (type.equals(PlanningEventsV1.INDICATOR_DEFINED)) {
                return new Envelope(id, type, mapper.treeToValue(data, PlanningEventsV1.IndicatorDefined.class));
            }
            if (type.equals(PlanningEventsV1.INDICATOR_REMOVED)) {
                return new Envelope(id, type, mapper.treeToValue(data, PlanningEventsV1.IndicatorRemoved.class));
            }
            if (type.equals(PlanningEventsV1.TARGET_REMOVED)) {
                return new Envelope(id, type, mapper.treeToValue(data, PlanningEventsV1.TargetRemoved.class));
            }
            if (type.equals(PlanningEventsV1.SECTION_UPSERTED)) {
                PlanningEventsV1.SectionUpserted section = mapper.treeToValue(data, PlanningEventsV1.SectionUpserted.class);
                // the other sections (visi, misi, ...) are the report's, not needed here
                return new Envelope(id, type, PlanningEventsV1.RENSTRA_SECTION.equals(section.section()) ? section : null);
            }
            if (type.startsWith(AGENCY_FAMILY) || type.startsWith(INDICATOR_FAMILY) || type.startsWith(TARGET_FAMILY)
                    || type.startsWith(DEFINITION_FAMILY) || type.startsWith(INDICATOR_REMOVED_FAMILY)
                    || type.startsWith(TARGET_REMOVED_FAMILY) || type.startsWith(SECTION_FAMILY)) {
                // a version this code does not know: never guess
                throw new UnprocessableEvent("unsupported event version: " + type, null);
            }
            return new Envelope(id, type, null);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnprocessableEvent("event could not be read: " + e.getMessage(), e);
        }
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

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private boolean firstDelivery(UUID eventId, String type) {
        return em.createNativeQuery(
                        "insert into processed_event (event_id, event_type, processed_at) values (?1, ?2, now()) on conflict do nothing")
                .setParameter(1, eventId).setParameter(2, type).executeUpdate() == 1;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new UnprocessableEvent("event has no '" + field + "'", null);
        }
        return value.asText();
    }
}
