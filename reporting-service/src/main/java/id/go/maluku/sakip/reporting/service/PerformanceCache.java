package id.go.maluku.sakip.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * /performance is read far more often than the read model changes (dashboards poll it), and
 * building it reads every result, target and budget line of the agency. So the document is
 * kept, built and serialised once, for as long as the read model's version (rm_version: a
 * number the database moves in the same transaction as every applied event, and on a rebuild)
 * stays the same. The version is read before the document is built: a change committed in
 * between is in the document or moves the version past the one kept, so the worst case is one
 * needless rebuild, never a stale answer. The check is one primary-key read per request, so
 * every instance of the service sees every other instance's changes at once.
 */
@ApplicationScoped
public class PerformanceCache {

    /** Kept: one entry per agency and year asked for; a province has about forty agencies. */
    static final int MAX_ENTRIES = 2_000;

    public record Entry(long version, PerformanceQuery.Performance performance, JsonDocument document) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    PerformanceQuery query;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    public Entry performance(String agency, int year) {
        long version = version();
        String key = agency + "/" + year;
        Entry kept = entries.get(key);
        if (kept != null && kept.version() == version) {
            return kept;
        }
        PerformanceQuery.Performance performance = query.performance(agency, year);
        Entry built = new Entry(version, performance, JsonDocument.of(json, performance));
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, built);
        return built;
    }

    /** The read model's version: moves with every applied event (see V27__read_model_version.sql). */
    public long version() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select version from rm_version where id = 1")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("read model version unreadable", e);
        }
    }
}
