package id.go.maluku.sakip.reporting.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class AbsorptionTest {

    static BigDecimal d(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    @ParameterizedTest(name = "{1} of {0} is {2}")
    @CsvSource({
            // the seed's lines
            "547279000, 436802132, 79.81",
            "199500000, 198468000, 99.48",
            "921509332, 886979332, 96.25",
            "100000000, 99790000, 99.79",
            "100, 0, 0.00",
            "100, 120, 120.00",
    })
    void absorption_is_realisasi_over_pagu(String pagu, String realisasi, String expected) {
        Absorption a = Absorption.of(d(pagu), d(realisasi));
        assertEquals(d(expected), a.percent());
    }

    @Test
    void zero_pagu_is_not_computable_never_100() {
        // the seed prints Rp 0 against Rp 0 as 100 %
        Absorption a = Absorption.of(BigDecimal.ZERO, BigDecimal.ZERO);
        assertFalse(a.computable());
        assertNull(a.percent());
        assertFalse(Absorption.of(BigDecimal.ZERO, BigDecimal.TEN).computable());
    }

    record Line(String id, String sasaran, String program, String pagu, String realisasi) {
        Absorption.Line money() {
            return new Absorption.Line(id, d(pagu), d(realisasi));
        }
    }

    @Test
    void a_line_serving_two_sasaran_counts_once_in_totals_and_once_in_each_sasaran() {
        List<Line> rows = List.of(
                new Line("A", "S1", "P2", "547279000", "436802132"),
                new Line("A", "S4", "P2", "547279000", "436802132"),
                new Line("B", "S4", "P1", "199500000", "198468000"));
        Absorption total = Absorption.total(rows.stream().map(Line::money).toList());
        // (436802132 + 198468000) / (547279000 + 199500000)
        assertEquals(d("746779000"), total.pagu());
        assertEquals(d("85.07"), total.percent());
        SortedMap<String, Absorption> bySasaran = Absorption.grouped(rows, Line::money, l -> List.of(l.sasaran()));
        assertEquals(d("79.81"), bySasaran.get("S1").percent());
        assertEquals(d("85.07"), bySasaran.get("S4").percent());
        SortedMap<String, Absorption> byProgram = Absorption.grouped(rows, Line::money, l -> List.of(l.program()));
        assertEquals(d("547279000"), byProgram.get("P2").pagu());
        assertEquals(d("99.48"), byProgram.get("P1").percent());
    }

    @ParameterizedTest(name = "capaian {0}, absorption {1}: ratio {2}, efficiency {3}")
    @CsvSource({
            "100.00, 79.81, 125.30, 20.19",
            "200.00, 99.48, 201.05, 0.52",
            "87.50, 96.00, 91.15, 0.00",
            "100.00, 100.00, 100.00, 0.00",
            "100.00, 120.00, 83.33, 0.00",
    })
    void efficiency_is_capaian_against_absorption(String capaian, String absorption, String ratio, String efficiency) {
        Capaian c = Capaian.computed(d(capaian), CapaianPolicy.DEFAULT);
        Absorption a = Absorption.of(d("100"), d(absorption));
        Efficiency e = Efficiency.of(c, a);
        assertEquals(d(ratio), e.ratio());
        assertEquals(d(efficiency), e.efficiency());
    }

    @Test
    void efficiency_needs_both_sides() {
        Capaian c = Capaian.computed(d("100"), CapaianPolicy.DEFAULT);
        assertFalse(Efficiency.of(c, Absorption.of(BigDecimal.ZERO, BigDecimal.ZERO)).computable());
        assertFalse(Efficiency.of(c, Absorption.of(d("100"), BigDecimal.ZERO)).computable());
        assertFalse(Efficiency.of(Capaian.of(Polarity.POSITIVE, BigDecimal.ZERO, BigDecimal.ONE),
                Absorption.of(d("100"), d("50"))).computable());
    }
}
