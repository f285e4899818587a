package id.go.maluku.sakip.realization.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MonitoringRowTest {

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** IK5 of the seed: realisasi 16, 16, 285 (2019-2021), targets 150/175/200 (2022-2024), 2022 by quarter. */
    @Test
    void the_seed_indicator_with_quarters_summed() {
        MonitoringRow row = MonitoringRow.compute(2022,
                Map.of(2022, d("150"), 2023, d("175"), 2024, d("200")),
                Map.of(2019, Map.of("Y", d("16")), 2020, Map.of("Y", d("16")), 2021, Map.of("Y", d("285")),
                        2022, Map.of("Q1", d("40"), "Q2", d("60"), "M07", d("30"), "M08", d("20"), "Q4", d("100"))),
                Aggregation.SUM);
        assertEquals(2024, row.endOfPeriodYear());
        assertEquals(d("200"), row.endOfPeriodTarget());
        assertEquals(d("317"), row.realisasiUpToLastYear());
        assertEquals(d("150"), row.thisYearTarget());
        assertEquals(d("40"), row.q1());
        assertEquals(d("50"), row.q3()); // months 7 and 8, month 9 missing
        assertEquals(d("250"), row.thisYearTotal());
        assertEquals(d("567"), row.cumulative());
        assertEquals(d("283.50"), row.cumulativePercentOfEndTarget());
    }

    /**
     * The end of the period is the Renstra's end year, not the last year with a target: a plan of
     * 2019-2024 whose targets stop at 2023 has no end-of-period target (and no percentage), and
     * realisasi before the Renstra's first year are not "up to last year".
     */
    @Test
    void the_end_of_the_period_is_the_renstras_end_year_and_its_start_bounds_the_years_before() {
        Map<Integer, BigDecimal> targets = Map.of(2022, d("150"), 2023, d("175"));
        Map<Integer, Map<String, BigDecimal>> realisasi = Map.of(2018, Map.of("Y", d("1000")), 2019, Map.of("Y", d("16")),
                2020, Map.of("Y", d("16")), 2021, Map.of("Y", d("285")), 2022, Map.of("Y", d("300")));
        MonitoringRow row = MonitoringRow.compute(2022, targets, realisasi, Aggregation.SUM, PlanPeriod.of(2019, 2024));
        assertEquals(2024, row.endOfPeriodYear());
        assertNull(row.endOfPeriodTarget());
        assertNull(row.cumulativePercentOfEndTarget());
        assertEquals(d("317"), row.realisasiUpToLastYear()); // 16 + 16 + 285; 2018 is before the Renstra
        assertEquals(d("617"), row.cumulative());

        MonitoringRow full = MonitoringRow.compute(2022, Map.of(2022, d("150"), 2024, d("200"), 2025, d("999")), realisasi,
                Aggregation.SUM, PlanPeriod.of(2019, 2024));
        assertEquals(d("200"), full.endOfPeriodTarget()); // 2025 is past the Renstra: not its end
        assertEquals(d("308.50"), full.cumulativePercentOfEndTarget()); // 617 / 200 x 100

        // without a known period, as before: the last year with a target, every year recorded
        MonitoringRow unknown = MonitoringRow.compute(2022, targets, realisasi, Aggregation.SUM, null);
        assertEquals(2023, unknown.endOfPeriodYear());
        assertEquals(d("1317"), unknown.realisasiUpToLastYear());
    }

    @Test
    void a_recorded_yearly_value_wins_over_its_quarters() {
        MonitoringRow row = MonitoringRow.compute(2022, Map.of(2022, d("3")),
                Map.of(2022, Map.of("Y", d("0"), "Q1", d("1"), "Q2", d("2"))), Aggregation.SUM);
        assertEquals(d("0"), row.thisYearTotal());
        assertEquals(d("1"), row.q1());
        assertNull(row.realisasiUpToLastYear());
        assertEquals(d("0"), row.cumulative());
        assertEquals(d("0.00"), row.cumulativePercentOfEndTarget());
    }

    @Test
    void nothing_known_gives_nulls_not_zeros() {
        MonitoringRow row = MonitoringRow.compute(2022, Map.of(), Map.of(), Aggregation.SUM);
        assertNull(row.endOfPeriodTarget());
        assertNull(row.thisYearTotal());
        assertNull(row.cumulative());
        assertNull(row.cumulativePercentOfEndTarget());
    }

    @Test
    void a_target_of_zero_is_not_divided_by() {
        MonitoringRow row = MonitoringRow.compute(2022, Map.of(2022, d("0")), Map.of(2022, Map.of("Y", d("2"))),
                Aggregation.SUM);
        assertNull(row.cumulativePercentOfEndTarget());
    }

    @Test
    void aggregations() {
        List<BigDecimal> values = Arrays.asList(d("80"), null, d("90"), d("85"));
        assertEquals(d("255"), Aggregation.SUM.of(values));
        assertEquals(d("85"), Aggregation.LAST.of(values));
        assertEquals(d("90"), Aggregation.MAX.of(values));
        assertEquals(d("85.0000"), Aggregation.AVERAGE.of(values));
        assertNull(Aggregation.SUM.of(Arrays.asList(null, null)));
        assertNull(Aggregation.parse(null)); // nothing asked: each indicator's plan decides
        assertNull(Aggregation.parse(" "));
        assertEquals(Aggregation.LAST, Aggregation.DEFAULT);
        assertEquals(Aggregation.LAST, Aggregation.parse("Last"));
        assertEquals("aggregation", org.junit.jupiter.api.Assertions.assertThrows(RuleViolation.class,
                () -> Aggregation.parse("median")).field());
    }
}
