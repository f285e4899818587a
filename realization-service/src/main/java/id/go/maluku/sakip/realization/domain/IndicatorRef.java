package id.go.maluku.sakip.realization.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** realization's copy of an indicator, enough to validate input without calling planning. */
@Entity
@Table(name = "indicator_ref")
public class IndicatorRef extends PanacheEntityBase {

    @Id
    @Column(name = "indicator_id")
    public UUID indicatorId;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String unit;

    /** Null for indicators applied before these fields were kept, until their next revision. */
    @Column(name = "sasaran_id")
    public UUID sasaranId;

    @Column(name = "sasaran_code")
    public String sasaranCode;

    /** positive, negative, range or ordinal, as planning states it; null: not stated (then the unit decides). */
    @Column
    public String polarity;

    @Column(nullable = false)
    public long revision;

    /**
     * The unit that answers for the indicator, by name as the plan states it (planning's
     * indicator.defined.v1); null when the agency itself does. A unit-bound operator token
     * writes realisasi only of its unit's indicators.
     */
    @Column(name = "responsible_unit")
    public String responsibleUnit;

    /**
     * Planning removed the indicator (indicator.removed.v1): its realisasi stay readable, no new
     * value is recorded. A newer indicator.upserted.v1 (the indicator created again) clears it.
     */
    @Column(nullable = false)
    public boolean removed;

    /** The revision of the last indicator.defined.v1 applied (0: none yet). */
    @Column(name = "definition_revision", nullable = false)
    public long definitionRevision;

    /** The plan's aggregation (SUM, LAST, AVERAGE, MAX) from indicator.defined.v1; null: none known yet. */
    @Column(length = 16)
    public String aggregation;

    /** How the indicator's periods make one: the plan's, or the one default where none is known. */
    public Aggregation aggregation() {
        return aggregation == null ? Aggregation.DEFAULT : Aggregation.valueOf(aggregation);
    }

    /**
     * The plan's ordered scale of an ordinal indicator, lowest first (indicator.defined.v1); null
     * where the plan states none.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> scale;

    /** The kind of value the indicator takes: the plan's polarity and scale; the unit only where the plan says nothing. */
    public ValueScale scale() {
        return ValueScale.of(polarity, scale, unit);
    }

    public static Optional<IndicatorRef> findByCode(String agencyCode, String code) {
        return find("agencyCode = ?1 and code = ?2", agencyCode, code).firstResultOptional();
    }
}
