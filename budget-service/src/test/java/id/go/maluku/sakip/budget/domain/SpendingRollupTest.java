package id.go.maluku.sakip.budget.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
