package id.go.maluku.sakip.reporting.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The capaian of an indicator for a year, as last computed. */
@Entity
@Table(name = "indicator_result")
public class IndicatorResult extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "indicator_id", nullable = false)
    public UUID indicatorId;

    @Column(nullable = false)
    public int year;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(name = "sasaran_id", nullable = false)
    public UUID sasaranId;

    @Column(precision = 20, scale = 4)
    public BigDecimal target;

    @Column(precision = 20, scale = 4)
    public BigDecimal realisasi;

    @Column(nullable = false)
    public String status;

    @Column(precision = 12, scale = 2)
    public BigDecimal capaian;

    public String reason;

    /** Time of the last event applied to this result. */
    @Column(nullable = false)
    public OffsetDateTime freshness;

    /** Uncapped capaian; {@link #capaian} is the reported (capped) value. */
    @Column(name = "capaian_raw", precision = 12, scale = 2)
    public BigDecimal capaianRaw;

    public String category;

    @Column(name = "target_kind")
    public String targetKind;

    /** The target as written: 150, 80-90, WTP. */
    @Column(name = "target_text")
    public String targetText;

    /** Y (recorded for the year), Q (aggregated quarters) or M (aggregated months). */
    @Column(name = "realisasi_source")
    public String realisasiSource;

    /** Distinct realisasi events applied to the yearly value. */
    @Column(name = "realisasi_updates", nullable = false)
    public int realisasiUpdates;

    @Column(precision = 10, scale = 4)
    public BigDecimal weight;

    @Column(name = "policy_version", nullable = false)
    public int policyVersion;
}
