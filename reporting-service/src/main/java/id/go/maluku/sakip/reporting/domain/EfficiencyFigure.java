package id.go.maluku.sakip.reporting.domain;

import java.math.BigDecimal;

/**
 * The efficiency a report prints for a sasaran (domain.md section 3): the computed one, or a
 * figure set by hand, which is allowed only with a justification and is printed as set by hand,
 * its justification and the computed figure beside it. {@code override} null: the computed one.
 */
public record EfficiencyFigure(Efficiency computed, BigDecimal override, String justification) {

    /** A justification shorter than this says nothing ("ok", "lihat data"). */
    public static final int SHORTEST_JUSTIFICATION = 20;
    public static final int LONGEST_JUSTIFICATION = 2000;

    public static EfficiencyFigure computed(Efficiency computed) {
        return new EfficiencyFigure(computed, null, null);
    }

    public boolean overridden() {
        return override != null;
    }

    /** The figure that counts: the override where one is set, else the computed efficiency (null: none). */
    public BigDecimal figure() {
        if (override != null) {
            return override;
        }
        return computed != null && computed.computable() ? computed.efficiency() : null;
    }

    /**
     * Why a figure set by hand cannot be taken, or null: it is a share of the pagu (0 to 100, two
     * decimals at most, the column), and its justification is required.
     */
    public static String unfitOverride(BigDecimal value, String justification) {
        if (value == null) {
            return "efficiency: required";
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            return "efficiency: a share of the pagu, from 0 to 100";
        }
        if (value.stripTrailingZeros().scale() > 2) {
            return "efficiency: at most two decimals";
        }
        if (justification == null || justification.isBlank()) {
            return "justification: required: an efficiency set by hand is printed with its reason";
        }
        int length = justification.strip().length();
        if (length < SHORTEST_JUSTIFICATION) {
            return "justification: at least " + SHORTEST_JUSTIFICATION + " characters: say why the computed figure does not hold";
        }
        if (length > LONGEST_JUSTIFICATION) {
            return "justification: at most " + LONGEST_JUSTIFICATION + " characters";
        }
        return null;
    }
}
