package id.go.maluku.sakip.reporting.domain;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An agency's stated rules for turning target and realisasi into capaian (domain.md section
 * 2), versioned by planning. Agencies without a stated policy get {@link #DEFAULT}: (2T - R)/T
 * for negative polarity, target 0 not computable, an unreached ordinal target 0 %, no cap,
 * Permendagri 86/2017 categories banded on the reported (capped) capaian.
 *
 * <p>{@code categoryBasis} says what the category is taken from, at every level (indicator,
 * sasaran, agency): the reported value's band ({@code CAPPED}), the raw value's band ({@code
 * RAW}), or the comparison of realisasi with target ({@code TARGET}: below, met, exceeded, in
 * the agency's {@code targetLabels}). Under a cap of 100, R = T and R > T both report 100, so
 * only RAW or TARGET can tell "Tercapai" from "Terlampaui".
 */
public record CapaianPolicy(int version, RatingScale scale, BigDecimal cap, NegativeFormula negativeFormula,
                            ZeroTarget zeroTarget, OrdinalNotMet ordinalNotMet, CategoryBasis categoryBasis,
                            TargetLabels targetLabels) {

    /** What the category is taken from: the reported (capped) capaian's band, the raw one's, or R against T. */
    public enum CategoryBasis { CAPPED, RAW, TARGET }

    /**
     * The agency's words for realisasi below, at and above the target (basis TARGET). For a sasaran
     * or the agency, which have no single target, the mean raw capaian (two decimals) against 100.
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(requiredProperties = {"below", "met", "exceeded"})
    public record TargetLabels(String below, String met, String exceeded) {

        public static final TargetLabels DEFAULT = new TargetLabels("Tidak Tercapai", "Tercapai", "Terlampaui");

        public TargetLabels {
            if (below == null || below.isBlank() || met == null || met.isBlank() || exceeded == null || exceeded.isBlank()) {
                throw new IllegalArgumentException("target labels need below, met and exceeded");
            }
            if (below.equals(met) || met.equals(exceeded) || below.equals(exceeded)) {
                throw new IllegalArgumentException("target labels must differ: " + below + ", " + met + ", " + exceeded);
            }
        }

        /** versusTarget: below 0 below the target, 0 met, above 0 exceeded. */
        public String of(int versusTarget) {
            return versusTarget < 0 ? below : versusTarget == 0 ? met : exceeded;
        }
    }

    /** (2T - R) / T (PermenPANRB 8/2021 "kondisi khusus"), or T / R. */
    public enum NegativeFormula { TWO_T_MINUS_R, T_OVER_R }

    /** A target of 0: not computable, or for negative polarity R = 0 reaches 100 %. */
    public enum ZeroTarget { NOT_COMPUTABLE, NEGATIVE_ZERO_IS_100 }

    /** An ordinal target not reached: 0 %, or the realisasi's rank over the target's. */
    public enum OrdinalNotMet { ZERO, PROPORTIONAL }

    static final Set<Integer> CAPS = Set.of(100, 110, 120, 150);

    public static final CapaianPolicy DEFAULT = new CapaianPolicy(0, RatingScale.PERMENDAGRI_86, null,
            NegativeFormula.TWO_T_MINUS_R, ZeroTarget.NOT_COMPUTABLE, OrdinalNotMet.ZERO);

    /** A policy that bands the reported (capped) value, as policies did before the basis was stated. */
    public CapaianPolicy(int version, RatingScale scale, BigDecimal cap, NegativeFormula negativeFormula,
                         ZeroTarget zeroTarget, OrdinalNotMet ordinalNotMet) {
        this(version, scale, cap, negativeFormula, zeroTarget, ordinalNotMet, CategoryBasis.CAPPED, null);
    }

    public CapaianPolicy {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(negativeFormula, "negativeFormula");
        Objects.requireNonNull(zeroTarget, "zeroTarget");
        Objects.requireNonNull(ordinalNotMet, "ordinalNotMet");
        Objects.requireNonNull(categoryBasis, "categoryBasis");
        if (categoryBasis == CategoryBasis.TARGET && targetLabels == null) {
            targetLabels = TargetLabels.DEFAULT;
        }
        if (cap != null && (cap.stripTrailingZeros().scale() > 0 || !CAPS.contains(cap.intValueExact()))) {
            throw new IllegalArgumentException("cap must be none, 100, 110, 120 or 150, not " + cap);
        }
    }

    /**
     * The category of a computed capaian: raw and reported at two decimals; versusTarget the sign of
     * realisasi against target (below 0: below it), as the capaian rule judged it.
     */
    public String category(BigDecimal raw, BigDecimal reported, int versusTarget) {
        return switch (categoryBasis) {
            case CAPPED -> scale.categorize(reported);
            case RAW -> scale.categorize(raw);
            case TARGET -> targetLabels.of(versusTarget);
        };
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value, E otherwise) {
        return value == null || value.isBlank() ? otherwise : Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    }

    public CapaianPolicy withCap(BigDecimal newCap) {
        return new CapaianPolicy(version, scale, newCap, negativeFormula, zeroTarget, ordinalNotMet, categoryBasis, targetLabels);
    }

    public CapaianPolicy with(NegativeFormula formula) {
        return new CapaianPolicy(version, scale, cap, formula, zeroTarget, ordinalNotMet, categoryBasis, targetLabels);
    }

    public CapaianPolicy with(ZeroTarget zero) {
        return new CapaianPolicy(version, scale, cap, negativeFormula, zero, ordinalNotMet, categoryBasis, targetLabels);
    }

    public CapaianPolicy with(OrdinalNotMet ordinal) {
        return new CapaianPolicy(version, scale, cap, negativeFormula, zeroTarget, ordinal, categoryBasis, targetLabels);
    }

    public CapaianPolicy with(CategoryBasis basis, TargetLabels labels) {
        return new CapaianPolicy(version, scale, cap, negativeFormula, zeroTarget, ordinalNotMet, basis, labels);
    }

    public CapaianPolicy with(RatingScale newScale) {
        return new CapaianPolicy(version, newScale, cap, negativeFormula, zeroTarget, ordinalNotMet, categoryBasis, targetLabels);
    }
}
