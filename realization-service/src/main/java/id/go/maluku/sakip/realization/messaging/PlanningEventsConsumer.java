package id.go.maluku.sakip.realization.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.realization.event.PlanningEventsV1;
import id.go.maluku.sakip.realization.service.ReferenceService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
public class PlanningEventsConsumer {

    private static final Logger LOG = Logger.getLogger(PlanningEventsConsumer.class);
    private static final String AGENCY_FAMILY = "sakip.planning.agency.upserted.";
    private static final String INDICATOR_FAMILY = "sakip.planning.indicator.upserted.";
    private static final String TARGET_FAMILY = "sakip.planning.target.set.";
    private static final String DEFINITION_FAMILY = "sakip.planning.indicator.defined.";
    private static final String INDICATOR_REMOVED_FAMILY = "sakip.planning.indicator.removed.";
    private static final String TARGET_REMOVED_FAMILY = "sakip.planning.target.removed.";
    private static final String SECTION_FAMILY = "sakip.planning.section.upserted.";
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    /** An event whose content is wrong; retrying cannot help. */
    static final class Unprocessable extends RuntimeException {
        Unprocessable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** data is null for planning events this service does not need. */
    record Envelope(UUID id, String type, Object data) {
    }

    private final ObjectMapper mapper;
    private volatile boolean stopping;

    @Inject
    EntityManager em;

    @Inject
    ReferenceService references;

    @Inject
    DeadLetters deadLetters;

    @Inject
    public PlanningEventsConsumer(ObjectMapper mapper) {
        this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                // planning may add fields; a field this code does not know is ignored
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Incoming("planning-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) throws Exception {
        Envelope envelope;
        try {
            envelope = parse(record.value());
        } catch (Unprocessable e) {
            deadLetters.send(record, e);
            return;
        }
        if (envelope.data() == null) {
            return; // sasaran, ...: not needed here
        }
        long backoff = 100;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> apply(envelope));
                return;
            } catch (Unprocessable e) {
                deadLetters.send(record, e);
                return;
            } catch (RuntimeException e) {
                if (violatesIntegrity(e)) {
                    // the event contradicts what is stored (e.g. a second agency with a taken
                    // code): retrying cannot help
                    deadLetters.send(record, new Unprocessable("event " + envelope.id()
                            + " contradicts the stored model: " + rootMessage(e), e));
                    return;
                }
                if (stopping) {
                    throw e;
                }
                LOG.warnf("event %s not applied yet (%s); retrying in %d ms", envelope.id(), DeadLetters.describe(e), backoff);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    Envelope parse(String payload) {
        try {
            JsonNode envelope = payload == null ? null : mapper.readTree(payload);
            if (envelope == null || !envelope.isObject()) {
                throw new Unprocessable("event is not a JSON object", null);
            }
            UUID id = UUID.fromString(text(envelope, "id"));
            String type = text(envelope, "type");
            JsonNode data = envelope.get("data");
            if (data == null || !data.isObject()) {
                throw new Unprocessable("event " + id + " has no data object", null);
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
                throw new Unprocessable("unsupported event version: " + type, null);
            }
            return new Envelope(id, type, null);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new Unprocessable("event could not be read: " + e.getMessage(), e);
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
            throw new Unprocessable("event " + envelope.id() + " cannot be applied: " + e.getMessage(), e);
        }
    }

    /** SQL state class 23: integrity constraint violation. */
    static boolean violatesIntegrity(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
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
            throw new Unprocessable("event has no '" + field + "'", null);
        }
        return value.asText();
    }
}
