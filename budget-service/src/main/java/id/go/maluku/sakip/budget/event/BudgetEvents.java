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
     */
    public static final String LINE_CHANGED = "sakip.budget.line.changed.v2";

    private BudgetEvents() {
    }

    /** pagu is the current (revised if any) pagu; realisasi the sum of the line's spending. */
    public record LineUpsertedV1(String lineId, String agencyCode, int fiscalYear, String code, String name,
                                 BigDecimal pagu, BigDecimal realisasi, long revision) {
    }

    public record LineChangedV2(String lineId, String agencyCode, int fiscalYear, String code, String name,
                                String sipdKey, String urusanCode, String urusanName, String bidangUrusanCode,
                                String bidangUrusanName, String programCode, String programName,
                                String kegiatanCode, String kegiatanName, String unitCode, String unitName,
                                String fundingSource, BigDecimal paguOriginal, BigDecimal pagu, int paguVersion,
                                BigDecimal realisasi, BigDecimal absorption, boolean absorptionComputable,
                                BigDecimal statedAbsorption, List<BigDecimal> rak,
                                List<BigDecimal> realisasiByQuarter, List<OutputV2> outputs, List<LinkV2> links,
                                long revision) {
    }

    public record OutputV2(String kind, String statement, BigDecimal targetQuantity, BigDecimal achievedQuantity,
                           String unit) {
    }

    public record LinkV2(String sasaranCode, String indicatorCode, BigDecimal statedAbsorption) {
    }
}
