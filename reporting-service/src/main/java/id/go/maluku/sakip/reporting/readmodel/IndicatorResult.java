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
}
