package id.go.maluku.sakip.planning.event;

import java.math.BigDecimal;

/**
 * The events planning-service publishes on {@code sakip.planning.events}. Each type is
 * versioned by name; a change of shape makes a new version, never an edit of an old one.
 * Checked-in samples of each live in {@code docs/events/} and are read by the producer's and
 * the consumers' tests.
 */
public final class PlanningEvents {

    public static final String AGENCY_UPSERTED = "sakip.planning.agency.upserted.v1";
    public static final String SASARAN_UPSERTED = "sakip.planning.sasaran.upserted.v1";
    public static final String INDICATOR_UPSERTED = "sakip.planning.indicator.upserted.v1";
    public static final String TARGET_SET = "sakip.planning.target.set.v1";

    private PlanningEvents() {
    }

    public record AgencyUpsertedV1(String agencyId, String agencyCode, String name, long revision) {
    }

    public record SasaranUpsertedV1(String sasaranId, String agencyCode, String code, String name, int ordinal,
                                    long revision) {
    }

    public record IndicatorUpsertedV1(String indicatorId, String agencyCode, String sasaranId, String sasaranCode,
                                      String code, String name, String unit, String polarity, long revision) {
    }

    public record TargetSetV1(String indicatorId, String agencyCode, String indicatorCode, int year,
                              BigDecimal value, long revision) {
    }
}
