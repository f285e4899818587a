package id.go.maluku.sakip.reporting.domain;

import java.util.Locale;

/** Which direction of an indicator's value is better. */
public enum Polarity {
    POSITIVE,
    NEGATIVE;

    public static Polarity of(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
