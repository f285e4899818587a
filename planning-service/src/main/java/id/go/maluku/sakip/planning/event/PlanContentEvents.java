package id.go.maluku.sakip.planning.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;

/**
 * The events that carry the rest of the plan's content (sections, province, indicator
 * definitions, targets, Perjanjian Kinerja, capaian policy), so that reporting holds the whole
 * plan without calling planning. New families rather than new versions of the slice's events,
 * whose consumers keep reading them unchanged. Every payload is a record of this class, never a
 * domain type: a change of the domain cannot change what is on the wire (issue 25).
 */
public final class PlanContentEvents {

    public static final String SECTION_UPSERTED = "sakip.planning.section.upserted.v1";
    public static final String PROVINCE_UPSERTED = "sakip.planning.province.upserted.v1";
    public static final String INDICATOR_DEFINED = "sakip.planning.indicator.defined.v1";
    public static final String TARGET_DEFINED = "sakip.planning.target.defined.v1";
    public static final String PK_CHANGED = "sakip.planning.pk.changed.v1";
    /** v2 (issue 23): v1 with what the category is taken from; reporting reads v1 from the topic's history. */
    public static final String POLICY_CHANGED = "sakip.planning.capaian-policy.changed.v2";

    private PlanContentEvents() {
    }

    /** section: profile, organisation, personnel or renstra; content as in the plan document. */
    public record SectionUpsertedV1(String agencyCode, String section, JsonNode content, long revision) {
    }

    public record ProvinceUpsertedV1(String provinceCode, String name, Integer rpjmdStart, Integer rpjmdEnd, String visi,
                                     List<MisiV1> misi, long revision) {
    }

    /** A governor's misi, as the province's event carries it. */
    public record MisiV1(String code, String text) {
    }

    public record IndicatorDefinedV1(String indicatorId, String agencyCode, String sasaranCode, String code, String name,
                                     String unit, String polarity, boolean iku, String formula, String numerator,
                                     String denominator, String dataSource, String responsibleUnit, String aggregation,
                                     int decimals, BigDecimal weight, List<String> scale, long revision) {
    }

    /** target: a number, {"low": n, "high": m}, or a scale value. */
    public record TargetDefinedV1(String indicatorId, String agencyCode, String indicatorCode, int year, String kind,
                                  JsonNode target, long revision) {
    }

    public record PkItemV1(String sasaranCode, String indicatorCode, JsonNode target) {
    }

    public record PkChangedV1(String pkId, String agencyCode, int year, int version, String kind, String signedAt,
                              String signedBy, List<PkItemV1> items, long revision) {
    }

    /** categoryBasis: CAPPED, RAW or TARGET; targetLabels only with TARGET (else null). */
    public record PolicyChangedV2(String agencyCode, int version, List<BandV1> bands, BigDecimal cap,
                                  String negativeFormula, String zeroTarget, String ordinalNotMet, String categoryBasis,
                                  TargetLabelsV1 targetLabels) {
    }

    /** A band of the rating scale: from and to (null: open), the category's label. */
    public record BandV1(BigDecimal from, BigDecimal to, String label) {
    }

    /** The words a TARGET-basis category prints: below, at and above the target. */
    public record TargetLabelsV1(String below, String met, String exceeded) {
    }
}
