package id.go.maluku.sakip.realization.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How values of several periods make one (quarters into the year, years into the cumulative
 * value). SUM is the default: the seed's indicators count things done in each period. A
 * percentage or a level would use LAST, AVERAGE or MAX. Ordinal indicators always use LAST.
 */
public enum Aggregation {
    SUM, LAST, AVERAGE, MAX;

    public static Aggregation parse(String code) {
        if (code == null || code.isBlank()) {
            return SUM;
        }
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("aggregation", "'" + code + "' is not one of sum, last, average, max");
        }
    }

    /** Values in period order; missing periods (null) are skipped; null when none is present. */
    public BigDecimal of(List<BigDecimal> inOrder) {
        List<BigDecimal> present = inOrder.stream().filter(Objects::nonNull).toList();
        if (present.isEmpty()) {
            return null;
        }
        return switch (this) {
            case SUM -> present.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case LAST -> present.get(present.size() - 1);
            case MAX -> present.stream().max(BigDecimal::compareTo).orElseThrow();
            case AVERAGE -> present.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(present.size()), 4, RoundingMode.HALF_UP);
        };
    }
}
