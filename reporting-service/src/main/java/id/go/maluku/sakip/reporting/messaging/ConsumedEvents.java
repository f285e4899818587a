package id.go.maluku.sakip.reporting.messaging;

import java.math.BigDecimal;

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

    private ConsumedEvents() {
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
}
