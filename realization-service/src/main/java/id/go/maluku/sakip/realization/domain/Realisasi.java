package id.go.maluku.sakip.realization.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The measured value of an indicator for a period. */
@Entity
@Table(name = "realisasi")
public class Realisasi extends PanacheEntityBase {

    /** The whole year; quarters ("Q1".."Q4") and months come with the monitoring work. */
    public static final String YEAR = "Y";

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "indicator_id")
    public IndicatorRef indicator;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public String period;

    @Column(nullable = false, precision = 20, scale = 4)
    public BigDecimal value;

    /** Increases with every change; reporting keeps the highest revision it saw. */
    @Column(nullable = false)
    public long revision;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static Optional<Realisasi> find(IndicatorRef indicator, int year, String period) {
        return find("indicator = ?1 and year = ?2 and period = ?3", indicator, year, period).firstResultOptional();
    }
}
