package id.go.maluku.sakip.planning.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How an indicator's realisasi is judged against its target. */
public enum Polarity {
    /** Higher is better; a numeric target. */
    POSITIVE,
    /** Lower is better; a numeric target. */
    NEGATIVE,
    /** A target range (e.g. 80-90 %): inside is 100 %. */
    RANGE,
    /** A value on an ordered scale (e.g. SAKIP grade "B", audit opinion "WTP"). */
    ORDINAL;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Unknown names fail here, and the problem mapper names the field. */
    @JsonCreator
    public static Polarity of(String value) {
        return value == null ? null : valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public boolean numericTarget() {
        return this == POSITIVE || this == NEGATIVE;
    }
}
