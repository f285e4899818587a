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

/** Copy of a planning indicator. */
@Entity
@Table(name = "rm_indicator")
public class RmIndicator extends PanacheEntityBase {

    @Id
    @Column(name = "indicator_id")
    public UUID indicatorId;
    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(name = "sasaran_id", nullable = false)
    public UUID sasaranId;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String unit;

    @Column(nullable = false)
    public String polarity;

    @Column(nullable = false)
    public long revision;

    @Column(name = "event_time")
    public OffsetDateTime eventTime;
}
