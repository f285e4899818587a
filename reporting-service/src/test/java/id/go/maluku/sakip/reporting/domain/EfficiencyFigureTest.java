package id.go.maluku.sakip.reporting.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EfficiencyFigureTest {

    static Capaian capaian(String percent) {
        return new Capaian(Capaian.Status.COMPUTED, new BigDecimal(percent), new BigDecimal(percent), "Sangat Baik", null);
    }

    @Test
    void the_computed_figure_counts_where_none_is_set_by_hand() {
        // target met (104,50 %) with 1.800.000 of 2.000.000 spent: absorption 90,00 %, efficiency 10,00 %
        Efficiency computed = Efficiency.of(capaian("104.50"), Absorption.of(new BigDecimal("2000000"), new BigDecimal("1800000")));
        EfficiencyFigure figure = EfficiencyFigure.computed(computed);
        assertFalse(figure.overridden());
        assertEquals(new BigDecimal("10.00"), figure.figure());
        // ratio 104,50 / 90,00 x 100 = 116,11
        assertEquals(new BigDecimal("116.11"), computed.ratio());
    }

    @Test
    void a_figure_set_by_hand_wins_and_keeps_the_computed_one_beside_it() {
        Efficiency computed = Efficiency.of(capaian("95"), Absorption.of(new BigDecimal("1000"), new BigDecimal("800")));
        assertEquals(new BigDecimal("0.00"), computed.efficiency()); // target not met: no efficiency
        EfficiencyFigure figure = new EfficiencyFigure(computed, new BigDecimal("12.5"), "harga satuan turun setelah lelang ulang");
        assertTrue(figure.overridden());
        assertEquals(new BigDecimal("12.5"), figure.figure());
        assertEquals(new BigDecimal("0.00"), figure.computed().efficiency());
    }

    @Test
    void nothing_to_print_where_it_cannot_be_computed_and_none_is_set() {
        Efficiency none = Efficiency.of(capaian("100"), Absorption.of(BigDecimal.ZERO, BigDecimal.ZERO));
        assertNull(EfficiencyFigure.computed(none).figure());
    }

    @Test
    void a_figure_set_by_hand_needs_a_share_of_the_pagu_and_a_reason() {
        String reason = "harga satuan turun setelah lelang ulang";
        assertNull(EfficiencyFigure.unfitOverride(new BigDecimal("12.50"), reason));
        assertNull(EfficiencyFigure.unfitOverride(BigDecimal.ZERO, reason));
        assertNull(EfficiencyFigure.unfitOverride(new BigDecimal("100"), reason));
        assertTrue(EfficiencyFigure.unfitOverride(null, reason).startsWith("efficiency:"));
        assertTrue(EfficiencyFigure.unfitOverride(new BigDecimal("-0.01"), reason).startsWith("efficiency:"));
        assertTrue(EfficiencyFigure.unfitOverride(new BigDecimal("100.01"), reason).startsWith("efficiency:"));
        assertTrue(EfficiencyFigure.unfitOverride(new BigDecimal("12.505"), reason).contains("two decimals"));
        assertTrue(EfficiencyFigure.unfitOverride(new BigDecimal("12.5"), null).startsWith("justification:"));
        assertTrue(EfficiencyFigure.unfitOverride(new BigDecimal("12.5"), "   ").startsWith("justification:"));
        assertTrue(EfficiencyFigure.unfitOverride(new BigDecimal("12.5"), "lihat data").contains("at least 20"));
        assertTrue(EfficiencyFigure.unfitOverride(new BigDecimal("12.5"), "x".repeat(2001)).contains("at most 2000"));
    }
}
