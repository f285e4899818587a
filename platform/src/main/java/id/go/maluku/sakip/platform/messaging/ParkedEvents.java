package id.go.maluku.sakip.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.platform.error.Text;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The service's parked events (table parked_event): every consumed record that could not be
 * applied, kept whole with why, so that an operator can see it, retry it (the very same record,
 * so the same event id: applied at most once) or discard it with a reason. Written with plain
 * JDBC on a connection of its own, outside the failed event's transaction, which has rolled back.
 */
@ApplicationScoped
public class ParkedEvents {

    private static final Logger LOG = Logger.getLogger("sakip.parked");

    public static final String PARKED = "parked";
    public static final String RETRIED = "retried";
    public static final String DISCARDED = "discarded";

    // null where the record carried no envelope to read (eventId, eventType), no key, or the row is still parked;
    // written whole, so every property is required (issue 24)
    @Schema(name = "ParkedEvent", requiredProperties = {"id", "consumer", "eventId", "eventType", "key", "topic", "partition", "offset",
            "reasonKind", "reason", "parkedAt", "attempts", "status", "resolvedAt", "resolvedBy", "resolution"})
    public record Parked(long id, String consumer, @Schema(nullable = true) String eventId,
                         @Schema(nullable = true) String eventType, @Schema(nullable = true) String key, String topic,
                         int partition, long offset, String reasonKind, String reason, OffsetDateTime parkedAt,
                         int attempts, String status, @Schema(nullable = true) OffsetDateTime resolvedAt,
                         @Schema(nullable = true) String resolvedBy, @Schema(nullable = true) String resolution) {
    }

    // named: a generic "Page" in the document says nothing of what it pages
    @Schema(name = "ParkedEventPage", requiredProperties = {"items", "page", "size", "total"})
    public record Page(List<Parked> items, int page, int size, long total) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DeadLetters deadLetters;

    @Inject
    ObjectMapper mapper;

