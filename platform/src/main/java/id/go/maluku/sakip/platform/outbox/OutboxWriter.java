package id.go.maluku.sakip.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.platform.error.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Records an event in the caller's transaction: it is published if and only if the change
 * commits. Events are CloudEvents 1.0 documents in structured JSON mode.
 *
 * <p>An event larger than the topic accepts is refused here, while the change can still be
 * refused with it (413 naming the largest part of the event), not found later by the relay,
 * when the change is committed and the event could only wait first in line forever.
 */
@ApplicationScoped
public class OutboxWriter {

    /** The row of a prepared event; {@link #bind} sets its parameters. */
    public static final String INSERT = "insert into outbox_event (event_id, aggregate_type, aggregate_id, event_type, "
            + "payload, created_at) values (?, ?, ?, ?, ?, ?)";

    /**
     * Room left in a record for its key, headers and the record's own framing: what the relay
     * adds to the payload (an aggregate id of at most 128 characters and two short headers)
     * stays far below this.
     */
    static final int RECORD_OVERHEAD = 2048;

    @Inject
    ObjectMapper mapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    /** The producer's max.request.size, and so the largest event the relay can send. */
    @ConfigProperty(name = "sakip.outbox.max-event-bytes", defaultValue = "1000000")
    int maxEventBytes;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String aggregateType, String aggregateId, String eventType, Object data) {
        OutboxEvent event = prepare(aggregateType, aggregateId, eventType, data);
        event.persist();
        return event.eventId;
    }

    /**
     * The event's row, not yet written, for a caller that writes it in this transaction with its
     * change in one round trip (see {@link #INSERT}). The relay is woken when the transaction commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent prepare(String aggregateType, String aggregateId, String eventType, Object data) {
        UUID eventId = EventIds.next();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", eventId.toString());
        envelope.put("source", "/sakip/" + applicationName);
        envelope.put("type", eventType);
        envelope.put("subject", aggregateId);
        envelope.put("time", now.toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("data", data);

        OutboxEvent event = new OutboxEvent();
        event.eventId = eventId;
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId;
        event.eventType = eventType;
        event.createdAt = now;
        try {
            event.payload = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + eventType + " could not be serialised", e);
        }
        refuseIfTooLarge(event, data);
        // Wake the relay once the row is visible, instead of waiting for its next poll.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
        return event;
    }

    private void refuseIfTooLarge(OutboxEvent event, Object data) {
        int limit = maxEventBytes - RECORD_OVERHEAD;
        int size = utf8Length(event.payload);
        if (size <= limit) {
            return;
        }
        throw ApiProblem.tooLarge(largestPart(data), "the change makes an event of " + size + " bytes; a "
                + event.eventType + " event may have at most " + limit + " bytes. Make this part smaller or split it.");
    }

    /** The top-level field of the event's data that takes the most room (a path such as "outputs"). */
    String largestPart(Object data) {
        JsonNode tree = mapper.valueToTree(data);
        String largest = "data";
        int largestSize = -1;
        if (tree != null && tree.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = tree.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                int size = utf8Length(field.getValue().toString());
                if (size > largestSize) {
                    largest = field.getKey();
                    largestSize = size;
                }
            }
        }
        return largest;
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Sets the parameters of {@link #INSERT} from parameter index first on; returns the next index. */
    public static int bind(OutboxEvent event, PreparedStatement statement, int first) throws SQLException {
        statement.setObject(first, event.eventId);
        statement.setString(first + 1, event.aggregateType);
        statement.setString(first + 2, event.aggregateId);
        statement.setString(first + 3, event.eventType);
        statement.setString(first + 4, event.payload);
        statement.setObject(first + 5, event.createdAt);
        return first + 6;
    }
}
