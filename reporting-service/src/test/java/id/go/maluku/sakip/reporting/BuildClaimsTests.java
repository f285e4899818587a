package id.go.maluku.sakip.reporting;

import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.reporting.service.BuildClaims;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The claims several replicas share a build run by, on the real database: each agency is claimed
 * once however many replicas ask at the same time, a dead replica's agency is taken over after the
 * timeout and its late result is not kept, one run is open at a time and one nightly run a night.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class BuildClaimsTests {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    @Inject
    BuildClaims claims;

    @Inject
    EntityManager em;

    private UUID open(List<String> agencies, LocalDate nightly) {
        UUID run = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> claims.openRun(run, 2022, nightly, agencies));
        return run;
    }

    private void completeAll(List<BuildClaims.Claim> taken, String replica) {
        for (BuildClaims.Claim claim : taken) {
            assertTrue(QuarkusTransaction.requiringNew().call(() -> claims.complete(claim, replica)));
        }
    }

    @Test
    void four_replicas_claiming_at_once_build_each_agency_once_and_the_run_closes() throws Exception {
        List<String> agencies = IntStream.rangeClosed(1, 40).mapToObj(i -> String.format("claim-%02d", i)).toList();
        UUID run = open(agencies, null);
        assertEquals(Optional.of(run), claims.open());
        // a second run while this one is open: refused by the database, whichever replica asks
        assertThrows(PersistenceException.class, () -> open(List.of("claim-x"), null));

        ExecutorService replicas = Executors.newFixedThreadPool(4);
        List<Future<List<BuildClaims.Claim>>> work = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            String replica = "replica-" + r;
            work.add(replicas.submit(() -> {
                List<BuildClaims.Claim> mine = new ArrayList<>();
                for (Optional<BuildClaims.Claim> c = claims.claimNext(replica, TIMEOUT, 3); c.isPresent();
                     c = claims.claimNext(replica, TIMEOUT, 3)) {
                    mine.add(c.get());
                }
                completeAll(mine, replica);
                return mine;
            }));
        }
        List<String> claimed = new ArrayList<>();
        for (Future<List<BuildClaims.Claim>> f : work) {
            f.get().forEach(c -> {
                assertEquals(run, c.runId());
                assertEquals(2022, c.year());
                claimed.add(c.agencyCode());
            });
        }
        replicas.shutdown();
        Collections.sort(claimed);
        assertEquals(agencies, claimed, "each agency claimed exactly once");
        assertEquals(1, claims.finishDone());
        assertEquals(Optional.empty(), claims.open());
    }

    @Test
    void a_dead_replicas_agency_is_taken_over_and_its_late_result_is_not_kept() {
        UUID run = open(List.of("takeover-a"), null);
        BuildClaims.Claim dead = claims.claimNext("replica-dead", TIMEOUT, 3).orElseThrow();
        // nobody else gets it while the claim is fresh
        assertEquals(Optional.empty(), claims.claimNext("replica-alive", TIMEOUT, 3));
        age("takeover-a", run);
        BuildClaims.Claim alive = claims.claimNext("replica-alive", TIMEOUT, 3).orElseThrow();
        assertEquals("takeover-a", alive.agencyCode());
        assertFalse(QuarkusTransaction.requiringNew().call(() -> claims.complete(dead, "replica-dead")),
                "the replica that lost its claim does not record its build");
        assertEquals(0, claims.finishDone(), "still claimed by the live replica");
        completeAll(List.of(alive), "replica-alive");
        assertEquals(1, claims.finishDone());
    }

    @Test
    void an_agency_that_stopped_its_replicas_three_times_is_given_up_and_one_nightly_run_a_night() {
        LocalDate night = LocalDate.of(2022, 12, 31);
        UUID run = open(List.of("poison-a"), night);
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertTrue(claims.claimNext("replica-" + attempt, TIMEOUT, 3).isPresent());
            age("poison-a", run);
        }
        assertEquals(Optional.empty(), claims.claimNext("replica-4", TIMEOUT, 3), "not tried a fourth time");
        List<BuildClaims.Claim> gaveUp = claims.abandonExhausted(TIMEOUT, 3);
        assertEquals(List.of("poison-a"), gaveUp.stream().map(BuildClaims.Claim::agencyCode).toList());
        assertEquals(1, claims.finishDone());
        // every replica's scheduler fires at 01:00: the second nightly run of the night is refused
        assertThrows(PersistenceException.class, () -> open(List.of("poison-a"), night));
        assertEquals(Optional.empty(), claims.open());
    }

    /** The claim's replica went silent an hour ago. */
    private void age(String agency, UUID run) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update build_claim set claimed_at = claimed_at - interval '1 hour' where run_id = ?1 and agency_code = ?2")
                .setParameter(1, run).setParameter(2, agency).executeUpdate());
    }
}
