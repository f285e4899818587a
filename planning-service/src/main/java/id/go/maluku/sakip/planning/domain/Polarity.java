package id.go.maluku.sakip.planning.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Which direction of an indicator's value is better. */
public enum Polarity {
    /** Higher is better. */
    POSITIVE,
    /** Lower is better. */
    NEGATIVE;

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
}
