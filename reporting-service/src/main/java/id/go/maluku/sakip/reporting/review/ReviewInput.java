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
        List<StatedFigure> statedFigures,
        Map<String, String> narratives,
        List<String> otherAgencyNames) {

    /** A budget line where it is printed (e.g. "Tabel 3.12 no 4"), with the percentage the source printed, if any. */
    public record BudgetLine(String where, String key, BigDecimal pagu, BigDecimal realisasi, BigDecimal statedPercent) {
    }

    /** A total a document states, and the parts it should be the sum of. */
    public record StatedTotal(String where, BigDecimal stated, List<BigDecimal> parts) {
    }

    /**
     * One statement of a fact (e.g. the 2022 realisasi of IK3) at one place. level: for a grade
     * indicator the level stated ("WDP"), whose rank is value (compared as such); null for a number.
     */
    public record Statement(String fact, String where, BigDecimal value, String level) {

        public Statement(String fact, String where, BigDecimal value) {
            this(fact, where, value, null);
        }

        /** As a finding states it: the level of a grade, else the number. */
        public String shown() {
            return level != null ? level : Numbers.show(value);
        }
    }

    /**
     * An indicator's target and realisasi of the report's year, as the system holds them. grades:
     * the ordered scale of a grade indicator, lowest first, whose target and realisasi are the
     * ranks of their levels (1 = lowest); null for an indicator of numbers.
     */
    public record IndicatorFigures(String where, BigDecimal target, BigDecimal realisasi, List<String> grades) {

        public IndicatorFigures(String where, BigDecimal target, BigDecimal realisasi) {
            this(where, target, realisasi, null);
        }

        /** The level at a rank, or null when the rank is no level of the scale (or the indicator takes numbers). */
        public String level(BigDecimal rank) {
            if (grades == null || rank == null || rank.signum() <= 0 || rank.stripTrailingZeros().scale() > 0
                    || rank.compareTo(BigDecimal.valueOf(grades.size())) > 0) {
                return null;
            }
            return grades.get(rank.intValueExact() - 1);
        }

        /** A figure as the finding states it: a grade's level, else the number. */
        public String show(BigDecimal value) {
            String level = level(value);
            return level != null ? level : Numbers.show(value);
        }
    }

    /** What a stated figure is of. */
    public enum Figure {
        CAPAIAN, REALISASI, TARGET;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A figure a document printed (e.g. Tabel 3.2's "141,18 %", the 2021 capaian of IK1) next to the
     * system's value of the same: for a capaian the engine's raw and capped values under the agency's
     * policy, for a realisasi the year's aggregated value, for a target the plan's. {@code computed}
     * and {@code computedCapped} are null when the system has no value; {@code notComputed} says why.
     * {@code value} keeps the printed precision (141,18 has scale 2), which decides how closely it is
     * compared; {@code unit} is the indicator's unit.
     */
    public record StatedFigure(String where, Figure figure, String stated, BigDecimal value, String unit,
                               BigDecimal computed, BigDecimal computedCapped, String notComputed) {
    }
}
