package id.go.maluku.sakip.reporting.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CapaianTest {

    @ParameterizedTest(name = "{0}: T {1}, R {2} gives {3}")
    @CsvSource({
            // the seed's 2022 Perjanjian Kinerja
            "positive, 19, 19, 100.00",
            "positive, 3, 3, 100.00",
            "positive, 3, 0, 0.00",
            "positive, 150, 300, 200.00",
            // the seed's 2021 column: 24 kegiatan against a target of 17 is printed as 141,18 %
            "positive, 17, 24, 141.18",
            "positive, 3, 1, 33.33",
            "positive, 3, 2, 66.67",
            // domain.md: negative polarity, (2T - R) / T
            "negative, 7, 6.5, 107.14",
            "negative, 8, 9, 87.50",
            "negative, 8, 8, 100.00",
            "negative, 8, 16, 0.00",
    })
    void indicator_capaian(String polarity, String target, String realisasi, String expected) {
        Capaian capaian = Capaian.of(Polarity.of(polarity), new BigDecimal(target), new BigDecimal(realisasi));
        assertEquals(Capaian.Status.COMPUTED, capaian.status());
        assertEquals(new BigDecimal(expected), capaian.percent());
    }

    @Test
    void a_zero_target_is_not_computable_with_a_reason() {
        Capaian capaian = Capaian.of(Polarity.POSITIVE, BigDecimal.ZERO, BigDecimal.ZERO);
        assertEquals(Capaian.Status.NOT_COMPUTABLE, capaian.status());
        assertNull(capaian.percent());
        assertEquals("target is 0: capaian tidak dapat dihitung", capaian.reason());
    }

    @Test
    void missing_target_or_realisasi_is_said_so() {
        assertEquals(Capaian.Status.NO_TARGET, Capaian.of(Polarity.POSITIVE, null, BigDecimal.ONE).status());
        assertEquals(Capaian.Status.NO_REALISASI, Capaian.of(Polarity.NEGATIVE, BigDecimal.ONE, null).status());
    }

    @Test
    void sasaran_is_the_mean_of_its_computable_indicators() {
        Capaian mean = Capaian.mean(List.of(
                Capaian.of(Polarity.POSITIVE, new BigDecimal("150"), new BigDecimal("300")),
                Capaian.of(Polarity.NEGATIVE, new BigDecimal("8"), new BigDecimal("9")),
                Capaian.of(Polarity.POSITIVE, new BigDecimal("3"), null)));
        assertEquals(new BigDecimal("143.75"), mean.percent());
        assertEquals(Capaian.Status.NO_REALISASI,
                Capaian.mean(List.of(Capaian.of(Polarity.POSITIVE, BigDecimal.ONE, null))).status());
    }

    @Test
    void a_computed_capaian_needs_a_value() {
        assertThrows(IllegalArgumentException.class, () -> new Capaian(Capaian.Status.COMPUTED, null, null));
    }
}
