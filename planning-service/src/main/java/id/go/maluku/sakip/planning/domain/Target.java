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

    @Column(nullable = false, precision = 20, scale = 4)
    public BigDecimal value;

    @Column(nullable = false)
    public long revision;

    public static Optional<Target> find(Indicator indicator, int year) {
        return find("indicator = ?1 and year = ?2", indicator, year).firstResultOptional();
    }
}
