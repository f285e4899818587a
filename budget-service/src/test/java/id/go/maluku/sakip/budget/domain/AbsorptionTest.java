package id.go.maluku.sakip.budget.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class AbsorptionTest {

    @ParameterizedTest(name = "{1} of {0} is {2} %")
    @CsvSource({
            // figures of the seed LKIP, computed by hand
            "1123840000, 786717400, 70.00",
            "547279000, 436802132, 79.81",
            "60780000, 56140000, 92.37",
            "199500000, 198468000, 99.48",
            "30000000.00, 30000000.00, 100.00",
            "3, 1, 33.33",
            "3, 2, 66.67"
    })
    void is_realisasi_over_pagu_to_two_decimals_half_up(String pagu, String realisasi, String expected) {
        assertEquals(new BigDecimal(expected), Absorption.of(new BigDecimal(pagu), new BigDecimal(realisasi)).percent());
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "0.00, 0"})
    void zero_pagu_is_not_computable_never_100(String pagu, String realisasi) {
        Absorption absorption = Absorption.of(new BigDecimal(pagu), new BigDecimal(realisasi));
        assertFalse(absorption.computable());
        assertNull(absorption.percent());
    }

    @ParameterizedTest
    @CsvSource({
            "1.06.02.2.01.0001, true", "1.06.02.2.01.01, true", "1.06.02.2.01, true", "1.06.02, true",
            "1.06.02.2.01.001, false", "1.6.02.2.01.0001, false", "1.06.02.2.1.0001, false", "abc, false", "'', false"
    })
    void budget_codes_follow_the_official_nomenclature(String code, boolean valid) {
        assertEquals(valid, BudgetCode.valid(code));
    }
}
