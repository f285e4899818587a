package id.go.maluku.sakip.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * /performance is read far more often than the read model changes (dashboards poll it), and
 * building it reads every result, target and budget line of the agency. So the document is
 * kept, built and serialised once, for as long as the read model's version (rm_version: a
 * number the database moves in the same transaction as every applied event, and on a rebuild)
 * stays the same. The version is read before the document is built: a change committed in
 * between is in the document or moves the version past the one kept, so the worst case is one
 * needless rebuild. Every instance of the service sees every other instance's changes, since
 * the version lives in the database.
 *
 * <p>Reading the version for every request was most of a request's cost under a dashboard's
 * load (a pooled connection and a round trip for a few bytes). So a read of the version serves
 * every request that arrives within {@code sakip.performance.version-max-age} (5 ms) of the
 * moment that read started: an answer may miss a change committed at most that long before the
 * request came, which no dashboard can tell from the time the event took to arrive.
 */
@ApplicationScoped
public class PerformanceCache {

    /** Kept: one entry per agency and year asked for; a province has about forty agencies. */
    static final int MAX_ENTRIES = 2_000;

    public record Entry(long version, PerformanceQuery.Performance performance, JsonDocument document) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The newest read of the version, with the System.nanoTime() at which that read started. */
    private record Read(long version, long startedAt) {
    }

    private volatile Read lastRead;

    @ConfigProperty(name = "sakip.performance.version-max-age", defaultValue = "PT0.005S")
    Duration versionMaxAge;

    @Inject
    PerformanceQuery query;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    public Entry performance(String agency, int year) {
        long version = recentVersion();
        String key = agency + "/" + year;
        Entry kept = entries.get(key);
        // a document built from a newer read than this request's is newer still: serve it
        if (kept != null && kept.version() >= version) {
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

    /**
     * The kept document when answering needs no database at all (the version read at most
     * versionMaxAge ago, and the document built from it or a later read), else null. Lets the
     * resource answer on the event loop what needs no blocking.
     */
    public Entry keptAndCurrent(String agency, int year) {
        Read read = lastRead;
        if (read == null || System.nanoTime() - read.startedAt() >= versionMaxAge.toNanos()) {
            return null;
        }
        Entry kept = entries.get(agency + "/" + year);
        return kept != null && kept.version() >= read.version() ? kept : null;
    }

    /** The version as read at most versionMaxAge before this call. */
    long recentVersion() {
        return recentVersion(System.nanoTime());
    }

    /** As recentVersion(), for a request that came at now (System.nanoTime()). */
    long recentVersion(long now) {
        Read read = lastRead;
        if (read != null && now - read.startedAt() < versionMaxAge.toNanos()) {
            return read.version();
        }
        long version = version(); // started after now: covers every commit before this request
        // Two concurrent reads may store in either order: each carries its own start, so a
        // request served from either still gets a version at most versionMaxAge old.
        lastRead = new Read(version, now);
        return version;
    }

    /** The read model's version, read now: moves with every applied event (see V27__read_model_version.sql). */
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
