package id.go.maluku.sakip.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/** The yearly target of an indicator. */
@Entity
@Table(name = "target")
public class Target extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "indicator_id")
    public Indicator indicator;

    @Column(nullable = false)
    public int year;

    /** A numeric target (positive and negative polarity). */
    @Column(precision = 20, scale = 4)
    public BigDecimal value;

    /** A range target: realisasi inside [low, high] reaches it. */
    @Column(name = "range_low", precision = 20, scale = 4)
    public BigDecimal rangeLow;

    @Column(name = "range_high", precision = 20, scale = 4)
    public BigDecimal rangeHigh;

    /** A value of the indicator's ordinal scale. */
    @Column(name = "ordinal_value")
    public String ordinalValue;

    @Column(nullable = false)
    public long revision;

    public static Optional<Target> find(Indicator indicator, int year) {
        return find("indicator = ?1 and year = ?2", indicator, year).firstResultOptional();
    }
}
