package id.go.maluku.sakip.reporting.domain;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An agency's stated rules for turning target and realisasi into capaian (domain.md section
 * 2), versioned by planning. Agencies without a stated policy get {@link #DEFAULT}: (2T - R)/T
 * for negative polarity, target 0 not computable, an unreached ordinal target 0 %, no cap,
 * Permendagri 86/2017 categories.
 */
public record CapaianPolicy(int version, RatingScale scale, BigDecimal cap, NegativeFormula negativeFormula,
                            ZeroTarget zeroTarget, OrdinalNotMet ordinalNotMet) {

    /** (2T - R) / T (PermenPANRB 8/2021 "kondisi khusus"), or T / R. */
    public enum NegativeFormula { TWO_T_MINUS_R, T_OVER_R }

    /** A target of 0: not computable, or for negative polarity R = 0 reaches 100 %. */
    public enum ZeroTarget { NOT_COMPUTABLE, NEGATIVE_ZERO_IS_100 }

    /** An ordinal target not reached: 0 %, or the realisasi's rank over the target's. */
    public enum OrdinalNotMet { ZERO, PROPORTIONAL }

    static final Set<Integer> CAPS = Set.of(100, 110, 120, 150);

    public static final CapaianPolicy DEFAULT = new CapaianPolicy(0, RatingScale.PERMENDAGRI_86, null,
            NegativeFormula.TWO_T_MINUS_R, ZeroTarget.NOT_COMPUTABLE, OrdinalNotMet.ZERO);

    public CapaianPolicy {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(negativeFormula, "negativeFormula");
        Objects.requireNonNull(zeroTarget, "zeroTarget");
        Objects.requireNonNull(ordinalNotMet, "ordinalNotMet");
        if (cap != null && (cap.stripTrailingZeros().scale() > 0 || !CAPS.contains(cap.intValueExact()))) {
            throw new IllegalArgumentException("cap must be none, 100, 110, 120 or 150, not " + cap);
        }
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value, E otherwise) {
        return value == null || value.isBlank() ? otherwise : Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    }

    public CapaianPolicy withCap(BigDecimal newCap) {
        return new CapaianPolicy(version, scale, newCap, negativeFormula, zeroTarget, ordinalNotMet);
    }

    public CapaianPolicy with(NegativeFormula formula) {
        return new CapaianPolicy(version, scale, cap, formula, zeroTarget, ordinalNotMet);
    }

    public CapaianPolicy with(ZeroTarget zero) {
        return new CapaianPolicy(version, scale, cap, negativeFormula, zero, ordinalNotMet);
    }

    public CapaianPolicy with(OrdinalNotMet ordinal) {
        return new CapaianPolicy(version, scale, cap, negativeFormula, zeroTarget, ordinal);
    }

    public CapaianPolicy with(RatingScale newScale) {
        return new CapaianPolicy(version, newScale, cap, negativeFormula, zeroTarget, ordinalNotMet);
    }
}
