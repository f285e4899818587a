package id.go.maluku.sakip.planning.event;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.planning.domain.CapaianPolicy;
import id.go.maluku.sakip.planning.domain.Province;
import id.go.maluku.sakip.planning.domain.RatingScale;

import java.math.BigDecimal;
import java.util.List;

/**
 * The events that carry the rest of the plan, so that reporting holds the whole plan without
 * calling planning. New families rather than new versions of the slice's events, whose
 * consumers keep reading them unchanged.
 */
public final class PlanningEventsV1More {

    public static final String SECTION_UPSERTED = "sakip.planning.section.upserted.v1";
    public static final String PROVINCE_UPSERTED = "sakip.planning.province.upserted.v1";
    public static final String INDICATOR_DEFINED = "sakip.planning.indicator.defined.v1";
    public static final String TARGET_DEFINED = "sakip.planning.target.defined.v1";
    public static final String PK_CHANGED = "sakip.planning.pk.changed.v1";
    /** v2 (issue 23): v1 with what the category is taken from; reporting reads v1 from the topic's history. */
    public static final String POLICY_CHANGED = "sakip.planning.capaian-policy.changed.v2";

    private PlanningEventsV1More() {
    }

    /** section: profile, organisation, personnel or renstra; content as in the plan document. */
    public record SectionUpsertedV1(String agencyCode, String section, JsonNode content, long revision) {
    }

    public record ProvinceUpsertedV1(String provinceCode, String name, Integer rpjmdStart, Integer rpjmdEnd, String visi,
                                     List<Province.Misi> misi, long revision) {
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
    public record PolicyChangedV2(String agencyCode, int version, List<RatingScale.Band> bands, BigDecimal cap,
                                  String negativeFormula, String zeroTarget, String ordinalNotMet, String categoryBasis,
                                  CapaianPolicy.TargetLabels targetLabels) {
    }
}
