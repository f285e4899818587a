package id.go.maluku.sakip.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The build runs' shared state in the database, so that several replicas build each agency of a
 * run exactly once: a run is opened once (a unique index allows one open run, and one nightly run
 * per night), each replica claims the next pending agency with {@code for update skip locked}, and
 * a claim older than the timeout (its replica died) is taken over. A build is recorded only by the
 * replica that still holds the claim.
 */
@ApplicationScoped
public class BuildClaims {

    /** One agency of a run, claimed by this replica. */
    public record Claim(UUID runId, String agencyCode, int year) {
    }

    @Inject
    EntityManager em;

    /** The open run, if any. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<UUID> open() {
        List<?> ids = em.createNativeQuery("select run_id from build_run where finished_at is null").getResultList();
        return ids.stream().findFirst().map(id -> (UUID) id);
    }

    /**
     * Opens a run over the given agencies, in the caller's transaction. A unique violation (another
     * run is open, or tonight's nightly run exists) reaches the caller as a PersistenceException.
     */
    public void openRun(UUID runId, int year, LocalDate nightlyDate, List<String> agencies) {
        em.createNativeQuery("insert into build_run (run_id, year, trigger, nightly_date) values (?1, ?2, ?3, ?4)")
                .setParameter(1, runId).setParameter(2, year)
                .setParameter(3, nightlyDate == null ? "MANUAL" : "NIGHTLY").setParameter(4, nightlyDate)
                .executeUpdate();
        for (String agency : agencies) {
            em.createNativeQuery("insert into build_claim (run_id, agency_code, status) values (?1, ?2, 'PENDING')")
                    .setParameter(1, runId).setParameter(2, agency).executeUpdate();
        }
    }

    /**
     * Claims the next agency no replica holds: a pending one, or one whose claim is older than
     * {@code timeout} and has been tried fewer than {@code maxAttempts} times.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claim> claimNext(String replica, Duration timeout, int maxAttempts) {
        List<?> rows = em.createNativeQuery("""
                        update build_claim c set status = 'CLAIMED', claimed_by = ?1, claimed_at = clock_timestamp(),
                               attempts = c.attempts + 1
                        where (c.run_id, c.agency_code) = (
                            select run_id, agency_code from build_claim
                            where status = 'PENDING'
                               or (status = 'CLAIMED' and attempts < ?3
                                   and claimed_at < clock_timestamp() - make_interval(secs => ?2))
                            order by run_id, agency_code
                            limit 1 for update skip locked)
                        returning c.run_id, c.agency_code, (select r.year from build_run r where r.run_id = c.run_id)""")
                .setParameter(1, replica).setParameter(2, timeout.toMillis() / 1000.0).setParameter(3, maxAttempts)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            return new Claim((UUID) r[0], (String) r[1], ((Number) r[2]).intValue());
        });
    }

    /**
     * Marks the claim done, in the caller's transaction, if this replica still holds it; false when
     * another replica took it over (then the caller's build is not recorded).
     */
    public boolean complete(Claim claim, String replica) {
        return em.createNativeQuery("""
                        update build_claim set status = 'DONE'
                        where run_id = ?1 and agency_code = ?2 and claimed_by = ?3 and status = 'CLAIMED'""")
                .setParameter(1, claim.runId()).setParameter(2, claim.agencyCode()).setParameter(3, replica)
                .executeUpdate() == 1;
    }

    /**
     * Gives up on claims whose replica died {@code maxAttempts} times (a build that brings its
     * replica down): marked done and returned, so that the caller records them as failed.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claim> abandonExhausted(Duration timeout, int maxAttempts) {
        List<?> rows = em.createNativeQuery("""
                        update build_claim c set status = 'DONE'
                        where status = 'CLAIMED' and attempts >= ?2
                          and claimed_at < clock_timestamp() - make_interval(secs => ?1)
                        returning c.run_id, c.agency_code, (select r.year from build_run r where r.run_id = c.run_id)""")
                .setParameter(1, timeout.toMillis() / 1000.0).setParameter(2, maxAttempts).getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new Claim((UUID) r[0], (String) r[1], ((Number) r[2]).intValue());
        }).toList();
    }

    /** Closes every open run whose agencies are all done; the number closed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int finishDone() {
        return em.createNativeQuery("""
                        update build_run r set finished_at = clock_timestamp()
                        where finished_at is null
                          and not exists (select 1 from build_claim c where c.run_id = r.run_id and c.status <> 'DONE')""")
                .executeUpdate();
    }
}
