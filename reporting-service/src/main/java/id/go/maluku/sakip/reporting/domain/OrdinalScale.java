package id.go.maluku.sakip.reporting.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The ordered scale of a grade indicator (polarity ordinal), lowest first, as the plan states it:
 * the SAKIP grades, WTP/WDP/TW/TMP, A/B/C or an agency's own. Realisasi of such an indicator
 * arrives as the rank of its level (1 = lowest, realization's rule); a report prints the level,
 * never the rank, and a target is the rank of its level on the same scale.
 */
public record OrdinalScale(List<String> levels) {

    public OrdinalScale {
        levels = List.copyOf(Objects.requireNonNull(levels, "levels"));
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("an ordered scale has levels");
        }
    }

    /** The scale of an indicator of this polarity, or null when it takes numbers (or states no levels). */
    public static OrdinalScale of(Polarity polarity, List<String> levels) {
        return polarity == Polarity.ORDINAL && levels != null && !levels.isEmpty() ? new OrdinalScale(levels) : null;
    }

    /** The rank of a level (1 = lowest), or null when it is not on the scale. */
    public BigDecimal rank(String level) {
        int index = level == null ? -1 : levels.indexOf(level);
        return index < 0 ? null : BigDecimal.valueOf(index + 1L);
    }

    /** The level at a rank, or null when the rank is none of the scale (not a whole number from 1 to its size). */
    public String level(BigDecimal rank) {
        if (rank == null || rank.signum() <= 0 || rank.stripTrailingZeros().scale() > 0
                || rank.compareTo(BigDecimal.valueOf(levels.size())) > 0) {
            return null;
        }
        return levels.get(rank.intValueExact() - 1);
    }
}
