package id.go.maluku.sakip.planning.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How an indicator's values of several periods make the value of the year. */
public enum Aggregation {
    SUM, LAST, AVERAGE, MAX;

    /**
     * An indicator whose plan states no aggregation: the last value stands. The same in every
     * service (realization's monitoring form, reporting's capaian), held equal by deploy/e2e's
     * AggregationDefaultTest.
     */
    public static final Aggregation DEFAULT = LAST;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Aggregation of(String value) {
        return value == null ? null : valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
