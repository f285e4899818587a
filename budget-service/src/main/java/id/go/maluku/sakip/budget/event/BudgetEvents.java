package id.go.maluku.sakip.budget.event;

import java.math.BigDecimal;

/** What budget-service publishes on {@code sakip.budget.events}, keyed by line id. Samples: {@code docs/events/}. */
public final class BudgetEvents {

    public static final String LINE_UPSERTED = "sakip.budget.line.upserted.v1";

    private BudgetEvents() {
    }

    public record LineUpsertedV1(String lineId, String agencyCode, int fiscalYear, String code, String name,
                                 BigDecimal pagu, BigDecimal realisasi, long revision) {
    }
}
