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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A read of the read model's version serves the requests that come within
 * sakip.performance.version-max-age (5 ms) of its start, and no later one: the bound on how
 * much older than the read model a /performance answer can be.
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

    private void moveTheVersion() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("update rm_version set version = version + 1 where id = 1");
        }
    }
}
