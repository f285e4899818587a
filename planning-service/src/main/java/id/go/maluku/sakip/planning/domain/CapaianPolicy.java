package id.go.maluku.sakip.planning.domain;

import jakarta.validation.constraints.Size;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * How an agency turns target and realisasi into capaian (domain.md section 2), versioned: a
 * change makes a new version so that a report can say which policy it used.
 */
@Entity
@Table(name = "capaian_policy")
public class CapaianPolicy extends PanacheEntityBase {

    /** (2T - R) / T, PermenPANRB 8/2021 "kondisi khusus" (default), or T / R. */
    public enum NegativeFormula { TWO_T_MINUS_R, T_OVER_R }

    /** A target of 0: not computable (default), or for negative polarity R = 0 reaches 100 %. */
    public enum ZeroTarget { NOT_COMPUTABLE, NEGATIVE_ZERO_IS_100 }

    /** An ordinal target not reached: 0 %, or proportional to the position on the scale. */
    public enum OrdinalNotMet { ZERO, PROPORTIONAL }

    /**
     * What the category is taken from, for indicators, sasaran and the agency alike: the band of
     * the reported (capped) capaian (default), the band of the raw one, or realisasi against target
     * (below, met, exceeded). Under a cap of 100, R = T and R > T both report 100: only RAW or
     * TARGET tell "Tercapai" from "Terlampaui".
     */
    public enum CategoryBasis { CAPPED, RAW, TARGET }

    /** The agency's words for realisasi below, at and above the target (basis TARGET). */
    // 100 each: reporting's columns for them (rm_policy.label_*) and for a result's category; problems() says so too
    @org.eclipse.microprofile.openapi.annotations.media.Schema(requiredProperties = {"below", "met", "exceeded"})
    public record TargetLabels(@Size(max = 100) String below, @Size(max = 100) String met, @Size(max = 100) String exceeded) {

        public static final TargetLabels DEFAULT = new TargetLabels("Tidak Tercapai", "Tercapai", "Terlampaui");

        /** What is wrong with them, as "field: message"; empty when nothing is. */
        public List<String> problems() {
            List<String> problems = new java.util.ArrayList<>();
            if (below == null || below.isBlank()) {
                problems.add("targetLabels.below: required");
            }
            if (met == null || met.isBlank()) {
                problems.add("targetLabels.met: required");
            }
            if (exceeded == null || exceeded.isBlank()) {
                problems.add("targetLabels.exceeded: required");
            }
            if (problems.isEmpty() && (below.strip().equals(met.strip()) || met.strip().equals(exceeded.strip())
                    || below.strip().equals(exceeded.strip()))) {
                problems.add("targetLabels: three different words for below, met and exceeded");
            }
            for (String label : java.util.Arrays.asList(below, met, exceeded)) {
                if (label != null && label.length() > 100) {
                    problems.add("targetLabels: at most 100 characters each");
                    break;
                }
            }
            return problems;
        }
    }

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    @Column(nullable = false)
    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<RatingScale.Band> bands;

    /** Capped capaian, e.g. 100, 110, 120, 150; null keeps the raw value (the seed's practice). */
    @Column(precision = 6, scale = 2)
    public BigDecimal cap;

    @Enumerated(EnumType.STRING)
    @Column(name = "negative_formula", nullable = false)
    public NegativeFormula negativeFormula;

    @Enumerated(EnumType.STRING)
    @Column(name = "zero_target", nullable = false)
    public ZeroTarget zeroTarget;

    @Enumerated(EnumType.STRING)
    @Column(name = "ordinal_not_met", nullable = false)
    public OrdinalNotMet ordinalNotMet;

    @Enumerated(EnumType.STRING)
    @Column(name = "category_basis", nullable = false)
    public CategoryBasis categoryBasis = CategoryBasis.CAPPED;

    /** Only with basis TARGET. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "target_labels")
    public TargetLabels targetLabels;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public static Optional<CapaianPolicy> current(Agency agency) {
        return find("agency = ?1 order by version desc", agency).firstResultOptional();
    }
}
