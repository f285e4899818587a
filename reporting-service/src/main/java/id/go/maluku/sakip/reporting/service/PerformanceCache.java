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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

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

    /**
     * The newest read of the version, done or still in flight, with the System.nanoTime() of the
     * request that started it (the read itself starts after that).
     */
    private record Read(long startedAt, CompletableFuture<Long> version) {
        Long doneVersion() {
            return version.isDone() && !version.isCompletedExceptionally() ? version.join() : null;
        }
    }

    private final AtomicReference<Read> lastRead = new AtomicReference<>();

    @ConfigProperty(name = "sakip.performance.version-max-age", defaultValue = "PT0.005S")
    Duration versionMaxAge;

    @Inject
    PerformanceQuery query;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    /** Blocks: may read the version and build the document. */
    public Entry performance(String agency, int year) {
        return performance(agency, year, recentVersion());
    }

    /** The document for a version read at most versionMaxAge before the request: kept, or built now (blocks). */
    public Entry performance(String agency, int year, long version) {
        Entry kept = kept(agency, year, version);
        if (kept != null) {
            return kept;
        }
        PerformanceQuery.Performance performance = query.performance(agency, year);
        Entry built = new Entry(version, performance, JsonDocument.of(json, performance));
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(agency + "/" + year, built);
        return built;
    }

    /** The kept document if it is at least as new as version, else null; never blocks. */
    public Entry kept(String agency, int year, long version) {
        Entry kept = entries.get(agency + "/" + year);
        // a document built from a newer read than this request's is newer still: serve it
        return kept != null && kept.version() >= version ? kept : null;
    }

    /**
     * The kept document when answering needs no database at all (the version read at most
     * versionMaxAge ago, and the document built from it or a later read), else null. Lets the
     * resource answer on the event loop what needs no blocking.
     */
    public Entry keptAndCurrent(String agency, int year) {
        Read read = lastRead.get();
        Long version = read == null || System.nanoTime() - read.startedAt() >= versionMaxAge.toNanos()
                ? null : read.doneVersion();
        return version == null ? null : kept(agency, year, version);
    }

    /** The version as read at most versionMaxAge before this call (blocks while it is read). */
    long recentVersion() {
        return recentVersion(System.nanoTime());
    }

    /** As recentVersion(), for a request that came at now (System.nanoTime()). */
    long recentVersion(long now) {
        try {
            return versionFor(now, Runnable::run).toCompletableFuture().join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * The version for a request that came at now (System.nanoTime()), without blocking: the newest
     * read if it started less than versionMaxAge before now, done or still in flight, else a new
     * read run on reader. One read at a time serves every request of its 5 ms: when each request
     * whose version had aged read it itself, the requests of the moment the version aged (dozens
     * at 10,000 a second) all queued for a pooled connection at once, and that queue was the
     * slowest answers' wait.
     */
    public CompletionStage<Long> versionFor(long now, Executor reader) {
        while (true) {
            Read read = lastRead.get();
            if (read != null && now - read.startedAt() < versionMaxAge.toNanos()
                    && !read.version().isCompletedExceptionally()) {
                return read.version();
            }
            // The read starts after now: it covers every commit before this request.
            Read mine = new Read(now, new CompletableFuture<>());
            if (!lastRead.compareAndSet(read, mine)) {
                continue; // another request started a read meanwhile: see whether it serves this one
            }
            try {
                reader.execute(() -> {
                    try {
                        mine.version().complete(version());
                    } catch (RuntimeException e) {
                        mine.version().completeExceptionally(e); // the next request reads again
                    }
                });
            } catch (RuntimeException rejected) {
                mine.version().completeExceptionally(rejected);
            }
            return mine.version();
        }
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
