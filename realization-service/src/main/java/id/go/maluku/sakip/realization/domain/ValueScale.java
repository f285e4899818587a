package id.go.maluku.sakip.realization.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What kind of value an indicator takes, as the plan states it (issue 23): an indicator of
 * polarity "ordinal" takes a level of the plan's ordered scale (lowest first, any words: A/B/C,
 * WTP/WDP/TW/TMP, an agency's own); one of polarity positive, negative or range takes a number,
 * whatever its unit says.
 *
 * <p>Only where the plan says nothing (no polarity known: a copy applied before polarities were
 * kept) does the first word of the unit decide, as before: "predikat" (SAKIP grade) and "opini"
 * (audit opinion) name their usual scales, every other unit takes a number. An ordinal indicator
 * whose scale has not reached realization yet (its indicator.defined.v1 is still to come) takes the
 * unit's usual scale if the unit names one, and otherwise refuses any value until the scale arrives.
 */
public record ValueScale(String name, List<String> levels) {

    public static final ValueScale NUMERIC = new ValueScale("numeric", List.of());

    /** Ordinal by the plan, but its levels are not known here yet: nothing can be recorded. */
    public static final ValueScale AWAITING_LEVELS = new ValueScale("ordinal (scale not yet known)", List.of());

    /** A level is kept in realisasi.value_text, varchar(32), as planning bounds it (PlanDocument.LEVEL). */
    public static final int LEVEL_MAX = 32;

    /** Ordinal scales by the unit that names them, lowest level first: the fallback where the plan states none. */
    static final Map<String, ValueScale> ORDINAL = Map.of(
            "predikat", new ValueScale("predikat", List.of("D", "C", "CC", "B", "BB", "A", "AA")),
            "opini", new ValueScale("opini", List.of("TW", "TMP", "WDP", "WTP")));

    /** The stored value: a number, and for an ordinal scale the level and its rank (1 = lowest). */
    public record Value(BigDecimal number, String text) {
    }

    /**
     * The indicator's kind of value from what the plan states. polarity: planning's (positive,
     * negative, range, ordinal; null: not stated); levels: the plan's ordered scale, lowest first
     * (null or empty: not stated); unit: the fallback where the polarity is not stated.
     */
    public static ValueScale of(String polarity, List<String> levels, String unit) {
        if (polarity == null || polarity.isBlank()) {
            return forUnit(unit);
        }
        if (!"ordinal".equals(polarity.strip().toLowerCase(Locale.ROOT))) {
            return NUMERIC;
        }
        if (levels != null && !levels.isEmpty()) {
            return new ValueScale(unit == null || unit.isBlank() ? "ordinal" : unit.strip(), List.copyOf(levels));
        }
        ValueScale named = forUnit(unit);
        return named.isOrdinal() ? named : AWAITING_LEVELS;
    }

    /** The scale by the first word of the unit alone (what the plan says nothing about). */
    public static ValueScale forUnit(String unit) {
        if (unit == null || unit.isBlank()) {
            return NUMERIC;
        }
        String first = unit.strip().toLowerCase(Locale.ROOT).split("\\s+")[0];
        return ORDINAL.getOrDefault(first, NUMERIC);
    }

    /**
     * The plan's levels as they may be kept: each 1 to 32 characters once stripped, no two the same
     * ignoring case, at least two. Refused with IllegalArgumentException (an event that cannot be applied).
     */
    public static List<String> checkLevels(List<String> levels) {
        if (levels == null || levels.isEmpty()) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String level : levels) {
            String l = level == null ? "" : level.strip();
            if (l.isEmpty() || l.length() > LEVEL_MAX) {
                throw new IllegalArgumentException("a scale level has 1 to " + LEVEL_MAX + " characters: '" + level + "'");
            }
            if (!seen.add(l.toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("the scale names '" + l + "' twice");
            }
            kept.add(l);
        }
        if (kept.size() < 2) {
            throw new IllegalArgumentException("an ordered scale has at least two levels: " + kept);
        }
        return kept;
    }

    public boolean isOrdinal() {
        return !levels.isEmpty() || this.equals(AWAITING_LEVELS);
    }

    /**
     * Checks a value as it came in (a JSON number arrives as BigDecimal, a string as String).
     * Numbers: not negative, at most 4 decimals and 16 integer digits (the column). Levels: one
     * of the scale, any case, kept as the scale spells it.
     */
    public Value accept(Object raw) {
        if (raw == null) {
            throw RuleViolation.invalid("value", "required");
        }
        if (this.equals(AWAITING_LEVELS)) {
            throw RuleViolation.conflict("value", "this indicator takes a level of an ordered scale, and the plan's "
                    + "scale has not reached realization yet; try again once planning has published the indicator's definition");
        }
        if (isOrdinal()) {
            if (!(raw instanceof String text)) {
                throw RuleViolation.invalid("value", "this indicator takes a level of the " + name + " scale " + levels
                        + ", not " + raw);
            }
            String stated = text.strip();
            for (int i = 0; i < levels.size(); i++) {
                if (levels.get(i).equalsIgnoreCase(stated)) {
                    return new Value(BigDecimal.valueOf(i + 1L), levels.get(i));
                }
            }
            throw RuleViolation.invalid("value", "'" + text + "' is not a level of the " + name + " scale; allowed: "
                    + String.join(", ", levels));
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
