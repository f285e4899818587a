package id.go.maluku.sakip.realization.event;

/**
 * The planning events this service reads, copied here rather than shared as a library
 * (the checked-in samples in {@code docs/events/} keep both sides honest).
 */
public final class PlanningEventsV1 {

    public static final String AGENCY_UPSERTED = "sakip.planning.agency.upserted.v1";
    public static final String INDICATOR_UPSERTED = "sakip.planning.indicator.upserted.v1";
    /** Every planning event type starts with this; others of the family are not needed here. */
    public static final String FAMILY = "sakip.planning.";

    private PlanningEventsV1() {
    }

    public record AgencyUpserted(String agencyId, String agencyCode, String name, long revision) {
    }

    public record IndicatorUpserted(String indicatorId, String agencyCode, String sasaranId, String sasaranCode,
                                    String code, String name, String unit, String polarity, long revision) {
    }
}
