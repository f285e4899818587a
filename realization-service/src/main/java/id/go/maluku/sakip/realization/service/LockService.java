package id.go.maluku.sakip.realization.service;

import id.go.maluku.sakip.realization.domain.AgencyRef;
import id.go.maluku.sakip.realization.domain.Period;
import id.go.maluku.sakip.realization.domain.PeriodLock;
import id.go.maluku.sakip.realization.domain.Realisasi;
import id.go.maluku.sakip.realization.domain.RealisasiStatus;
import id.go.maluku.sakip.realization.domain.RuleViolation;
import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.platform.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Period locks per agency. A lock already in force when set, and every unlock, change the
 * effective status of the realisasi it covers; each of them gets a status.changed event.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = {ApiProblem.class, RuleViolation.class})
public class LockService {

    public record Changed(PeriodLock lock, boolean created) {
    }

    @Inject
    AuditService audit;

    @Inject
    RealisasiEvents events;

    /** Who makes the change: the subject of the request's bearer token. */
    @Inject
    Caller caller;

    /** Deadlines are days in the province's own time (Maluku: WIT). */
    @ConfigProperty(name = "sakip.locks.zone", defaultValue = "Asia/Jayapura")
    ZoneId zone;

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    public Changed set(String agencyCode, int year, String periodCode, LocalDate deadline) {
        agency(agencyCode);
        Period.checkYear(year);
        Period period = Period.parse(periodCode);
        if (deadline == null) {
            throw RuleViolation.invalid("deadline", "required (the last day on which data may change)");
        }
        PeriodLock lock = PeriodLock.<PeriodLock>find("agencyCode = ?1 and year = ?2 and period = ?3",
                agencyCode, year, period.code()).firstResult();
        LocalDate today = today();
        boolean created = lock == null;
        Map<String, Object> old = null;
        if (created) {
            lock = new PeriodLock();
            lock.id = UUID.randomUUID();
            lock.agencyCode = agencyCode;
            lock.year = year;
            lock.period = period.code();
        } else {
            if (lock.inForce(today) && !deadline.isBefore(today)) {
                throw RuleViolation.conflict("deadline", "the period is locked; unlock it with a reason to reopen it");
            }
            if (lock.unlockedAt == null && lock.deadline.equals(deadline)) {
                return new Changed(lock, false);
            }
            old = snapshot(lock);
        }
        boolean wasInForce = !created && lock.inForce(today);
        if (!wasInForce) {
            lock.publicationVersion = null; // closed by hand now, whatever publication closed it before
        }
        lock.deadline = deadline;
        lock.createdBy = caller.subject();
        lock.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        lock.unlockedAt = null;
        lock.unlockedBy = null;
        lock.unlockReason = null;
        lock.persist();
        audit.record(subject(lock), created ? "lock-created" : "lock-changed", old, snapshot(lock), null);
        if (!wasInForce && lock.inForce(today)) {
            for (Realisasi r : covered(lock)) {
                r.revision++;
                events.statusChanged(r, RealisasiStatus.LOCKED.code(), r.status, null);
            }
        }
        return new Changed(lock, created);
    }

    public PeriodLock unlock(String agencyCode, int year, String periodCode, String reason) {
        agency(agencyCode);
        Period period = Period.parse(periodCode);
        if (reason == null || reason.isBlank()) {
            throw RuleViolation.invalid("reason", "an unlock needs a reason");
        }
        PeriodLock lock = PeriodLock.<PeriodLock>find("agencyCode = ?1 and year = ?2 and period = ?3",
                agencyCode, year, period.code()).firstResult();
        if (lock == null) {
            throw ApiProblem.notFound("lock of period", year + "/" + period.code());
        }
        if (!lock.inForce(today())) {
            throw RuleViolation.conflict("period", "the period " + year + "/" + period.code() + " is not locked");
        }
        Map<String, Object> old = snapshot(lock);
        lock.unlockedAt = OffsetDateTime.now(ZoneOffset.UTC);
        lock.unlockedBy = caller.subject();
        lock.unlockReason = reason.strip();
        audit.record(subject(lock), "unlocked", old, snapshot(lock), lock.unlockReason);
        for (Realisasi r : covered(lock)) {
            if (!lockedBy(agencyCode, r.year, new Period(r.period), lock.id)) {
                r.revision++;
                events.statusChanged(r, r.status, RealisasiStatus.LOCKED.code(), lock.unlockReason);
            }
        }
        // reporting marks the publication that closed the year as superseded by data
        events.periodUnlocked(lock);
        return lock;
    }

