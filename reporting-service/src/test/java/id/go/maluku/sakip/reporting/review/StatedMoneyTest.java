package id.go.maluku.sakip.reporting.review;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatedMoneyTest {

    @Test
    void reads_the_amounts_as_the_seed_prints_them() {
        assertEquals(new BigDecimal("921509332.00"), StatedMoney.read("Rp. 921.509.332"));
        assertEquals(new BigDecimal("1121009332.00"), StatedMoney.read("Rp 1.121.009.332"));
        assertEquals(new BigDecimal("1121009332.50"), StatedMoney.read("rp1.121.009.332,50"));
        assertEquals(new BigDecimal("0.00"), StatedMoney.read("Rp 0"));
        assertEquals(new BigDecimal("921509332.00"), StatedMoney.read("\u00A0921509332 "));
    }

    @Test
    void a_dot_always_groups_thousands() {
        assertEquals(new BigDecimal("1500.00"), StatedMoney.read("1.500"));
    }

    @Test
    void refuses_what_is_not_an_amount() {
        for (String bad : new String[]{"", "Rp", "Rp 1.5", "1.50.000", "Rp 1.121.009.332,505", "-5", "1,5 juta", "Rp 12.34.567",
                "US$ 5"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StatedMoney.read(bad), bad);
            assertTrue(e.getMessage().contains("amount of rupiah") || e.getMessage().equals("nothing is stated"), e.getMessage());
        }
    }
}
