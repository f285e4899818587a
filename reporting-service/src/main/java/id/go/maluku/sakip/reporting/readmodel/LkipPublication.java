package id.go.maluku.sakip.reporting.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.OffsetDateTime;

/**
 * A published LKIP: written once, never changed (Hibernate refuses updates of it too). Only the
 * superseded columns are set later, once, by PublicationService's own statement: they say that
 * realization reopened a period of the year, not what the report says.
 */
@Entity
@Immutable
@Table(name = "lkip_publication")
public class LkipPublication extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public int version;

    @Column(name = "published_at", nullable = false)
    public OffsetDateTime publishedAt;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    /** Time of the newest event the published figures were computed from. */
    public OffsetDateTime freshness;

    /** SHA-256 of the JSON rendering, the format-neutral content. */
    @Column(nullable = false)
    public String checksum;

    /** When realization reopened a period of the year (period.unlocked.v1); null while the data are as published. */
    @Column(name = "superseded_at")
    public OffsetDateTime supersededAt;

    @Column(name = "superseded_by", length = 200)
    public String supersededBy;

    @Column(name = "superseded_reason", length = 2000)
    public String supersededReason;

    /** The period reopened: Y, Q1..Q4 or M01..M12. */
    @Column(name = "superseded_period", length = 8)
    public String supersededPeriod;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public String html;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public String json;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] pdf;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] xlsx;
}