    /**
     * Publishing the year's LKIP closes the whole year at once ("Y" covers its quarters and
     * months): the lock is made, or put in force again, or, already in force, named after the
     * newer publication; each change audited with the publisher as the actor and the publication
     * as the reason. A publication already recorded on a lock in force changes nothing. The agency
     * need not be known here yet: a lock keeps its year closed for realisasi that come later.
     */
    public void lockForPublication(String agencyCode, int year, int version, String publicationId, String publishedBy) {
        if (agencyCode == null || agencyCode.isBlank() || publishedBy == null || publishedBy.isBlank()) {
            throw new IllegalArgumentException("a published LKIP names its agency and its publisher");
        }
        Period.checkYear(year);
        PeriodLock lock = PeriodLock.<PeriodLock>find("agencyCode = ?1 and year = ?2 and period = ?3",
                agencyCode, year, Period.YEAR.code()).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        LocalDate today = today();
        String reason = "LKIP " + agencyCode + " " + year + " version " + version + " published (publication "
                + publicationId + ")";
        if (lock != null && lock.inForce(today)) {
            if (Integer.valueOf(version).equals(lock.publicationVersion)
                    || (lock.publicationVersion != null && lock.publicationVersion > version)) {
                return; // this publication, or a later one, holds the year already
            }
            Map<String, Object> old = snapshot(lock);
            lock.publicationVersion = version;
            audit.record(publishedBy, subject(lock), "locked-by-publication", old, snapshot(lock), reason);
            return;
        }
        boolean created = lock == null;
        Map<String, Object> old = null;
        if (created) {
            lock = new PeriodLock();
            lock.id = UUID.randomUUID();
            lock.agencyCode = agencyCode;
            lock.year = year;
            lock.period = Period.YEAR.code();
        } else {
            old = snapshot(lock);
        }
        // the deadline is the last day data could change: yesterday, so the lock is in force today
        lock.deadline = today.minusDays(1);
        lock.createdBy = publishedBy;
        lock.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        lock.unlockedAt = null;
        lock.unlockedBy = null;
        lock.unlockReason = null;
        lock.publicationVersion = version;
        lock.persist();
        audit.record(publishedBy, subject(lock), "locked-by-publication", old, snapshot(lock), reason);
        for (Realisasi r : covered(lock)) {
            r.revision++;
            events.statusChanged(r, RealisasiStatus.LOCKED.code(), r.status, reason, publishedBy);
        }
    }

    @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = {ApiProblem.class, RuleViolation.class})
    public List<PeriodLock> list(String agencyCode) {
        agency(agencyCode);
        return PeriodLock.list("agencyCode", Sort.by("year").and("period"), agencyCode);
    }

    /** Whether a lock in force covers the period. */
    @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = {ApiProblem.class, RuleViolation.class})
    public boolean isLocked(String agencyCode, int year, Period period) {
        return lockedBy(agencyCode, year, period, null);
    }

    /** Refuses any change to a locked period (409 naming the period). */
    @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = {ApiProblem.class, RuleViolation.class})
    public void assertOpen(String agencyCode, int year, Period period) {
        if (isLocked(agencyCode, year, period)) {
            throw lockedPeriod(agencyCode, year, period);
        }
    }

    /** The refusal of a change to a locked period (409 naming the period). */
    public static RuleViolation lockedPeriod(String agencyCode, int year, Period period) {
        return RuleViolation.conflict("period", "the period " + year + "/" + period.code() + " of agency '"
                + agencyCode + "' is locked; unlock it with a reason before changing it");
    }

    /** Whether one of locksOfYear (an agency's locks of the year, read in this transaction) is in force and covers the period. */
    public boolean covers(List<PeriodLock> locksOfYear, int year, Period period) {
        return covers(locksOfYear, year, period, null);
    }

    private boolean lockedBy(String agencyCode, int year, Period period, UUID except) {
        return covers(PeriodLock.list("agencyCode = ?1 and year = ?2", agencyCode, year), year, period, except);
    }

    private boolean covers(List<PeriodLock> locks, int year, Period period, UUID except) {
        LocalDate today = today();
        return locks.stream().anyMatch(l -> !l.id.equals(except) && l.inForce(today) && l.covers(year, period));
    }

    private List<Realisasi> covered(PeriodLock lock) {
        List<Realisasi> ofYear = Realisasi.<Realisasi>find("indicator.agencyCode = ?1 and year = ?2", lock.agencyCode, lock.year)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        return ofYear.stream().filter(r -> lock.covers(r.year, new Period(r.period))).toList();
    }

    private static Map<String, Object> snapshot(PeriodLock lock) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("deadline", lock.deadline.toString());
        s.put("unlockedAt", lock.unlockedAt == null ? null : lock.unlockedAt.toString());
        s.put("unlockedBy", lock.unlockedBy);
        if (lock.publicationVersion != null) {
            s.put("publicationVersion", lock.publicationVersion);
        }
        return s;
    }

    private static AuditService.Subject subject(PeriodLock lock) {
        return new AuditService.Subject(lock.agencyCode, null, lock.year, lock.period, "lock", lock.id.toString());
    }

    private static void agency(String agencyCode) {
        AgencyRef.findByCode(agencyCode).orElseThrow(() -> ApiProblem.notFound("agency", agencyCode));
    }
}
