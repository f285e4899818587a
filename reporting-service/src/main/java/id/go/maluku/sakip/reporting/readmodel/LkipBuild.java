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

import java.time.OffsetDateTime;
import java.util.UUID;

/** One agency's LKIP built by a nightly or triggered run. */
@Entity
@Table(name = "lkip_build")
public class LkipBuild extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "run_id", nullable = false)
    public UUID runId;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public String status;

    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;

    public OffsetDateTime freshness;

    public Integer findings;

    public String error;

    @Basic(fetch = FetchType.LAZY)
    public String html;

    @Basic(fetch = FetchType.LAZY)
    public String json;

    @Basic(fetch = FetchType.LAZY)
    public byte[] pdf;

    @Basic(fetch = FetchType.LAZY)
    public byte[] xlsx;
}
