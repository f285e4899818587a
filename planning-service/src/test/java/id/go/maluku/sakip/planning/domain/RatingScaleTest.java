package id.go.maluku.sakip.planning.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatingScaleTest {

    static BigDecimal d(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "0, Sangat Rendah", "50.99, Sangat Rendah", "51, Rendah", "65.99, Rendah", "66, Sedang",
            "75.99, Sedang", "76, Tinggi", "90.99, Tinggi", "91, Sangat Tinggi", "200, Sangat Tinggi",
            "-10, Sangat Rendah"
    })
    void the_default_scale_puts_each_capaian_in_exactly_one_band(String capaian, String label) {
        assertEquals(label, RatingScale.permendagri86().categorize(new BigDecimal(capaian)));
    }

    @Test
    void a_gap_is_rejected_naming_the_band() {
        List<String> problems = RatingScale.problems(List.of(
                new RatingScale.Band(null, d("50"), "Kurang"),
                new RatingScale.Band(d("60"), null, "Baik")));
        assertEquals(List.of("bands[1].from: gap between 50 and 60"), problems);
    }

    @Test
    void an_overlap_is_rejected() {
        List<String> problems = RatingScale.problems(List.of(
                new RatingScale.Band(null, d("70"), "Kurang"),
                new RatingScale.Band(d("60"), null, "Baik")));
        assertEquals(List.of("bands[1].from: overlaps the band before, which ends at 70"), problems);
    }

    @Test
    void bands_must_cover_everything_and_be_well_formed() {
        List<String> problems = RatingScale.problems(List.of(
                new RatingScale.Band(d("0"), d("50"), "Kurang"),
                new RatingScale.Band(d("50"), d("40"), ""),
                new RatingScale.Band(d("40"), d("100"), "Baik")));
        assertTrue(problems.contains("bands[0].from: the lowest band must be open below (no 'from'), or some capaian fall in no band"));
        assertTrue(problems.contains("bands[1].label: required"));
        assertTrue(problems.contains("bands[1]: 'from' must be below 'to'"));
        assertTrue(problems.contains("bands[2].to: the highest band must be open above (no 'to'), or some capaian fall in no band"));
        assertThrows(IllegalArgumentException.class, () -> new RatingScale(List.of()));
    }
}
