package id.go.maluku.sakip.reporting.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the values of several periods make the value of the year (domain.md section 2, "several
 * periods"). A recorded yearly value ("Y") always wins; without one, the quarters (Q1..Q4) are
 * aggregated, and without quarters the months (M01..M12).
 */
public enum Aggregation {
    SUM, LAST, AVERAGE, MAX;

    /** No aggregation stated: the last value stands, as in planning and realization (AggregationDefaultTest). */
    public static final Aggregation DEFAULT = LAST;

    /** The value of the year and where it came from: "Y", "Q" (quarters) or "M" (months). */
    public record YearValue(BigDecimal value, String source, int periods) {
    }

    public static Aggregation of(String value) {
        return value == null || value.isBlank() ? DEFAULT : valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** null when no period has a value. */
    public YearValue yearly(Map<String, BigDecimal> byPeriod) {
        Objects.requireNonNull(byPeriod, "byPeriod");
        BigDecimal year = byPeriod.get("Y");
        if (year != null) {
            return new YearValue(year, "Y", 1);
        }
        List<BigDecimal> quarters = inOrder(byPeriod, "Q", 4, "%d");
        if (!quarters.isEmpty()) {
            return new YearValue(aggregate(quarters), "Q", quarters.size());
        }
        List<BigDecimal> months = inOrder(byPeriod, "M", 12, "%02d");
        if (!months.isEmpty()) {
            return new YearValue(aggregate(months), "M", months.size());
        }
        return null;
    }

    /** The values of the periods present, in calendar order. */
    private static List<BigDecimal> inOrder(Map<String, BigDecimal> byPeriod, String prefix, int count, String format) {
        List<BigDecimal> values = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            BigDecimal value = byPeriod.get(prefix + String.format(Locale.ROOT, format, i));
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    BigDecimal aggregate(List<BigDecimal> values) {
        return switch (this) {
            case SUM -> values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case LAST -> values.get(values.size() - 1);
            case AVERAGE -> values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64).setScale(4, java.math.RoundingMode.HALF_UP)
                    .stripTrailingZeros();
            case MAX -> values.stream().max(BigDecimal::compareTo).orElseThrow();
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
