package id.go.maluku.sakip.realization.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A period of an agency that closes for changes after its deadline (DHIS2's expiry days): the
 * deadline is the last day on which data may change. An unlock needs a reason and reopens
 * the period until a new deadline is set. Publishing the year's LKIP (reporting) locks the year at
 * once, and the lock names the publication.
 */
@Entity
@Table(name = "period_lock")
public class PeriodLock extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public String period;

    @Column(nullable = false)
    public LocalDate deadline;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "unlocked_by")
    public String unlockedBy;

    @Column(name = "unlocked_at")
    public OffsetDateTime unlockedAt;

    @Column(name = "unlock_reason")
    public String unlockReason;

    /** The version of the published LKIP that closed the period; null for a lock set by hand. */
    @Column(name = "publication_version")
    public Integer publicationVersion;

    public boolean inForce(LocalDate today) {
        return unlockedAt == null && today.isAfter(deadline);
    }

    public boolean covers(int year, Period period) {
        return this.year == year && new Period(this.period).covers(period);
    }
}
