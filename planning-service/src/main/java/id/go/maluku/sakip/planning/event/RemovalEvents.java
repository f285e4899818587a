package id.go.maluku.sakip.planning.event;

/**
 * What planning publishes when an element leaves a plan. Each carries the element's revision
 * after its last change plus one, so a consumer that keeps the newest revision of an element
 * applies a removal only over older facts, and a later re-creation (which continues the
 * revision, see {@code domain.Removal}) over the removal. Keyed as the element's other events:
 * a sasaran by its id, an indicator and its targets by the indicator's id, a Perjanjian Kinerja
 * version by the agency's id.
 */
public final class RemovalEvents {

    public static final String SASARAN_REMOVED = "sakip.planning.sasaran.removed.v1";
    public static final String INDICATOR_REMOVED = "sakip.planning.indicator.removed.v1";
    public static final String TARGET_REMOVED = "sakip.planning.target.removed.v1";
    public static final String PK_REMOVED = "sakip.planning.pk.removed.v1";

    private RemovalEvents() {
    }

    public record SasaranRemovedV1(String sasaranId, String agencyCode, String code, long revision) {
    }

    /** Published after a target.removed.v1 for each of the indicator's targets. */
    public record IndicatorRemovedV1(String indicatorId, String agencyCode, String sasaranId, String sasaranCode,
                                     String code, long revision) {
    }

    public record TargetRemovedV1(String indicatorId, String agencyCode, String indicatorCode, int year,
                                  long revision) {
    }

    /** Only an unsigned version is ever removed: a signed one never changes. */
    public record PkRemovedV1(String pkId, String agencyCode, int year, int version, long revision) {
    }
}
