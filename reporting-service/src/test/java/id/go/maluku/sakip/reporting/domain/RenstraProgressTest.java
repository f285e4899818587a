package id.go.maluku.sakip.reporting.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RenstraProgressTest {

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void past_years_show_realisasi_remaining_years_targets_and_progress_to_the_end_target() {
        Map<Integer, Target> targets = Map.of(2019, Target.number("100"), 2020, Target.number("110"),
                2021, Target.number("150"), 2022, Target.number("150"), 2023, Target.number("175"),
                2024, Target.number("200"));
        Map<Integer, BigDecimal> realisasi = Map.of(2019, d("90"), 2020, d("120"), 2021, d("285"), 2022, d("300"),
                2023, d("400"));
        RenstraProgress p = RenstraProgress.of(2019, 2024, 2022, Polarity.POSITIVE, targets, realisasi, CapaianPolicy.DEFAULT);
        assertEquals(6, p.years().size());
        assertEquals("realisasi", p.years().get(3).kind());
        assertEquals(d("300"), p.years().get(3).realisasi());
        assertEquals("target", p.years().get(4).kind());
        // a value recorded for a year after the report's is not shown
        assertNull(p.years().get(4).realisasi());
        assertEquals("200", p.endTarget().text());
        assertEquals(2022, p.latestYear());
        // 300 against the end target 200
        assertEquals(d("150.00"), p.progress().percent());
    }

    @Test
    void the_latest_realisasi_may_be_of_an_earlier_year_and_polarity_applies() {
        Map<Integer, Target> targets = Map.of(2024, Target.number("5"));
        RenstraProgress p = RenstraProgress.of(2019, 2024, 2022, Polarity.NEGATIVE, targets,
                Map.of(2020, d("7"), 2021, d("6")), CapaianPolicy.DEFAULT);
        assertEquals(2021, p.latestYear());
        // (2 x 5 - 6) / 5
        assertEquals(d("80.00"), p.progress().percent());
    }

    @Test
    void no_end_target_or_no_realisasi_is_said_so() {
        assertEquals(Capaian.Status.NO_TARGET, RenstraProgress.of(2019, 2024, 2022, Polarity.POSITIVE,
                Map.of(2022, Target.number("3")), Map.of(2022, d("3")), CapaianPolicy.DEFAULT).progress().status());
        assertEquals(Capaian.Status.NO_REALISASI, RenstraProgress.of(2019, 2024, 2022, Polarity.POSITIVE,
                Map.of(2024, Target.number("3")), Map.of(), CapaianPolicy.DEFAULT).progress().status());
    }

    @Test
    void comparison_with_last_year() {
        // the seed's S1: 2021 24 against 17 (141.18), 2022 19 against 19 (100)
        Capaian last = Capaian.of(Polarity.POSITIVE, d("17"), d("24"));
        Capaian current = Capaian.of(Polarity.POSITIVE, d("19"), d("19"));
        LastYear comparison = LastYear.of(2021, d("24"), last, current);
        assertEquals(d("141.18"), comparison.capaian().percent());
        assertEquals(d("-41.18"), comparison.change());
        assertNull(LastYear.of(2021, null, Capaian.of(Polarity.POSITIVE, d("17"), null), current).change());
    }
}
