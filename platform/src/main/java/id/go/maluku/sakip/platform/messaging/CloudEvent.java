package id.go.maluku.sakip.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The envelope of a consumed event (CloudEvents 1.0, structured JSON mode), read once for every
 * consumer: an id that is a UUID, the source that owns the record's topic (TopicOwners), a type,
 * a time, a data object. Anything less is an {@link UnprocessableEvent}, parked at once. Types are
 * versioned by name ({@code sakip.planning.target.set.v1}); a new shape is a new version, never an edit.
 */
public record CloudEvent(UUID id, String source, String type, OffsetDateTime time, JsonNode data) {

    /**
     * Reads the record's envelope and refuses it unless its source owns the record's topic;
     * time may be absent only where {@code timeRequired} is false (then null).
     */
    public static CloudEvent read(ObjectMapper mapper, ConsumerRecord<String, String> record, boolean timeRequired) {
        CloudEvent event = read(mapper, record.value(), timeRequired);
        TopicOwners.requireOwner(record.topic(), event.source());
        return event;
    }

    /** Reads the envelope alone, wherever it came from (no topic, so no owner to check). */
    static CloudEvent read(ObjectMapper mapper, String payload, boolean timeRequired) {
        try {
            JsonNode envelope = payload == null ? null : mapper.readTree(payload);
            if (envelope == null || !envelope.isObject()) {
                throw new UnprocessableEvent("event is not a JSON object");
            }
            UUID id = UUID.fromString(text(envelope, "id"));
            String source = text(envelope, "source");
            String type = text(envelope, "type");
            OffsetDateTime time = timeRequired || envelope.has("time") ? OffsetDateTime.parse(text(envelope, "time")) : null;
            JsonNode data = envelope.get("data");
            if (data == null || !data.isObject()) {
                throw new UnprocessableEvent("event " + id + " has no data object");
            }
            return new CloudEvent(id, source, type, time, data);
        } catch (JsonProcessingException | IllegalArgumentException | DateTimeException e) {
            throw new UnprocessableEvent("event could not be read: " + e.getMessage(), e);
        }
    }

    /** The data in the consumer's shape for this type; a field of the wrong kind is unprocessable. */
    public <T> T data(ObjectMapper mapper, Class<T> shape) {
        try {
            return mapper.treeToValue(data, shape);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnprocessableEvent("event " + id + " could not be read: " + e.getMessage(), e);
        }
    }

    /** "sakip.planning.target.set.v1" is of the family "sakip.planning.target.set". */
    public static String family(String type) {
        return type.matches(".*\\.v\\d+$") ? type.substring(0, type.lastIndexOf('.')) : type;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new UnprocessableEvent("event has no '" + field + "'");
        }
        return value.asText();
    }
}
