package id.go.maluku.sakip.realization.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
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

    /** The whole year; quarters are "Q1".."Q4", months "M01".."M12" (see {@link Period}). */
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

    /** The level as stated, for an indicator on an ordinal scale; {@link #value} is then its rank. */
    @Column(name = "value_text")
    public String valueText;

    /** Stored workflow status (lower case); LOCKED is derived from the period locks. */
    @Column(nullable = false)
    public String status = RealisasiStatus.DRAFT.code();

    /** The verifier's note of the last return. */
    @Column(name = "status_note")
    public String statusNote;

    /** Where the value was stated (e.g. "Tabel 3.9" of the LKIP), for imported history. */
    @Column(name = "stated_in")
    public String statedIn;

    /** Why the value is above or below target. */
    @Column
    public String explanation;

    @Column(name = "supporting_factors")
    public String supportingFactors;

    @Column(name = "hindering_factors")
    public String hinderingFactors;

    @Column(name = "follow_up")
    public String followUp;

    @Column(name = "updated_by")
    public String updatedBy;

    public RealisasiStatus status() {
        return RealisasiStatus.of(status);
    }

    /** The value as the client states it: the level for an ordinal indicator, else the number. */
    public Object statedValue() {
        if (valueText != null) {
            return valueText;
        }
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    public static Optional<Realisasi> find(IndicatorRef indicator, int year, String period) {
        return find("indicator = ?1 and year = ?2 and period = ?3", indicator, year, period).firstResultOptional();
    }

    /**
     * The row locked until the transaction ends: two concurrent changes of one value are applied
     * one after the other, so each gets its own revision and the events' order is the rows'.
     */
    public static Optional<Realisasi> findForUpdate(IndicatorRef indicator, int year, String period) {
        return find("indicator = ?1 and year = ?2 and period = ?3", indicator, year, period)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
