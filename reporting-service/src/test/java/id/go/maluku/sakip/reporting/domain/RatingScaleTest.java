package id.go.maluku.sakip.reporting.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RatingScaleTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "200.00, Sangat Tinggi",
            "100.00, Sangat Tinggi",
            "91.00, Sangat Tinggi",
            "90.99, Tinggi",
            "76.00, Tinggi",
            "75.99, Sedang",
            "66.00, Sedang",
            "65.99, Rendah",
            "51.00, Rendah",
            "50.99, Sangat Rendah",
            "0.00, Sangat Rendah",
            "-10.00, Sangat Rendah",
    })
    void permendagri_86_bands_are_half_open(String capaian, String label) {
        assertEquals(label, RatingScale.PERMENDAGRI_86.categorize(new BigDecimal(capaian)));
    }

    @Test
    void an_agency_relabels_and_rescales() {
        RatingScale scale = new RatingScale(List.of(
                new RatingScale.Band(null, new BigDecimal("51"), "Sangat Kurang"),
                new RatingScale.Band(new BigDecimal("51"), null, "Baik")));
        assertEquals("Baik", scale.categorize(new BigDecimal("100")));
        assertEquals("Baik", scale.categorize(new BigDecimal("51")));
        assertEquals("Sangat Kurang", scale.categorize(new BigDecimal("50.99")));
        // the same capaian under the agency's policy and under the default
        CapaianPolicy agency = CapaianPolicy.DEFAULT.with(scale);
        assertEquals("Baik", Capaian.of(Polarity.POSITIVE, Target.number("3"), new BigDecimal("2"), agency).category());
        assertEquals("Sedang", Capaian.of(Polarity.POSITIVE, Target.number("3"), new BigDecimal("2"), CapaianPolicy.DEFAULT)
                .category());
    }

    @Test
    void gaps_overlaps_and_open_middles_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> new RatingScale(List.of(
                new RatingScale.Band(null, new BigDecimal("50"), "a"),
                new RatingScale.Band(new BigDecimal("51"), null, "b"))));
        assertThrows(IllegalArgumentException.class, () -> new RatingScale(List.of(
                new RatingScale.Band(null, new BigDecimal("52"), "a"),
                new RatingScale.Band(new BigDecimal("51"), null, "b"))));
        assertThrows(IllegalArgumentException.class, () -> new RatingScale(List.of(
                new RatingScale.Band(new BigDecimal("0"), null, "a"))));
        assertThrows(IllegalArgumentException.class, () -> new RatingScale(List.of()));
    }
}
