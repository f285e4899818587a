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

/** The capaian of a sasaran for a year, as last computed. */
@Entity
@Table(name = "sasaran_result")
public class SasaranResult extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "sasaran_id", nullable = false)
    public UUID sasaranId;

    @Column(nullable = false)
    public int year;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(nullable = false)
    public String status;

    @Column(precision = 12, scale = 2)
    public BigDecimal capaian;

    @Column(nullable = false)
    public OffsetDateTime freshness;

    @Column(name = "capaian_raw", precision = 12, scale = 2)
    public BigDecimal capaianRaw;

    public String category;

    public String reason;

    @Column(name = "policy_version", nullable = false)
    public int policyVersion;
}
