package id.go.maluku.sakip.budget.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpendingRollupTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void months_roll_up_into_quarters_and_the_year() {
        SpendingRollup r = SpendingRollup.of(Map.of(1, d("100.00"), 3, d("50.50"), 4, d("10.00"), 12, d("1.25")),
                List.of(d("200.00"), d("20.00"), d("0.00"), d("5.00")));
        assertEquals(d("150.50"), r.quarters().get(0).realisasi());
        assertEquals(d("75.25"), r.quarters().get(0).absorption().percent());
        assertEquals(d("10.00"), r.quarters().get(1).realisasi());
        assertEquals(d("50.00"), r.quarters().get(1).absorption().percent());
        // RAK 0 with no spending: not computable, never 100 %
        assertEquals(d("0.00"), r.quarters().get(2).realisasi());
        assertFalse(r.quarters().get(2).absorption().computable());
        assertEquals(d("25.00"), r.quarters().get(3).absorption().percent());
        assertEquals(d("161.75"), r.year());
        assertEquals(12, r.months().size());
        assertEquals(d("0.00"), r.months().get(1));
        assertEquals(d("1.25"), r.months().get(11));
    }

    @ParameterizedTest(name = "RAK {0}, spent {1}: {2}")
    @CsvSource({
            "136819750.00, 136819750.00, 100.00",
            "136819750.00, 0.00, 0.00",
            "1000.00, 1500.00, 150.00",
            "3.00, 1.00, 33.33"
    })
    void quarterly_absorption_is_realisasi_over_rak(String rak, String spent, String expected) {
        SpendingRollup r = SpendingRollup.of(Map.of(2, d(spent)), List.of(d(rak), d("0"), d("0"), d("0")));
        assertEquals(d(expected), r.quarters().get(0).absorption().percent());
    }

    @Test
    void a_quarter_without_a_plan_is_not_computable() {
        SpendingRollup r = SpendingRollup.of(Map.of(5, d("10.00")), Arrays.asList(null, null, null, null));
        assertNull(r.quarters().get(1).absorption().percent());
        assertNull(r.quarters().get(1).rak());
        assertEquals(d("10.00"), r.quarters().get(1).realisasi());
    }

    @Test
    void all_spending_dated_is_known_by_month() {
        SpendingRollup r = SpendingRollup.of(Map.of(2, d("16625000.00")), d("0"), List.of(d("49875000.00"),
                d("49875000.00"), d("49875000.00"), d("49875000.00")));
        assertTrue(r.knownByMonth());
        assertEquals(d("0.00"), r.undated());
        // 16625000 / 49875000 x 100 = 33.333... -> 33.33
        assertEquals(d("33.33"), r.quarters().get(0).absorption().percent());
        assertEquals(d("0.00"), r.quarters().get(3).realisasi());
        assertEquals(d("16625000.00"), r.year());
    }

    /** The seed's yearly realisasi with an even RAK: no quarter's spending is known, Q4 is not 397.93 %. */
    @Test
    void a_year_total_belongs_to_no_quarter() {
        List<BigDecimal> rak = List.of(d("49875000.00"), d("49875000.00"), d("49875000.00"), d("49875000.00"));
        SpendingRollup r = SpendingRollup.of(Map.of(), d("198468000.00"), rak);
        assertFalse(r.knownByMonth());
        assertEquals(d("198468000.00"), r.undated());
        assertEquals(d("198468000.00"), r.year());
        for (SpendingRollup.Quarter q : r.quarters()) {
            assertEquals(d("49875000.00"), q.rak(), "the plan stays visible");
            assertNull(q.realisasi(), "quarter " + q.quarter());
            assertNull(q.absorption().percent(), "quarter " + q.quarter());
            assertFalse(q.absorption().computable(), "quarter " + q.quarter());
        }
        assertEquals(Collections.nCopies(12, null), r.months());
        // the year's absorption is untouched: 198468000 / 199500000 x 100 = 99.4827... -> 99.48
        assertEquals(d("99.48"), Absorption.of(d("199500000.00"), r.year()).percent());
    }

    /** Dated entries on top of a year total: each quarter may hold part of the total, so none is known. */
    @Test
    void dated_spending_next_to_a_year_total_leaves_the_quarters_unknown_and_counts_both_in_the_year() {
        SpendingRollup r = SpendingRollup.of(Map.of(2, d("100.00"), 11, d("25.50")), d("300.00"),
                List.of(d("200.00"), d("200.00"), d("0.00"), d("200.00")));
        assertFalse(r.knownByMonth());
        // 100.00 + 25.50 dated + 300.00 undated
        assertEquals(d("425.50"), r.year());
        assertEquals(d("300.00"), r.undated());
        r.quarters().forEach(q -> {
            assertNull(q.realisasi());
            assertFalse(q.absorption().computable());
        });
        assertTrue(r.months().stream().allMatch(java.util.Objects::isNull));
    }

    @Test
    void a_year_total_without_a_plan_is_not_computable_either() {
        SpendingRollup r = SpendingRollup.of(Map.of(), d("10.00"), Arrays.asList(null, null, null, null));
        assertNull(r.quarters().get(0).rak());
        assertNull(r.quarters().get(0).realisasi());
        assertFalse(r.quarters().get(0).absorption().computable());
    }

    @Test
    void undated_spending_is_never_negative() {
        assertThrows(IllegalArgumentException.class, () -> SpendingRollup.of(Map.of(), d("-0.01"), List.of()));
        assertThrows(NullPointerException.class, () -> SpendingRollup.of(Map.of(), null, List.of()));
    }

    /** The event's quarters (summed by quarter in SQL) follow the view's rule: dated sums, or none while any is undated. */
    @Test
    void quarters_summed_elsewhere_follow_the_same_rule() {
        List<BigDecimal> dated = List.of(d("100"), d("0.5"), d("0.00"), d("7.25"));
        assertEquals(List.of(d("100.00"), d("0.50"), d("0.00"), d("7.25")), SpendingRollup.quarterRealisasi(dated, d("0")));
        assertEquals("month", SpendingRollup.knownBy(d("0.00")));
        assertEquals(Collections.nCopies(4, null), SpendingRollup.quarterRealisasi(dated, d("198468000.00")));
        assertEquals("year", SpendingRollup.knownBy(d("198468000.00")));
        // the same answer as the roll-up by month, in both cases
        SpendingRollup byMonth = SpendingRollup.of(Map.of(2, d("100"), 5, d("0.5"), 12, d("7.25")), d("0"), null);
        assertEquals(byMonth.quarters().stream().map(SpendingRollup.Quarter::realisasi).toList(),
                SpendingRollup.quarterRealisasi(dated, d("0")));
        SpendingRollup withTotal = SpendingRollup.of(Map.of(2, d("100")), d("5"), null);
        assertEquals(withTotal.quarters().stream().map(SpendingRollup.Quarter::realisasi).toList(),
                SpendingRollup.quarterRealisasi(dated, d("5")));
        assertThrows(IllegalArgumentException.class, () -> SpendingRollup.quarterRealisasi(List.of(d("1")), d("0")));
    }
}
