package id.go.maluku.sakip.realization.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Records an event in the caller's transaction: it is published if and only if the change
 * commits. Events are CloudEvents 1.0 documents in structured JSON mode.
 */
@ApplicationScoped
public class OutboxWriter {

    static final String SOURCE = "/sakip/realization-service";

    /** The row of a prepared event; {@link #bind} sets its parameters. */
    public static final String INSERT = "insert into outbox_event (event_id, aggregate_type, aggregate_id, event_type, "
            + "payload, created_at) values (?, ?, ?, ?, ?, ?)";

    @Inject
    ObjectMapper mapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

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
        envelope.put("source", SOURCE);
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
