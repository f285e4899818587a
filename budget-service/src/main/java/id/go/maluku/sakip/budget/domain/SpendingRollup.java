package id.go.maluku.sakip.budget.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A line's spending of one year rolled up per month, quarter (triwulan) and year, with the
 * quarterly absorption against the cash plan (RAK): realisasi of the quarter / RAK of the
 * quarter x 100. A quarter without a RAK (or a RAK of 0) is not computable, never 100 %.
 *
 * <p>Spending known only as a year total ({@code undated}: a realisasi sent as a total, such as
 * the yearly figure of an LKIP) belongs to no month or quarter. While any of the year's spending
 * is undated, no month's or quarter's realisasi is known, since each of them may hold part of
 * it: they are null, and every quarter's absorption is not computable. Counting such a total in
 * the last quarter would show a whole year against one quarter's RAK (e.g. 397.93 %). The
 * year's figure ({@link #year()}) counts every rupiah, dated or not.
 *
 * @param months   spending per month, index 0 = January; null entries when {@link #knownByMonth()} is false
 * @param undated  the part of the year's spending known only as a year total; 0.00 when all is dated
 * @param year     all of the year's spending, dated and undated
 */
public record SpendingRollup(List<BigDecimal> months, List<Quarter> quarters, BigDecimal undated, BigDecimal year) {

    /** realisasi is null when the quarter's spending is unknown (some of the year's is undated). */
    public record Quarter(int quarter, BigDecimal rak, BigDecimal realisasi, Absorption absorption) {
    }

    private static final BigDecimal ZERO = new BigDecimal("0.00");
    private static final Absorption NOT_COMPUTABLE = new Absorption(null);

    /** All of the year's spending dated. */
    public static SpendingRollup of(Map<Integer, BigDecimal> byMonth, List<BigDecimal> rak) {
        return of(byMonth, ZERO, rak);
    }

    /**
     * @param byMonth dated spending per month 1-12 (missing months spent nothing)
     * @param undated spending known only as a year total (0 when there is none)
     * @param rak     the cash plan per quarter, index 0 = triwulan I; an entry may be null (no plan)
     */
    public static SpendingRollup of(Map<Integer, BigDecimal> byMonth, BigDecimal undated, List<BigDecimal> rak) {
        Objects.requireNonNull(undated, "undated");
        if (undated.signum() < 0) {
            throw new IllegalArgumentException("undated spending " + undated.toPlainString());
        }
        for (Integer m : byMonth.keySet()) {
            if (m < 1 || m > 12) {
                throw new IllegalArgumentException("month " + m);
            }
        }
        boolean byMonthKnown = undated.signum() == 0;
        List<BigDecimal> dated = new ArrayList<>(12);
        for (int m = 1; m <= 12; m++) {
            BigDecimal amount = byMonth.get(m);
            dated.add(amount == null ? ZERO : amount.setScale(2));
        }
        List<Quarter> quarters = new ArrayList<>(4);
        BigDecimal year = undated.setScale(2);
        for (int q = 0; q < 4; q++) {
            BigDecimal spent = dated.get(3 * q).add(dated.get(3 * q + 1)).add(dated.get(3 * q + 2));
            year = year.add(spent);
            BigDecimal plan = rak == null || rak.size() <= q ? null : rak.get(q);
            if (!byMonthKnown) {
                quarters.add(new Quarter(q + 1, plan, null, NOT_COMPUTABLE));
            } else {
                quarters.add(new Quarter(q + 1, plan, spent, plan == null ? NOT_COMPUTABLE : Absorption.of(plan, spent)));
            }
        }
        List<BigDecimal> months = byMonthKnown ? dated : Collections.nCopies(12, null);
        return new SpendingRollup(Collections.unmodifiableList(new ArrayList<>(months)), List.copyOf(quarters),
                undated.setScale(2), year);
    }

    /** True when every rupiah of the year is dated, so months and quarters add up to the year. */
    public boolean knownByMonth() {
        return knownBy(undated).equals(KNOWN_BY_MONTH);
    }

    public static final String KNOWN_BY_MONTH = "month";
    public static final String KNOWN_BY_YEAR = "year";

    /**
     * What a line's realisasi is known by: {@code month} when all of it is dated, {@code year} while
     * any of it is known only as a year total. The view and the line's event say it alike.
     */
    public static String knownBy(BigDecimal undated) {
        return undated.signum() == 0 ? KNOWN_BY_MONTH : KNOWN_BY_YEAR;
    }

    /**
     * The realisasi per quarter of a line whose spending is already summed by quarter (the event
     * sums many lines in one query): the dated sums while all is dated, otherwise null for every
     * quarter, by the same rule as {@link #of(Map, BigDecimal, List)}.
     *
     * @param datedByQuarter the dated spending per quarter, index 0 = triwulan I
     */
    public static List<BigDecimal> quarterRealisasi(List<BigDecimal> datedByQuarter, BigDecimal undated) {
        if (datedByQuarter.size() != 4) {
            throw new IllegalArgumentException("four quarters, not " + datedByQuarter.size());
        }
        if (!knownBy(undated).equals(KNOWN_BY_MONTH)) {
            return Collections.nCopies(4, null);
        }
        return datedByQuarter.stream().map(q -> q.setScale(2)).toList();
    }
}
