package id.go.maluku.sakip.reporting.service;

import id.go.maluku.sakip.reporting.messaging.ConsumedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Applies a run of realisasi events (the stream realization-service sends while operators type)
 * with a fixed number of statements however long the run: the stored rows of all its periods
 * are read in one query, every event is decided in memory in its order exactly as
 * {@link ReadModelService#apply(ConsumedEvents.RealisasiRecorded, OffsetDateTime)} decides it
 * one at a time (a revision not newer than the one held changes nothing), and the changed rows
 * are written in one statement. Applied one by one, each event cost about four round trips to
 * the database, which under load was most of the consumer's time.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RealisasiRun {

    /** One event of the run, already known to be delivered for the first time. */
    public record Item(ConsumedEvents.RealisasiRecorded event, OffsetDateTime time) {
    }

    private record Key(UUID indicatorId, int year, String period) {
    }

    private static final class Row {
        BigDecimal value;
        long revision;
        int updatesApplied;
        OffsetDateTime eventTime;
        boolean stored;
        boolean changed;
    }

    @Inject
    EntityManager em;

    @Inject
    Recalculator recalculator;

    /**
     * Checks every event first (an event with a missing or wrong field throws, as when applied
     * alone, so that the caller can fall back to one at a time), then applies them.
     */
    public void apply(List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        List<Key> keys = new ArrayList<>(items.size());
        for (Item item : items) {
            ConsumedEvents.RealisasiRecorded e = item.event();
            UUID indicatorId = ReadModelService.uuid(e.indicatorId(), "indicatorId");
            String period = ReadModelService.required(e.period(), "period");
            if (!period.matches("Y|Q[1-4]|M(0[1-9]|1[0-2])")) {
                throw new IllegalArgumentException("period '" + period + "' is none of Y, Q1..Q4, M01..M12");
            }
            Objects.requireNonNull(e.value(), "value");
            keys.add(new Key(indicatorId, e.year(), period));
        }
        // Rows changed through the session so far are written before they are read here, and
        // the session lets go of them afterwards, since they are about to change underneath it.
        em.flush();
        em.clear();
        em.unwrap(Session.class).doWork(connection -> {
            Map<Key, Row> rows = load(connection, keys);
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                Key key = keys.get(i);
                Row row = rows.computeIfAbsent(key, k -> new Row());
                if (row.stored && row.revision >= item.event().revision()) {
                    continue; // an older or the same revision: the newer one stays
                }
                row.value = item.event().value();
                row.revision = item.event().revision();
                row.updatesApplied++;
                row.eventTime = item.time();
                row.stored = true;
                row.changed = true;
                recalculator.periodChanged(key.indicatorId(), key.year(), item.time());
            }
            store(connection, rows);
        });
    }

    private static Map<Key, Row> load(Connection connection, List<Key> keys) throws SQLException {
        Map<Key, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select r.indicator_id, r.year, r.period, r.value, r.revision, r.updates_applied, r.event_time "
                        + "from rm_realisasi r join unnest(?, ?, ?) as k(indicator_id, year, period) "
                        + "on r.indicator_id = k.indicator_id and r.year = k.year and r.period = k.period")) {
            select.setArray(1, connection.createArrayOf("uuid", keys.stream().map(Key::indicatorId).toArray()));
            select.setArray(2, connection.createArrayOf("integer", keys.stream().map(Key::year).toArray()));
            select.setArray(3, connection.createArrayOf("varchar", keys.stream().map(Key::period).toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Row row = new Row();
                    row.value = rs.getBigDecimal(4);
                    row.revision = rs.getLong(5);
                    row.updatesApplied = rs.getInt(6);
                    row.eventTime = rs.getObject(7, OffsetDateTime.class);
                    row.stored = true;
                    rows.put(new Key(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)), row);
                }
            }
        }
        return rows;
    }

    private static void store(Connection connection, Map<Key, Row> rows) throws SQLException {
        List<Map.Entry<Key, Row>> changed = rows.entrySet().stream().filter(e -> e.getValue().changed).toList();
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(
                "insert into rm_realisasi (indicator_id, year, period, value, revision, updates_applied, event_time) "
                        + "select * from unnest(?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict (indicator_id, year, period) do update set value = excluded.value, "
                        + "revision = excluded.revision, updates_applied = excluded.updates_applied, "
                        + "event_time = excluded.event_time")) {
            upsert.setArray(1, array(connection, "uuid", changed, e -> e.getKey().indicatorId()));
            upsert.setArray(2, array(connection, "integer", changed, e -> e.getKey().year()));
            upsert.setArray(3, array(connection, "varchar", changed, e -> e.getKey().period()));
            upsert.setArray(4, array(connection, "numeric", changed, e -> e.getValue().value));
            upsert.setArray(5, array(connection, "bigint", changed, e -> e.getValue().revision));
            upsert.setArray(6, array(connection, "integer", changed, e -> e.getValue().updatesApplied));
            upsert.setArray(7, array(connection, "timestamptz", changed,
                    e -> Timestamp.from(e.getValue().eventTime.toInstant())));
            upsert.executeUpdate();
        }
    }

    private static Array array(Connection connection, String type, List<Map.Entry<Key, Row>> rows,
                               java.util.function.Function<Map.Entry<Key, Row>, Object> column) throws SQLException {
        return connection.createArrayOf(type, rows.stream().map(column).toArray());
    }
}
