package id.go.maluku.sakip.reporting.service;

import id.go.maluku.sakip.infra.RealInfrastructureResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A read of the read model's version serves the requests that come within
 * sakip.performance.version-max-age (5 ms) of its start, and no later one: the bound on how
 * much older than the read model a /performance answer can be. While a read is in flight, the
 * requests of its 5 ms wait for it rather than each reading the version.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PerformanceCacheTests {

    @Inject
    PerformanceCache cache;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_read_of_the_version_serves_for_five_milliseconds_and_is_then_read_again() throws Exception {
        long start = System.nanoTime();
        long read = cache.recentVersion(start);
        assertEquals(read, cache.version(), "the first request reads the version");

        moveTheVersion(); // as an applied event does, in its own committed transaction
        long moved = cache.version();
        assertTrue(moved > read);

        assertEquals(read, cache.recentVersion(start + TimeUnit.MILLISECONDS.toNanos(4)),
                "a request 4 ms after the read is served from it");
        long later = cache.recentVersion(start + TimeUnit.MILLISECONDS.toNanos(5));
        assertTrue(later >= moved, "a request 5 ms after the read reads the version again: " + later + " < " + moved);
        assertEquals(later, cache.recentVersion(start + TimeUnit.MILLISECONDS.toNanos(6)),
                "and that read serves the requests after it");
    }

    @Test
    void requests_within_five_milliseconds_of_a_read_in_flight_wait_for_it_instead_of_reading_again() throws Exception {
        Thread.sleep(6); // whatever read came before has aged
        List<Runnable> reads = new ArrayList<>();
        long start = System.nanoTime();
        CompletableFuture<Long> first = cache.versionFor(start, reads::add).toCompletableFuture();
        assertEquals(1, reads.size(), "the first request starts a read");
        assertFalse(first.isDone());
        assertSame(first, cache.versionFor(start + TimeUnit.MILLISECONDS.toNanos(4), reads::add),
                "a request 4 ms later waits for the same read");
        assertEquals(1, reads.size());
        assertNull(cache.keptAndCurrent("anyone", 2022), "nothing is current while the version is being read");

        reads.get(0).run();
        assertEquals(cache.version(), first.join());
        CompletableFuture<Long> second = cache.versionFor(start + TimeUnit.MILLISECONDS.toNanos(5), reads::add)
                .toCompletableFuture();
        assertEquals(2, reads.size(), "5 ms after the first read started, a request starts another");
        assertNotSame(first, second);
        reads.get(1).run();
        assertEquals(cache.version(), second.join());
    }

    @Test
    void a_read_that_failed_serves_no_one_the_next_request_reads_again() throws Exception {
        Thread.sleep(6);
        long start = System.nanoTime();
        CompletableFuture<Long> failed = cache.versionFor(start, read -> {
            throw new java.util.concurrent.RejectedExecutionException("no worker");
        }).toCompletableFuture();
        assertTrue(failed.isCompletedExceptionally());
        assertEquals(cache.version(), cache.recentVersion(start + TimeUnit.MILLISECONDS.toNanos(1)),
                "a request 1 ms later reads the version itself");
    }

    private void moveTheVersion() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("update rm_version set version = version + 1 where id = 1");
        }
    }
}
