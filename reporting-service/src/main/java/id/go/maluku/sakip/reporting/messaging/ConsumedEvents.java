package id.go.maluku.sakip.reporting.messaging;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;

/**
 * The events reporting reads, copied from their producers rather than shared as a library;
 * the checked-in samples in {@code docs/events/} keep both sides honest.
 */
public final class ConsumedEvents {

    public static final String AGENCY_UPSERTED = "sakip.planning.agency.upserted.v1";
    public static final String SASARAN_UPSERTED = "sakip.planning.sasaran.upserted.v1";
    public static final String INDICATOR_UPSERTED = "sakip.planning.indicator.upserted.v1";
    public static final String TARGET_SET = "sakip.planning.target.set.v1";
    public static final String REALISASI_RECORDED = "sakip.realization.realisasi.recorded.v1";
    public static final String BUDGET_LINE_UPSERTED = "sakip.budget.line.upserted.v1";
    public static final String INDICATOR_DEFINED = "sakip.planning.indicator.defined.v1";
    public static final String TARGET_DEFINED = "sakip.planning.target.defined.v1";
    /** Replaced by v2; still read from the topic's history (a rebuild replays it): categories on the capped value. */
    public static final String POLICY_CHANGED = "sakip.planning.capaian-policy.changed.v1";
    public static final String POLICY_CHANGED_V2 = "sakip.planning.capaian-policy.changed.v2";
    public static final String SECTION_UPSERTED = "sakip.planning.section.upserted.v1";
    /** Replaced by v3; still read from the topic's history (a rebuild replays it). */
    public static final String BUDGET_LINE_CHANGED_V2 = "sakip.budget.line.changed.v2";
    public static final String BUDGET_LINE_CHANGED_V3 = "sakip.budget.line.changed.v3";
    /** A locked period reopened in realization: the year's publications are superseded by data. */
    public static final String PERIOD_UNLOCKED = "sakip.realization.period.unlocked.v1";

    private ConsumedEvents() {
    }

    /** unlockedAt: ISO-8601 with offset; publicationVersion: the version that had locked the period, null for a lock set by hand. */
    public record PeriodUnlocked(String lockId, String agencyCode, int year, String period, String reason,
                                 String unlockedBy, String unlockedAt, Integer publicationVersion) {
    }

    public record AgencyUpserted(String agencyId, String agencyCode, String name, long revision) {
    }

    public record SasaranUpserted(String sasaranId, String agencyCode, String code, String name, int ordinal,
                                  long revision) {
    }

    public record IndicatorUpserted(String indicatorId, String agencyCode, String sasaranId, String sasaranCode,
                                    String code, String name, String unit, String polarity, long revision) {
    }

    public record TargetSet(String indicatorId, String agencyCode, String indicatorCode, int year, BigDecimal value,
                            long revision) {
    }

    public record RealisasiRecorded(String realisasiId, String indicatorId, String agencyCode, String indicatorCode,
                                    int year, String period, BigDecimal value, long revision) {
    }

    public record BudgetLineUpserted(String lineId, String agencyCode, int fiscalYear, String code, String name,
                                     BigDecimal pagu, BigDecimal realisasi, long revision) {
    }

    /** The full definition; only what capaian needs is read. scale: lowest level first. */
    public record IndicatorDefined(String indicatorId, String agencyCode, String sasaranCode, String code,
                                   String polarity, boolean iku, String aggregation, Integer decimals,
                                   BigDecimal weight, List<String> scale, long revision) {
    }

    /** target: a number (kind number), {"low", "high"} (range) or a level of the scale (ordinal). */
    public record TargetDefined(String indicatorId, String agencyCode, String indicatorCode, int year, String kind,
                                JsonNode target, long revision) {
    }

    /** A plain class, not a record: an open end may come as null or be left out. */
    public static final class Band {
        public BigDecimal from;
        public BigDecimal to;
        public String label;
    }

    /** v1: categories are the capped value's band. */
    public record PolicyChangedV1(String agencyCode, int version, List<Band> bands, BigDecimal cap, String negativeFormula,
                                  String zeroTarget, String ordinalNotMet) {

        public PolicyChanged asV2() {
            return new PolicyChanged(agencyCode, version, bands, cap, negativeFormula, zeroTarget, ordinalNotMet, "CAPPED", null);
        }
    }

    /**
     * v2: v1 and what the category is taken from (categoryBasis CAPPED, RAW or TARGET) with, for
     * TARGET, the agency's words (targetLabels; null otherwise).
     */
    public record PolicyChanged(String agencyCode, int version, List<Band> bands, BigDecimal cap, String negativeFormula,
                                String zeroTarget, String ordinalNotMet, String categoryBasis, TargetLabels targetLabels) {
    }

    public record TargetLabels(String below, String met, String exceeded) {
    }

    /** section: profile, organisation, personnel or renstra; only the Renstra's years are used. */
    public record SectionUpserted(String agencyCode, String section, JsonNode content, long revision) {
    }

    public record BudgetLink(String sasaranCode, String indicatorCode) {
    }

    /**
     * The rich budget line (v2); what absorption per sasaran, program, unit and funding source needs.
     * realisasiByQuarter sums the line's entries by date, so a realisasi known only as a year total
     * (dated 31 December by budget as a placeholder) is in the fourth quarter.
     */
    public record BudgetLineChanged(String lineId, String agencyCode, int fiscalYear, String code, String name,
                                    String programCode, String programName, String kegiatanCode, String unitCode,
                                    String unitName, String fundingSource, BigDecimal pagu, BigDecimal realisasi,
                                    List<BigDecimal> rak, List<BigDecimal> realisasiByQuarter,
                                    List<BudgetLink> links, long revision) {
    }

    /**
     * The rich budget line (v3): v2's fields plus what the realisasi is known by. realisasiKnownBy
     * {@code month}: every rupiah dated, realisasiByQuarter the dated sums; {@code year}: some of it
     * (realisasiUndated) is known only as a year total, and no quarter's realisasi is known
     * (realisasiByQuarter holds four nulls).
     */
    public record BudgetLineChangedV3(String lineId, String agencyCode, int fiscalYear, String code, String name,
                                      String programCode, String programName, String kegiatanCode, String unitCode,
                                      String unitName, String fundingSource, BigDecimal pagu, BigDecimal realisasi,
                                      List<BigDecimal> rak, List<BigDecimal> realisasiByQuarter,
                                      String realisasiKnownBy, BigDecimal realisasiUndated,
                                      List<BudgetLink> links, long revision) {
    }
}
