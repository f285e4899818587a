package id.go.maluku.sakip.realization.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What kind of value an indicator takes. planning's indicator event carries only the unit, so
 * the kind is read from it: a unit that names a known ordinal scale ("predikat" for the SAKIP
 * grade, "opini" for the audit opinion) takes a level of that scale, lowest first; every other
 * unit takes a number. When planning publishes a value type, it replaces this rule.
 */
public record ValueScale(String name, List<String> levels) {

    public static final ValueScale NUMERIC = new ValueScale("numeric", List.of());

    /** Ordinal scales by the unit that names them, lowest level first. */
    static final Map<String, ValueScale> ORDINAL = Map.of(
            "predikat", new ValueScale("predikat", List.of("D", "C", "CC", "B", "BB", "A", "AA")),
            "opini", new ValueScale("opini", List.of("TW", "TMP", "WDP", "WTP")));

    /** The stored value: a number, and for an ordinal scale the level and its rank (1 = lowest). */
    public record Value(BigDecimal number, String text) {
    }

    public static ValueScale forUnit(String unit) {
        if (unit == null) {
            return NUMERIC;
        }
        String first = unit.strip().toLowerCase(Locale.ROOT).split("\\s+")[0];
        return ORDINAL.getOrDefault(first, NUMERIC);
    }

    public boolean isOrdinal() {
        return !levels.isEmpty();
    }

    /**
     * Checks a value as it came in (a JSON number arrives as BigDecimal, a string as String).
     * Numbers: not negative, at most 4 decimals and 16 integer digits (the column). Levels: one
     * of the scale, any case.
     */
    public Value accept(Object raw) {
        if (raw == null) {
            throw RuleViolation.invalid("value", "required");
        }
        if (isOrdinal()) {
            if (!(raw instanceof String text)) {
                throw RuleViolation.invalid("value", "this indicator takes a level of the " + name + " scale " + levels
                        + ", not " + raw);
            }
            String level = text.strip().toUpperCase(Locale.ROOT);
            int rank = levels.indexOf(level);
            if (rank < 0) {
                throw RuleViolation.invalid("value", "'" + text + "' is not a level of the " + name + " scale " + levels);
            }
            return new Value(BigDecimal.valueOf(rank + 1L), level);
        }
        if (!(raw instanceof BigDecimal number)) {
            throw RuleViolation.invalid("value", "this indicator takes a number, not '" + raw + "'");
        }
        if (number.signum() < 0) {
            throw RuleViolation.invalid("value", "must not be negative");
        }
        BigDecimal plain = number.stripTrailingZeros();
        if (plain.scale() > 4) {
            throw RuleViolation.invalid("value", "at most 4 decimals");
        }
        if (plain.precision() - plain.scale() > 16) {
            throw RuleViolation.invalid("value", "too large");
        }
        return new Value(plain.scale() < 0 ? plain.setScale(0) : plain, null);
    }
}
