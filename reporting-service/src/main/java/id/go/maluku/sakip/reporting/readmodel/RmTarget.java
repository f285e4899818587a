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

/** Copy of a planning target. */
@Entity
@Table(name = "rm_target")
public class RmTarget extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "indicator_id", nullable = false)
    public UUID indicatorId;

    @Column(nullable = false)
    public int year;

    @Column(precision = 20, scale = 4)
    public BigDecimal value;

    @Column(nullable = false)
    public long revision;

    /** number, range or ordinal. */
    @Column(nullable = false)
    public String kind = "number";

    @Column(name = "range_low", precision = 20, scale = 4)
    public BigDecimal rangeLow;

    @Column(name = "range_high", precision = 20, scale = 4)
    public BigDecimal rangeHigh;

    /** The level of an ordinal target. */
    public String level;

    @Column(name = "event_time")
    public OffsetDateTime eventTime;
}
