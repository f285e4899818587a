package id.go.maluku.sakip.realization.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How values of several periods make one (quarters into the year, years into the cumulative
 * value). Each indicator's is the plan's (planning's indicator.defined); where the plan states
 * none, DEFAULT, the same as planning's and reporting's. Ordinal indicators always use LAST.
 */
public enum Aggregation {
    SUM, LAST, AVERAGE, MAX;

    /** No aggregation stated: the last value stands (planning and reporting agree: AggregationDefaultTest). */
    public static final Aggregation DEFAULT = LAST;

    /** The code asked for, or null where none is asked (then each indicator's plan decides). */
    public static Aggregation parse(String code) {
        if (code == null || code.isBlank()) {
            return null;
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
