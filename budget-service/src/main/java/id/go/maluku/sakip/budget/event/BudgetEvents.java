package id.go.maluku.sakip.budget.event;

import java.math.BigDecimal;
import java.util.List;

/** What budget-service publishes on {@code sakip.budget.events}, keyed by line id. Samples: {@code docs/events/}. */
public final class BudgetEvents {

    /** Consumed by reporting-service; its shape is frozen. Published on every change of a line. */
    public static final String LINE_UPSERTED = "sakip.budget.line.upserted.v1";

    /**
     * The whole line after a change of its money, structure, outputs or links, published next to
     * v1 in the same transaction. A new shape for consumers that need more than v1 carries.
     *
     * <p>v3 replaced {@code sakip.budget.line.changed.v2}, which is no longer published (its sample
     * stays in {@code docs/events/} for the consumers that replay old records): v2's
     * realisasiByQuarter summed entries by date, so a realisasi known only as a year total (dated
     * 31 December as a placeholder) counted in the fourth quarter. v3 says what the realisasi is
     * known by, and has no quarter's realisasi while any of it is known only for the year.
     */
    public static final String LINE_CHANGED = "sakip.budget.line.changed.v3";

    private BudgetEvents() {
    }

    /** pagu is the current (revised if any) pagu; realisasi the sum of the line's spending. */
    public record LineUpsertedV1(String lineId, String agencyCode, int fiscalYear, String code, String name,
                                 BigDecimal pagu, BigDecimal realisasi, long revision) {
    }

    /**
     * v2's fields, plus realisasiKnownBy ({@code month} or {@code year}) and realisasiUndated (the
     * part of the realisasi known only as a year total, 0.00 when all is dated);
     * realisasiByQuarter holds the dated spending per quarter when realisasiKnownBy is
     * {@code month}, and four nulls (no quarter's realisasi is known) when it is {@code year}.
     */
    public record LineChangedV3(String lineId, String agencyCode, int fiscalYear, String code, String name,
                                String sipdKey, String urusanCode, String urusanName, String bidangUrusanCode,
                                String bidangUrusanName, String programCode, String programName,
                                String kegiatanCode, String kegiatanName, String unitCode, String unitName,
                                String fundingSource, BigDecimal paguOriginal, BigDecimal pagu, int paguVersion,
                                BigDecimal realisasi, BigDecimal absorption, boolean absorptionComputable,
                                BigDecimal statedAbsorption, List<BigDecimal> rak,
                                List<BigDecimal> realisasiByQuarter, String realisasiKnownBy,
                                BigDecimal realisasiUndated, List<OutputV2> outputs, List<LinkV2> links,
                                long revision) {
    }

    // outputs and links kept the shape they had in v2

    public record OutputV2(String kind, String statement, BigDecimal targetQuantity, BigDecimal achievedQuantity,
                           String unit) {
    }

    public record LinkV2(String sasaranCode, String indicatorCode, BigDecimal statedAbsorption) {
    }
}
