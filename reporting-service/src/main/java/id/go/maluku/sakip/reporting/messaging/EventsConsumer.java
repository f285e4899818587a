package id.go.maluku.sakip.reporting.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.reporting.service.ReadModelService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Feeds the read model from the planning, realization and budget topics. The event id is
 * recorded in the same transaction as the update, so a redelivered event is a no-op. An event
 * that does not parse, lacks a field, or has a type or version this code does not know makes
 * the method fail: the connector moves it to the dead-letter topic with the reason and goes on.
 */
@ApplicationScoped
public class EventsConsumer {

    private final ObjectMapper mapper;

    @Inject
    EntityManager em;

    @Inject
    ReadModelService readModel;

    @Inject
    public EventsConsumer(ObjectMapper mapper) {
        // A missing number must not turn into 0 silently.
        this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    }

    @Incoming("sakip-events")
    @Transactional
    public void consume(String payload) throws Exception {
        JsonNode envelope = mapper.readTree(payload);
        if (envelope == null || !envelope.isObject()) {
            throw new IllegalArgumentException("event is not a JSON object");
        }
        UUID id = UUID.fromString(text(envelope, "id"));
        String type = text(envelope, "type");
        OffsetDateTime time = OffsetDateTime.parse(text(envelope, "time"));
        JsonNode data = envelope.get("data");
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("event " + id + " has no data object");
        }
        Class<?> shape = switch (type) {
            case ConsumedEvents.AGENCY_UPSERTED -> ConsumedEvents.AgencyUpserted.class;
            case ConsumedEvents.SASARAN_UPSERTED -> ConsumedEvents.SasaranUpserted.class;
            case ConsumedEvents.INDICATOR_UPSERTED -> ConsumedEvents.IndicatorUpserted.class;
            case ConsumedEvents.TARGET_SET -> ConsumedEvents.TargetSet.class;
            case ConsumedEvents.REALISASI_RECORDED -> ConsumedEvents.RealisasiRecorded.class;
            case ConsumedEvents.BUDGET_LINE_UPSERTED -> ConsumedEvents.BudgetLineUpserted.class;
            default -> throw new IllegalArgumentException("unknown event type or version: " + type);
        };
        Object event = mapper.treeToValue(data, shape);
        if (!firstDelivery(id, type)) {
            return;
        }
        // Java 17: no pattern matching in switch yet
        if (event instanceof ConsumedEvents.AgencyUpserted e) {
            readModel.apply(e);
        } else if (event instanceof ConsumedEvents.SasaranUpserted e) {
            readModel.apply(e, time);
        } else if (event instanceof ConsumedEvents.IndicatorUpserted e) {
            readModel.apply(e, time);
        } else if (event instanceof ConsumedEvents.TargetSet e) {
            readModel.apply(e, time);
        } else if (event instanceof ConsumedEvents.RealisasiRecorded e) {
            readModel.apply(e, time);
        } else if (event instanceof ConsumedEvents.BudgetLineUpserted e) {
            readModel.apply(e);
        }
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
