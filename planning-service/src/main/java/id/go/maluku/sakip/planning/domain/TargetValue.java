package id.go.maluku.sakip.planning.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;

/**
 * A target as the indicator's polarity needs it: a number (positive, negative), a range
 * [low, high] (range), or a value of the ordinal scale (ordinal). Parsed from JSON, a wrong type
 * for the indicator is an error that names why (text for a numeric indicator, say).
 */
public record TargetValue(BigDecimal value, BigDecimal low, BigDecimal high, String ordinal) {

    public static TargetValue parse(Polarity polarity, List<String> scale, JsonNode node) {
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("a target is required");
        }
        switch (polarity) {
            case POSITIVE, NEGATIVE -> {
                if (!node.isNumber()) {
                    throw new IllegalArgumentException("a " + polarity + " indicator needs a numeric target, not " + node);
                }
                BigDecimal value = node.decimalValue();
                if (value.signum() < 0) {
                    throw new IllegalArgumentException("a target is never negative");
                }
                return new TargetValue(value, null, null, null);
            }
            case RANGE -> {
                if (!node.isObject() || !node.path("low").isNumber() || !node.path("high").isNumber()) {
                    throw new IllegalArgumentException("a range indicator needs {\"low\": n, \"high\": m}, not " + node);
                }
                BigDecimal low = node.get("low").decimalValue();
                BigDecimal high = node.get("high").decimalValue();
                if (low.compareTo(high) > 0) {
                    throw new IllegalArgumentException("range low " + low.toPlainString() + " is above high " + high.toPlainString());
                }
                return new TargetValue(null, low, high, null);
            }
            case ORDINAL -> {
                if (!node.isTextual()) {
                    throw new IllegalArgumentException("an ordinal indicator needs a value of its scale, not " + node);
                }
                if (scale == null || !scale.contains(node.asText())) {
                    throw new IllegalArgumentException("'" + node.asText() + "' is not on the indicator's scale " + scale);
                }
                return new TargetValue(null, null, null, node.asText());
            }
            default -> throw new IllegalStateException(String.valueOf(polarity));
        }
    }

    public String kind() {
        return value != null ? "number" : ordinal != null ? "ordinal" : "range";
    }

    public JsonNode toJson() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (value != null) {
            return json.numberNode(plain(value));
        }
        if (ordinal != null) {
            return json.textNode(ordinal);
        }
        ObjectNode range = json.objectNode();
        range.put("low", plain(low));
        range.put("high", plain(high));
        return range;
    }

    public boolean sameAs(TargetValue other) {
        return equal(value, other.value) && equal(low, other.low) && equal(high, other.high)
                && java.util.Objects.equals(ordinal, other.ordinal);
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** 19.0000 as 19: the value as it was written. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
