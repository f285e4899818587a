package id.go.maluku.sakip.realization.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One indicator's line of the quarterly monitoring form (Permendagri 86/2017), computed from the
 * targets and realisasi held. Rules:
 * - a quarter is its own recorded value, else the aggregation of its recorded months;
 * - a year is its recorded yearly value ("Y", the figure capaian uses), else the aggregation of
 *   its quarters;
 * - "up to last year" aggregates the recorded years before this one, from the Renstra's first
 *   year on (every recorded year where the agency's Renstra period is not known);
 * - the end-of-period target is the target of the Renstra's end year (null when that year has
 *   none); where the period is not known, of the last year planning has set one for;
 * - cumulative = aggregation of the years up to and including this one; against the
 *   end-of-period target as a percentage with 2 decimals, half up; null when not computable.
 */
public record MonitoringRow(Integer endOfPeriodYear, BigDecimal endOfPeriodTarget, BigDecimal realisasiUpToLastYear,
                            BigDecimal thisYearTarget, BigDecimal q1, BigDecimal q2, BigDecimal q3, BigDecimal q4,
                            BigDecimal thisYearTotal, BigDecimal cumulative, BigDecimal cumulativePercentOfEndTarget) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * @param targets   target per year
     * @param realisasi per year, recorded values by period code ("Y", "Q1", "M01", ...)
     */
    public static MonitoringRow compute(int year, Map<Integer, BigDecimal> targets,
                                        Map<Integer, Map<String, BigDecimal>> realisasi, Aggregation aggregation) {
        return compute(year, targets, realisasi, aggregation, null);
    }

    /** @param plan the agency's Renstra period, or null where it is not known */
    public static MonitoringRow compute(int year, Map<Integer, BigDecimal> targets,
                                        Map<Integer, Map<String, BigDecimal>> realisasi, Aggregation aggregation,
                                        PlanPeriod plan) {
        TreeMap<Integer, BigDecimal> sortedTargets = new TreeMap<>(targets);
        Integer endYear = plan != null ? Integer.valueOf(plan.endYear())
                : sortedTargets.isEmpty() ? null : sortedTargets.lastKey();
        BigDecimal endTarget = endYear == null ? null : sortedTargets.get(endYear);
        int firstYear = plan != null ? plan.startYear() : Integer.MIN_VALUE;

        Map<String, BigDecimal> thisYear = realisasi.getOrDefault(year, Map.of());
        BigDecimal[] quarters = new BigDecimal[4];
        for (int q = 1; q <= 4; q++) {
            quarters[q - 1] = quarter(thisYear, q, aggregation);
        }
        List<BigDecimal> pastYears = new ArrayList<>();
        new TreeMap<>(realisasi).headMap(year).tailMap(firstYear).forEach((y, periods) -> pastYears.add(yearValue(periods, aggregation)));
        BigDecimal upToLastYear = aggregation.of(pastYears);
        BigDecimal thisYearTotal = yearValue(thisYear, aggregation);
        List<BigDecimal> allYears = new ArrayList<>(pastYears);
        allYears.add(thisYearTotal);
        BigDecimal cumulative = aggregation.of(allYears);
        BigDecimal percent = cumulative == null || endTarget == null || endTarget.signum() == 0 ? null
                : cumulative.multiply(HUNDRED).divide(endTarget, 2, RoundingMode.HALF_UP);
        return new MonitoringRow(endYear, endTarget, upToLastYear, targets.get(year), quarters[0], quarters[1],
                quarters[2], quarters[3], thisYearTotal, cumulative, percent);
    }

    static BigDecimal quarter(Map<String, BigDecimal> periods, int q, Aggregation aggregation) {
        BigDecimal recorded = periods.get("Q" + q);
        if (recorded != null) {
            return recorded;
        }
        List<BigDecimal> months = new ArrayList<>();
        for (int m = (q - 1) * 3 + 1; m <= q * 3; m++) {
            months.add(periods.get(String.format("M%02d", m)));
        }
        return aggregation.of(months);
    }

    static BigDecimal yearValue(Map<String, BigDecimal> periods, Aggregation aggregation) {
        BigDecimal recorded = periods.get("Y");
        if (recorded != null) {
            return recorded;
        }
        List<BigDecimal> quarters = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            quarters.add(quarter(periods, q, aggregation));
        }
        return aggregation.of(quarters);
    }
}
