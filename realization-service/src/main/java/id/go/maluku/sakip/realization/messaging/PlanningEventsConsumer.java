package id.go.maluku.sakip.realization.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.realization.event.PlanningEventsV1;
import id.go.maluku.sakip.realization.service.ReferenceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.UUID;

/**
 * Keeps realization's copy of the plan from planning's events. The event id is recorded in the
 * same transaction as the change, so a redelivered event changes nothing; an event that cannot
 * be read makes the method fail, and the connector moves it to the dead-letter topic.
 */
@ApplicationScoped
public class PlanningEventsConsumer {

    private static final String AGENCY_FAMILY = "sakip.planning.agency.upserted.";
    private static final String INDICATOR_FAMILY = "sakip.planning.indicator.upserted.";

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    @Inject
    ReferenceService references;

    @Incoming("planning-events")
    @Transactional
    public void consume(String payload) throws Exception {
        JsonNode envelope = mapper.readTree(payload);
        String id = text(envelope, "id");
        String type = text(envelope, "type");
        JsonNode data = envelope.get("data");
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("event " + id + " has no data object");
        }
        UUID eventId = UUID.fromString(id);
        if (type.equals(PlanningEventsV1.AGENCY_UPSERTED)) {
            if (firstDelivery(eventId, type)) {
                references.apply(mapper.treeToValue(data, PlanningEventsV1.AgencyUpserted.class));
            }
        } else if (type.equals(PlanningEventsV1.INDICATOR_UPSERTED)) {
            if (firstDelivery(eventId, type)) {
                references.apply(mapper.treeToValue(data, PlanningEventsV1.IndicatorUpserted.class));
            }
        } else if (type.startsWith(AGENCY_FAMILY) || type.startsWith(INDICATOR_FAMILY)) {
            // A version this code does not know: never guess, let the dead-letter topic keep it.
            throw new IllegalArgumentException("unsupported event version: " + type);
        }
        // Other planning events (sasaran, targets, ...) are not needed to validate realisasi.
    }

    private boolean firstDelivery(UUID eventId, String type) {
        return em.createNativeQuery(
                        "insert into processed_event (event_id, event_type, processed_at) values (?1, ?2, now()) on conflict do nothing")
                .setParameter(1, eventId).setParameter(2, type).executeUpdate() == 1;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("event has no '" + field + "'");
        }
        return value.asText();
    }
}
