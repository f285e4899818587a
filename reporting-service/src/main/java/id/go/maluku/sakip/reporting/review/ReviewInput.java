package id.go.maluku.sakip.reporting.review;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the review looks at: the figures as their sources stated them, next to the inputs the
 * system computes from. Imported documents and e-budgeting keep their stated figures for this.
 */
public record ReviewInput(
        String agencyCode, String agencyName, int year,
        List<BudgetLine> budgetLines,
        List<StatedTotal> statedTotals,
        List<Statement> statements,
        List<IndicatorFigures> indicators,
        Map<String, String> narratives,
        List<String> otherAgencyNames) {

    /** A budget line where it is printed (e.g. "Tabel 3.12 no 4"), with the percentage the source printed, if any. */
    public record BudgetLine(String where, String key, BigDecimal pagu, BigDecimal realisasi, BigDecimal statedPercent) {
    }

    /** A total a document states, and the parts it should be the sum of. */
    public record StatedTotal(String where, BigDecimal stated, List<BigDecimal> parts) {
    }

    /** One statement of a fact (e.g. the 2022 realisasi of IK3) at one place. */
    public record Statement(String fact, String where, BigDecimal value) {
    }

    public record IndicatorFigures(String where, BigDecimal target, BigDecimal realisasi, BigDecimal statedCapaian,
                                   BigDecimal computedCapaian) {
    }
}
