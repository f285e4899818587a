package id.go.maluku.sakip.reporting.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed's printed capaian, realisasi and target figures against the computed ones. */
class StatedFigureRuleTest {

    static BigDecimal d(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    static ReviewInput input(ReviewInput.StatedFigure... figures) {
        return new ReviewInput("dinsos-maluku", "Dinas Sosial Provinsi Maluku", 2022, List.of(), List.of(), List.of(),
                List.of(), List.of(figures), Map.of(), List.of());
    }

    /** A figure as the service hands it over: the stated text read, next to the computed values. */
    static ReviewInput.StatedFigure figure(String where, ReviewInput.Figure kind, String stated, String unit,
                                           String computed, String capped, String why) {
        return new ReviewInput.StatedFigure(where, kind, stated, StatedText.read(stated).value(), unit, d(computed),
                d(capped), why);
    }

    static List<Finding> check(ReviewInput.StatedFigure... figures) {
        return new StatedFigureRule().check(input(figures));
    }

    @Test
    void figures_that_agree_with_the_computation_are_not_findings() {
        assertEquals(List.of(), check(
                // Tabel 3.1 and 3.13: printed as computed
                figure("Tabel 3.1, IK1, capaian 2022", ReviewInput.Figure.CAPAIAN, "100 %", "kegiatan", "100.00", "100.00", null),
                figure("Tabel 3.13, IK5, capaian 2022", ReviewInput.Figure.CAPAIAN, "200 %", "KK", "200.00", "200.00", null),
                figure("Tabel 3.13, IK5, realisasi 2022", ReviewInput.Figure.REALISASI, "300", "KK", "300.0000", null, null),
                figure("Tabel 3.2, IK1, realisasi 2021", ReviewInput.Figure.REALISASI, "24 Kegiatan", "kegiatan", "24", null, null),
                figure("Tabel 3.3, IK1, target 2023", ReviewInput.Figure.TARGET, "20 kegiatan", "kegiatan", "20.0000", null, null),
                // a printer's rounding: 87,81 printed as 88, 141,18 as 141,2
                figure("X, IK1, capaian 2022", ReviewInput.Figure.CAPAIAN, "88%", "kegiatan", "87.81", "87.81", null),
                figure("X, IK1, capaian 2021", ReviewInput.Figure.CAPAIAN, "141,2 %", "kegiatan", "141.18", "141.18", null),
                // an agency capping at 100 may print the capped value
                figure("X, IK2, capaian 2022", ReviewInput.Figure.CAPAIAN, "100 %", "%", "137.93", "100.00", null)));
    }

    @Test
    void the_seeds_second_statements_of_sasaran_3_disagree_with_the_realisasi_counted() {
        List<Finding> findings = check(
                figure("Tabel 3.10, IK3, realisasi 2021", ReviewInput.Figure.REALISASI, "2 Lokasi", "lokasi", "3.0000", null, null),
                figure("Tabel 3.10, IK3, realisasi 2022", ReviewInput.Figure.REALISASI, "3 lokasi", "lokasi", "0.0000", null, null),
                figure("Tabel 3.10, IK3, capaian 2022", ReviewInput.Figure.CAPAIAN, "0 %", "lokasi", "0.00", "0.00", null));
        assertEquals(List.of(
                new Finding("stated-figure-disagrees", "Tabel 3.10, IK3, realisasi 2021", "2 Lokasi", "3 lokasi", Finding.Severity.ERROR),
                new Finding("stated-figure-disagrees", "Tabel 3.10, IK3, realisasi 2022", "3 lokasi", "0 lokasi", Finding.Severity.ERROR)),
                findings);
    }

    @Test
    void a_capaian_that_disagrees_shows_the_computed_raw_and_capped_values() {
        List<Finding> findings = check(
                figure("Tabel 3.6, IK2, capaian 2021", ReviewInput.Figure.CAPAIAN, "350 %", "kegiatan", "100.00", "100.00", null),
                figure("Tabel 3.2, IK1, capaian 2021", ReviewInput.Figure.CAPAIAN, "141,18 %", "kegiatan", "141.17", "141.17", null),
                figure("X, IK4, capaian 2022", ReviewInput.Figure.CAPAIAN, "90 %", "%", "137.93", "100.00", null));
        assertEquals(List.of("350 %", "141,18 %", "90 %"), findings.stream().map(Finding::stated).toList());
        assertEquals(List.of("100,00 %", "141,17 %", "137,93 % (diakui 100,00 %)"), findings.stream().map(Finding::computed).toList());
        assertTrue(findings.stream().allMatch(f -> f.severity() == Finding.Severity.ERROR));
    }

    @Test
    void a_printed_figure_the_system_cannot_compute_is_a_warning_with_the_reason() {
        List<Finding> findings = check(
                figure("Tabel 3.2, IK1, capaian 2021", ReviewInput.Figure.CAPAIAN, "141,18 %", "kegiatan", null, null,
                        "no target for the period"),
                figure("Tabel 3.7, IK2, realisasi 2018", ReviewInput.Figure.REALISASI, "9 kegiatan", "kegiatan", null, null,
                        "no realisasi for 2018"));
        assertEquals(List.of(
                new Finding("stated-figure-disagrees", "Tabel 3.2, IK1, capaian 2021", "141,18 %",
                        "tidak dapat dihitung: no target for the period", Finding.Severity.WARNING),
                new Finding("stated-figure-disagrees", "Tabel 3.7, IK2, realisasi 2018", "9 kegiatan", "no realisasi for 2018",
                        Finding.Severity.WARNING)), findings);
    }

    @ParameterizedTest(name = "{0} against {1} computed to {2} decimals: {3}")
    @CsvSource({
            // compared at the printed figure's decimals, never finer than the computed value has
            "141.18, 141.18, 2, true",
            "141.18, 141.17, 2, false",
            "141.2, 141.18, 2, true",
            "141, 141.18, 2, true",
            "141.183, 141.18, 2, true",
            "141.18, 141.184, 2, true",
            "79.81, 79.8129, 2, true",
            "34.48, 34.5, 1, true",
            "34.48, 34.6, 1, false",
            "24, 24.0000, 2147483647, true",
            "2.5, 2.4, 2147483647, false",
            "3, 0, 2147483647, false"
    })
    void precision(String stated, String computed, int decimals, boolean agrees) {
        // (2147483647: a quantity, computed exactly)
        assertEquals(agrees, StatedFigureRule.agrees(new BigDecimal(stated), new BigDecimal(computed), decimals));
    }

    // ---- issue 23 point 3: each printed figure at the precision it was printed with

    @ParameterizedTest(name = "T 7, R 5 (71,4286 %, computed 71,43): printed {0} is a finding: {1}")
    @CsvSource(delimiter = '|', value = {
            // two decimals printed: 71,4286 at two decimals is 71,43, so 71,42 is wrong
            "71,42 %  | true",
            "71,43 %  | false",
            // one decimal: 71,4; none: 71
            "71,4 %   | false",
            "71,5 %   | true",
            "71 %     | false",
            "72 %     | true",
            // finer than the engine's two decimals: compared at two (71,4286 and 71,43 agree there)
            "71,4286 % | false",
    })
    void a_capaian_is_compared_at_the_precision_it_was_printed_with(String stated, boolean finding) {
        // 5 / 7 x 100 = 71,428571..., the engine's capaian 71,43
        List<Finding> findings = check(figure("Tabel 3.1, IK9, capaian 2022", ReviewInput.Figure.CAPAIAN, stated, "%", "71.43",
                "71.43", null));
        assertEquals(finding, !findings.isEmpty(), findings.toString());
        if (finding) {
            assertEquals("71,43 %", findings.get(0).computed());
        }
    }

    @Test
    void a_quantity_is_compared_at_the_precision_it_was_printed_with() {
        // realisasi 2,456: printed 2,46 agrees, 2,45 does not, 2,5 agrees, 2 agrees (a whole number printed)
        assertEquals(List.of("2,45"), check(
                figure("A", ReviewInput.Figure.REALISASI, "2,46", null, "2.4560", null, null),
                figure("B", ReviewInput.Figure.REALISASI, "2,45", null, "2.4560", null, null),
                figure("C", ReviewInput.Figure.REALISASI, "2,5", null, "2.4560", null, null),
                figure("D", ReviewInput.Figure.REALISASI, "2", null, "2.4560", null, null)).stream().map(Finding::stated).toList());
    }

    @ParameterizedTest(name = "[{0}] is {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "141,18 %      | 141.18  | %",
            "98.91 %       | 98.91   | %",
            "100%          | 100     | %",
            "24 Kegiatan   | 24      | Kegiatan",
            "2             | 2       | ",
            "285 KK        | 285     | KK",
            "1.123.840     | 1123840 | ",
            "30,000,000.00 | 30000000.00 | ",
            "1.234,5 %     | 1234.5  | %",
            "-12,5 %       | -12.5   | %",
            "'\u00a079,81\u00a0%' | 79.81 | %"
    })
    void printed_figures_are_read_in_both_conventions(String text, String value, String unit) {
        StatedText read = StatedText.read(text);
        assertEquals(new BigDecimal(value), read.value());
        assertEquals(unit, read.unit());
    }

    @ParameterizedTest(name = "[{0}] is refused")
    @CsvSource(delimiter = '|', value = {
            // a single separator followed by three digits: thousands or decimals? never guessed
            "1.234 kegiatan", "1,234",
            // malformed groups, two decimal separators, nothing after the separator
            "1.23.456", "1.234,56,78", "12. lokasi", ",5 %",
            // no number at all
            "%", "Kegiatan", "-", "-- 5", "''", "WTP"
    })
    void unreadable_figures_are_refused(String text) {
        assertThrows(IllegalArgumentException.class, () -> StatedText.read(text));
    }
}
