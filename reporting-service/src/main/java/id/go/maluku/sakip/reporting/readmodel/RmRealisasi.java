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

/** Copy of a realisasi of realization-service. */
@Entity
@Table(name = "rm_realisasi")
public class RmRealisasi extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "indicator_id", nullable = false)
    public UUID indicatorId;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public String period;

    @Column(nullable = false, precision = 20, scale = 4)
    public BigDecimal value;

    @Column(nullable = false)
    public long revision;

    /** Distinct realisasi events applied; a redelivered event does not count twice. */
    @Column(name = "updates_applied", nullable = false)
    public int updatesApplied;

    @Column(name = "event_time")
    public OffsetDateTime eventTime;
}
