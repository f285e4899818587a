package id.go.maluku.sakip.reporting.service;

import id.go.maluku.sakip.infra.RealInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PerformanceReader reads every part of /performance in one round trip whose first statement
 * makes the transaction a read-only REPEATABLE READ one: the parts are of one snapshot only if
 * that statement took effect, so it is checked here in the transaction that read. (The values
 * the document shows are checked through the API in PerformanceTests.)
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PerformanceReaderTests {

    @Inject
    PerformanceReader reader;

    @Inject
    EntityManager em;

    @Test
    void the_transaction_that_read_is_a_read_only_repeatable_read_one() {
        List<Object> settings = QuarkusTransaction.requiringNew().call(() -> {
            PerformanceReader.Facts facts = reader.read("no-such-agency-for-the-reader", 2022);
            assertNull(facts.agency(), "an unknown agency is read as none");
            assertTrue(facts.results().isEmpty());
            return List.of(
                    em.createNativeQuery("select current_setting('transaction_isolation')").getSingleResult(),
                    em.createNativeQuery("select current_setting('transaction_read_only')").getSingleResult());
        });
        assertEquals(List.of("repeatable read", "on"), settings);
    }

    @Test
    void a_transaction_that_did_not_read_through_it_is_read_committed() {
        // the check above can fail: without the reader, the default isolation is what it reads
        Object isolation = QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select current_setting('transaction_isolation')").getSingleResult());
        assertEquals("read committed", isolation);
    }
}