    /**
     * Parks the record: its row (a record parked before, by offset, is parked again with the new
     * reason), then its copy on the dead-letter topic, then one WARN. Throws when the row cannot be
     * written: the caller must then not acknowledge the record.
     */
    public void park(String consumer, ConsumerRecord<String, String> record, Failures.Failure failure) throws SQLException {
        String[] idAndType = idAndType(record);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into parked_event (consumer, event_id, event_type, record_key, topic, partition_no, record_offset, "
                             + "payload, reason_kind, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                             + "on conflict (consumer, topic, partition_no, record_offset) do update set reason_kind = excluded.reason_kind, "
                             + "reason = excluded.reason, attempts = parked_event.attempts + 1, status = 'parked', "
                             + "resolved_at = null, resolved_by = null, resolution = null")) {
            connection.setAutoCommit(true);
            insert.setString(1, consumer);
            insert.setString(2, Text.clip(idAndType[0], 64));
            insert.setString(3, Text.clip(idAndType[1], 256));
            insert.setString(4, Text.clip(record.key(), 512));
            insert.setString(5, record.topic());
            insert.setInt(6, record.partition());
            insert.setLong(7, record.offset());
            // the record as it came: a NUL, which PostgreSQL's text refuses, is the one change
            insert.setString(8, record.value() == null ? null : record.value().replace("\u0000", "\\u0000"));
            insert.setString(9, failure.reasonKind());
            insert.setString(10, Text.clip(failure.reason().replace("\u0000", ""), 4000));
            insert.executeUpdate();
        }
        try {
            deadLetters.send(record, failure.reasonKind(), failure.reason());
        } catch (Exception e) {
            // the parked row is what operators use; the topic copy is for watchers
            LOG.warnf("parked event at %s-%d@%d not copied to the dead-letter topic: %s", record.topic(),
                    record.partition(), record.offset(), Failures.describe(e));
        }
        LOG.warnf("parked event %s (type %s, key %s, %s-%d@%d) in %s: %s: %s", idAndType[0], idAndType[1], record.key(),
                record.topic(), record.partition(), record.offset(), consumer, failure.reasonKind(), failure.reason());
    }

    public Page list(String consumer, String status, int page, int size) throws SQLException {
        String where = " where (?::text is null or consumer = ?) and (?::text is null or status = ?)";
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = connection.prepareStatement("select count(*) from parked_event" + where)) {
                bind(count, consumer, status);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
            List<Parked> items = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(SELECT + where + " order by id limit ? offset ?")) {
                bind(select, consumer, status);
                select.setInt(5, size);
                select.setLong(6, (long) page * size);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        items.add(row(rows));
                    }
                }
            }
            return new Page(items, page, size, total);
        }
    }

    public long countParked() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("select count(*) from parked_event where status = 'parked'");
             ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    public Optional<Parked> find(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT + " where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        }
    }

    /** Every record the consumer parked, by {@link #place}, with its status (parked, retried, discarded). */
    public java.util.Map<String, String> statuses(String consumer) throws SQLException {
        java.util.Map<String, String> statuses = new java.util.HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select topic, partition_no, record_offset, status from parked_event where consumer = ?")) {
            select.setString(1, consumer);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    statuses.put(place(rows.getString(1), rows.getInt(2), rows.getLong(3)), rows.getString(4));
                }
            }
        }
        return statuses;
    }

    /** A record's place on its topic: "topic-partition@offset". */
    public static String place(String topic, int partition, long offset) {
        return topic + "-" + partition + "@" + offset;
    }

    /** The status of the record's parked row (parked, retried, discarded), if the consumer parked it. */
    public Optional<String> statusOf(String consumer, String topic, int partition, long offset) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select status from parked_event where consumer = ? "
                     + "and topic = ? and partition_no = ? and record_offset = ?")) {
            select.setString(1, consumer);
            select.setString(2, topic);
            select.setInt(3, partition);
            select.setLong(4, offset);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** The parked record as it came, for a retry through the consumer's own path. */
    public ConsumerRecord<String, String> record(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select topic, partition_no, record_offset, record_key, payload, event_id, event_type from parked_event where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                RecordHeaders headers = new RecordHeaders();
                if (rows.getString(6) != null) {
                    headers.add("ce_id", rows.getString(6).getBytes(StandardCharsets.UTF_8));
                }
                if (rows.getString(7) != null) {
                    headers.add("ce_type", rows.getString(7).getBytes(StandardCharsets.UTF_8));
                }
                return new ConsumerRecord<>(rows.getString(1), rows.getInt(2), rows.getLong(3), -1L, TimestampType.NO_TIMESTAMP_TYPE,
                        -1, -1, rows.getString(4), rows.getString(5), headers, Optional.empty());
            }
        }
    }

    /** Marks a parked row resolved (retried or discarded); false if it was not parked any more. */
    public boolean resolve(long id, String status, String by, String resolution) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update parked_event set status = ?, resolved_at = now(), "
                     + "resolved_by = ?, resolution = ? where id = ? and status = 'parked'")) {
            update.setString(1, status);
            update.setString(2, Text.clip(by, 256));
            update.setString(3, Text.clip(resolution, 2000));
            update.setLong(4, id);
            return update.executeUpdate() == 1;
        }
    }

    /** A retry that failed again: the new reason, one more attempt, still parked. */
    public void failedAgain(long id, Failures.Failure failure) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update parked_event set reason_kind = ?, reason = ?, "
                     + "attempts = attempts + 1 where id = ?")) {
            update.setString(1, failure.reasonKind());
            update.setString(2, Text.clip(failure.reason(), 4000));
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    private static final String SELECT = "select id, consumer, event_id, event_type, record_key, topic, partition_no, record_offset, "
            + "reason_kind, reason, parked_at, attempts, status, resolved_at, resolved_by, resolution from parked_event";

    private static Parked row(ResultSet rows) throws SQLException {
        return new Parked(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                rows.getString(6), rows.getInt(7), rows.getLong(8), rows.getString(9), rows.getString(10),
                rows.getObject(11, OffsetDateTime.class), rows.getInt(12), rows.getString(13),
                rows.getObject(14, OffsetDateTime.class), rows.getString(15), rows.getString(16));
    }

    private static void bind(PreparedStatement statement, String consumer, String status) throws SQLException {
        statement.setString(1, consumer);
        statement.setString(2, consumer);
        statement.setString(3, status);
        statement.setString(4, status);
    }

    /** The event's id and type: from the relay's headers, else from the JSON if it reads. */
    private String[] idAndType(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if ((id == null || type == null) && record.value() != null && record.value().length() < 2_000_000) {
            try {
                JsonNode envelope = mapper.readTree(record.value());
                if (envelope != null && envelope.isObject()) {
                    id = id != null ? id : envelope.path("id").asText(null);
                    type = type != null ? type : envelope.path("type").asText(null);
                }
            } catch (Exception unreadable) {
                // garbage: parked without them
            }
        }
        return new String[] {id, type};
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
