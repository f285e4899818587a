package id.go.maluku.sakip.budget.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A line's spending of one year rolled up per month, quarter (triwulan) and year, with the
 * quarterly absorption against the cash plan (RAK): realisasi of the quarter / RAK of the
 * quarter x 100. A quarter without a RAK (or a RAK of 0) is not computable, never 100 %.
 */
public record SpendingRollup(List<BigDecimal> months, List<Quarter> quarters, BigDecimal year) {

    public record Quarter(int quarter, BigDecimal rak, BigDecimal realisasi, Absorption absorption) {
    }

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    /**
     * @param byMonth spending per month 1-12 (missing months spent nothing)
     * @param rak     the cash plan per quarter, index 0 = triwulan I; an entry may be null (no plan)
     */
    public static SpendingRollup of(Map<Integer, BigDecimal> byMonth, List<BigDecimal> rak) {
        List<BigDecimal> months = new ArrayList<>(12);
        for (int m = 1; m <= 12; m++) {
            BigDecimal amount = byMonth.get(m);
            months.add(amount == null ? ZERO : amount.setScale(2));
        }
        for (Integer m : byMonth.keySet()) {
            if (m < 1 || m > 12) {
                throw new IllegalArgumentException("month " + m);
            }
        }
        List<Quarter> quarters = new ArrayList<>(4);
        BigDecimal year = ZERO;
        for (int q = 0; q < 4; q++) {
            BigDecimal spent = months.get(3 * q).add(months.get(3 * q + 1)).add(months.get(3 * q + 2));
            BigDecimal plan = rak == null || rak.size() <= q ? null : rak.get(q);
            Absorption absorption = plan == null ? new Absorption(null) : Absorption.of(plan, spent);
            quarters.add(new Quarter(q + 1, plan, spent, absorption));
            year = year.add(spent);
        }
        return new SpendingRollup(List.copyOf(months), List.copyOf(quarters), year);
    }
}
