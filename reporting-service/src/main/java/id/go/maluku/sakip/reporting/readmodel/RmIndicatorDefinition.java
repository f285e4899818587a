package id.go.maluku.sakip.reporting.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Copy of planning's full definition of an indicator (indicator.defined.v1). */
@Entity
@Table(name = "rm_indicator_definition")
public class RmIndicatorDefinition extends PanacheEntityBase {

    @Id
    @Column(name = "indicator_id")
    public UUID indicatorId;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(name = "sasaran_code", nullable = false)
    public String sasaranCode;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String polarity;

    @Column(nullable = false)
    public String aggregation;

    public Integer decimals;

    @Column(precision = 10, scale = 4)
    public BigDecimal weight;

    /** JSON array, lowest level first. */
    public String scale;

    @Column(nullable = false)
    public boolean iku;

    @Column(nullable = false)
    public long revision;

    @Column(name = "event_time", nullable = false)
    public OffsetDateTime eventTime;
}
