package id.go.maluku.sakip.reporting.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A target as its indicator's polarity needs it: a number (positive, negative), a range
 * [low, high] (range) or a level of an ordered scale (ordinal), held with its rank on the
 * scale (1 = lowest), which is how realisasi of an ordinal indicator arrives.
 */
public record Target(Kind kind, BigDecimal value, BigDecimal low, BigDecimal high, String level, Integer rank) {

    public enum Kind { NUMBER, RANGE, ORDINAL }

    public Target {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case NUMBER -> Objects.requireNonNull(value, "value");
            case RANGE -> {
                Objects.requireNonNull(low, "low");
                Objects.requireNonNull(high, "high");
                if (low.compareTo(high) > 0) {
                    throw new IllegalArgumentException("range low " + low + " is above high " + high);
                }
            }
            case ORDINAL -> {
                Objects.requireNonNull(level, "level");
                Objects.requireNonNull(rank, "rank");
                if (rank < 1) {
                    throw new IllegalArgumentException("a rank starts at 1");
                }
            }
        }
    }

    public static Target number(BigDecimal value) {
        return new Target(Kind.NUMBER, value, null, null, null, null);
    }

    public static Target number(String value) {
        return number(new BigDecimal(value));
    }

    public static Target range(BigDecimal low, BigDecimal high) {
        return new Target(Kind.RANGE, null, low, high, null, null);
    }

    /** A level of a scale written lowest first. */
    public static Target ordinal(String level, List<String> scale) {
        int index = scale == null ? -1 : scale.indexOf(level);
        if (index < 0) {
            throw new IllegalArgumentException("'" + level + "' is not on the scale " + scale);
        }
        return new Target(Kind.ORDINAL, null, null, null, level, index + 1);
    }

    /** How the target is written in a report: 150, 80-90, WTP. */
    public String text() {
        return switch (kind) {
            case NUMBER -> plain(value).toPlainString();
            case RANGE -> plain(low).toPlainString() + "-" + plain(high).toPlainString();
            case ORDINAL -> level;
        };
    }

    /**
     * The target as the API writes it (the TargetValue schema, as planning takes it): the number,
     * {"low", "high"} for a range, the level's name for an ordinal target.
     */
    public Object json() {
        return switch (kind) {
            case NUMBER -> plain(value);
            case RANGE -> rangeJson(plain(low), plain(high));
            case ORDINAL -> level;
        };
    }

    /** A range as the API writes it, low first. */
    public static Map<String, BigDecimal> rangeJson(BigDecimal low, BigDecimal high) {
        Map<String, BigDecimal> range = new LinkedHashMap<>();
        range.put("low", low);
        range.put("high", high);
        return range;
    }

    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
