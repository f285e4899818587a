package id.go.maluku.sakip.reporting.domain;

import java.util.Locale;

/** How an indicator's realisasi is judged against its target. */
public enum Polarity {
    /** Higher is better; a numeric target. */
    POSITIVE,
    /** Lower is better; a numeric target. */
    NEGATIVE,
    /** A target range [low, high]: inside is 100 %. */
    RANGE,
    /** A level of an ordered scale (SAKIP grade, audit opinion); realisasi is the level's rank. */
    ORDINAL;

    public static Polarity of(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
