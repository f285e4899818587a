package id.go.maluku.sakip.realization.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;

/**
 * The planning events this service reads, copied here rather than shared as a library
 * (the checked-in samples in {@code docs/events/} keep both sides honest). Fields this code does
 * not know are ignored (Quarkus' ObjectMapper does not fail on unknown properties).
 */
public final class PlanningEventsV1 {

    public static final String AGENCY_UPSERTED = "sakip.planning.agency.upserted.v1";
    public static final String INDICATOR_UPSERTED = "sakip.planning.indicator.upserted.v1";
    public static final String TARGET_SET = "sakip.planning.target.set.v1";
    /** The indicator's full definition; this service reads the responsible unit from it. */
    public static final String INDICATOR_DEFINED = "sakip.planning.indicator.defined.v1";
    /** The indicator left the plan: its copy is kept for the history, and no new value is recorded. */
    public static final String INDICATOR_REMOVED = "sakip.planning.indicator.removed.v1";
    /** A Renstra target left the plan: the monitoring form no longer shows it. */
    public static final String TARGET_REMOVED = "sakip.planning.target.removed.v1";
    /** A plan section; this service reads the Renstra's years (section "renstra") from it. */
    public static final String SECTION_UPSERTED = "sakip.planning.section.upserted.v1";
    public static final String RENSTRA_SECTION = "renstra";
    /** Every planning event type starts with this; others of the family are not needed here. */
    public static final String FAMILY = "sakip.planning.";

    private PlanningEventsV1() {
    }

    public record AgencyUpserted(String agencyId, String agencyCode, String name, long revision) {
    }

    public record IndicatorUpserted(String indicatorId, String agencyCode, String sasaranId, String sasaranCode,
                                    String code, String name, String unit, String polarity, long revision) {
    }

    /**
     * The part of the definition this service keeps. Planning publishes it after
     * indicator.upserted.v1 with the same revision; responsibleUnit is a unit name, or null
     * when the agency itself answers for the indicator.
     */
    /**
     * aggregation: the plan's (planning always states one: its default where the plan has none).
     * polarity: positive, negative, range or ordinal; scale: the ordered levels of an ordinal
     * indicator, lowest first, null for the others (planning has sent the field since v1).
     */
    public record IndicatorDefined(String indicatorId, String agencyCode, String sasaranCode, String code, String name,
                                   String unit, String polarity, String responsibleUnit, String aggregation,
                                   List<String> scale, long revision) {
    }

    public record TargetSet(String indicatorId, String agencyCode, String indicatorCode, int year, BigDecimal value,
                            long revision) {
    }

    /** revision: the indicator's last revision plus one. */
    public record IndicatorRemoved(String indicatorId, String agencyCode, String code, long revision) {
    }

    /** revision: the target's last revision plus one. */
    public record TargetRemoved(String indicatorId, String agencyCode, String indicatorCode, int year, long revision) {
    }

    /**
     * revision: the section's own, one more at each change. Of the content, only startYear and
     * endYear of the section "renstra" are read here.
     */
    public record SectionUpserted(String agencyCode, String section, JsonNode content, long revision) {
    }
}
