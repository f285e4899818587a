package id.go.maluku.sakip.reporting.review;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule on the seed LKIP's own mistakes, and on figures that are right. */
class RulesTest {

    static BigDecimal d(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    static ReviewInput input(List<ReviewInput.BudgetLine> lines, List<ReviewInput.StatedTotal> totals,
                             List<ReviewInput.Statement> statements, List<ReviewInput.IndicatorFigures> indicators,
                             Map<String, String> narratives) {
        return new ReviewInput("dinsos-maluku", "Dinas Sosial Provinsi Maluku", 2022, lines, totals, statements, indicators,
                List.of(), narratives, List.of("Dinas Sosial Provinsi Jawa Barat"));
    }

    @Nested
    class StatedPercent {
        @Test
        void the_seeds_98_91_for_79_81_is_found_and_rounding_is_not() {
            List<Finding> findings = new StatedPercentRule().check(input(List.of(
                    new ReviewInput.BudgetLine("Tabel 3.12 no 4", "penyediaan-permakanan-psbr", d("547279000"), d("436802132"), d("98.91")),
                    new ReviewInput.BudgetLine("Tabel 3.12 no 1", "permakanan-pstw", d("1123840000"), d("786717400"), d("70")),
                    new ReviewInput.BudgetLine("Tabel 3.8 no 1", "psm", d("60780000"), d("56140000"), d("92.36"))),
                    List.of(), List.of(), List.of(), Map.of()));
            assertEquals(List.of(new Finding("stated-percent-disagrees", "Tabel 3.12 no 4", "98.91 %", "79.81 %",
                    Finding.Severity.ERROR)), findings);
        }
    }

    @Nested
    class Totals {
        @Test
        void the_seeds_personnel_rows_and_total_are_found() {
            List<Finding> findings = new TotalRule().check(input(List.of(), List.of(
                    new ReviewInput.StatedTotal("Pendidikan / SMP", d("3"), List.of(d("2"), d("0"))),
                    new ReviewInput.StatedTotal("Pendidikan / SMA", d("36"), List.of(d("8"), d("15"), d("12"), d("1"))),
                    new ReviewInput.StatedTotal("Pendidikan / jumlah", d("106"), List.of(d("1"), d("2"), d("36"), d("4"), d("90"), d("9")))),
                    List.of(), List.of(), Map.of()));
            assertEquals(2, findings.size());
            assertEquals("2", findings.get(0).computed());
            assertEquals("142", findings.get(1).computed());
        }
    }

    @Nested
    class SameFact {
        @Test
        void a_realisasi_stated_twice_and_a_line_printed_under_two_sasaran_at_two_percentages() {
            List<Finding> findings = new SameFactRule().check(input(List.of(
                    new ReviewInput.BudgetLine("Tabel 3.4 no 10", "permakanan-abh", d("547279000"), d("436802132"), d("80")),
                    new ReviewInput.BudgetLine("Tabel 3.12 no 4", "permakanan-abh", d("547279000"), d("436802132"), d("98.91")),
                    new ReviewInput.BudgetLine("Tabel 3.4 no 2", "pemulangan", d("167894800"), d("147435800"), d("88")),
                    new ReviewInput.BudgetLine("Tabel 3.16 no 1", "pemulangan", d("167894800"), d("147435800"), d("87.81"))),
                    List.of(), List.of(
                    new ReviewInput.Statement("realisasi 2022 of IK3", "Tabel 3.9", d("0")),
                    new ReviewInput.Statement("realisasi 2022 of IK3", "Tabel 3.10", d("3")),
                    new ReviewInput.Statement("realisasi 2022 of IK5", "Tabel 3.13", d("300")),
                    new ReviewInput.Statement("realisasi 2022 of IK5", "Tabel 3.14", d("300"))), List.of(), Map.of()));
            // IK3 0 and 3; the 547.279.000 line at 80 % and 98,91 %; 88 % and 87,81 % agree at whole percents
            assertEquals(2, findings.size(), findings.toString());
            assertEquals("realisasi 2022 of IK3 (Tabel 3.9 / Tabel 3.10)", findings.get(0).where());
            assertEquals("Tabel 3.9: 0; Tabel 3.10: 3", findings.get(0).stated());
            assertEquals("persentase realisasi anggaran (Tabel 3.4 no 10 / Tabel 3.12 no 4)", findings.get(1).where());
            assertEquals("Tabel 3.4 no 10: 80 %; Tabel 3.12 no 4: 98.91 %", findings.get(1).stated());
            assertEquals(Finding.Severity.ERROR, findings.get(1).severity());
        }

        /** A grade stated twice: WDP and WTP are ranks 3 and 4 of TMP, TW, WDP, WTP; the finding names the levels. */
        @Test
        void a_grade_stated_twice_differently_is_named_by_its_levels() {
            List<Finding> findings = new SameFactRule().check(input(List.of(), List.of(), List.of(
                    new ReviewInput.Statement("realisasi 2022 of OPINI", "nilai yang dihitung", d("3"), "WDP"),
                    new ReviewInput.Statement("realisasi 2022 of OPINI", "Tabel 3.2", d("4"), "WTP"),
                    new ReviewInput.Statement("realisasi 2022 of SAKIP", "nilai yang dihitung", d("4"), "B"),
                    new ReviewInput.Statement("realisasi 2022 of SAKIP", "Tabel 3.3", d("4"), "B")), List.of(), Map.of()));
            assertEquals(1, findings.size(), findings.toString());
            assertEquals("nilai yang dihitung: WDP; Tabel 3.2: WTP", findings.get(0).stated());
        }

        @ParameterizedTest(name = "{0} % and {1} % are one printed figure: {2}")
        @CsvSource({
                "88, 87.81, true",
                "87.8, 87.81, true",
                "87.82, 87.81, false",
                "80, 98.91, false",
                "100, 100.00, true",
                "100, 99.5, true",
                "100, 99.4, false",
        })
        void two_printed_percentages_are_compared_at_the_coarser_precision(String a, String b, boolean same) {
            assertEquals(same, SameFactRule.samePrinted(d(a), d(b)));
        }

        @Test
        void one_line_the_same_percentage_under_two_sasaran_is_not_a_finding() {
            assertEquals(List.of(), new SameFactRule().check(input(List.of(
                    new ReviewInput.BudgetLine("sasaran S1: A", "a", d("100"), d("75"), d("75")),
                    new ReviewInput.BudgetLine("sasaran S2: A", "a", d("100"), d("75"), d("75.00")),
                    new ReviewInput.BudgetLine("sasaran S3: A", "a", d("100"), d("75"), null),
                    new ReviewInput.BudgetLine("sasaran S1: B", "b", d("100"), d("10"), d("20"))), List.of(), List.of(),
                    List.of(), Map.of())));
        }
    }

    @Nested
    class Impossible {
        @Test
        void zero_over_zero_as_100_spending_above_pagu_and_missing_halves() {
            List<Finding> findings = new ImpossibleFigureRule().check(input(List.of(
                    new ReviewInput.BudgetLine("Tabel 3.12 (KAT) no 1", "kat", d("0"), d("0"), d("100")),
                    new ReviewInput.BudgetLine("X", "x", d("10"), d("11"), null)), List.of(), List.of(), List.of(
                    new ReviewInput.IndicatorFigures("IK9 2022", null, d("3")),
                    new ReviewInput.IndicatorFigures("IK8 2022", d("3"), null),
                    new ReviewInput.IndicatorFigures("IK1 2022", d("19"), d("19"))), Map.of()));
            assertEquals(List.of("zero-over-zero", "realisasi-above-pagu", "realisasi-without-target",
                    "target-without-realisasi"), findings.stream().map(Finding::rule).toList());
        }

        /**
         * A grade indicator (issue 23): target WDP and realisasi WDP are the third of TMP, TW, WDP,
         * WTP, so ranks 3 and 3; a target level is a target, and the findings name levels, not ranks.
         */
        @Test
        void grades_are_reviewed_as_grades() {
            List<String> opinion = List.of("TMP", "TW", "WDP", "WTP");
            List<Finding> findings = new ImpossibleFigureRule().check(input(List.of(), List.of(), List.of(), List.of(
                    new ReviewInput.IndicatorFigures("OPINI 2022", d("3"), d("3"), opinion),
                    new ReviewInput.IndicatorFigures("OPINI 2021", d("4"), null, opinion),
                    new ReviewInput.IndicatorFigures("OPINI 2020", null, d("2"), opinion),
                    new ReviewInput.IndicatorFigures("OPINI 2019", d("5"), d("2.5"), opinion)), Map.of()));
            assertEquals(List.of(
                    "target-without-realisasi OPINI 2021 WTP / no realisasi",
                    "realisasi-without-target OPINI 2020 TW / no target",
                    "grade-not-on-scale OPINI 2019 5 / one of TMP, TW, WDP, WTP",
                    "grade-not-on-scale OPINI 2019 2.5 / one of TMP, TW, WDP, WTP"),
                    findings.stream().map(f -> f.rule() + " " + f.where() + " " + f.stated() + " / " + f.computed()).toList());
        }
    }

    @Nested
    class Narrative {
        @Test
        void another_year_and_another_agency_are_found_regulation_years_are_not() {
            List<Finding> findings = new NarrativeRule().check(input(List.of(), List.of(), List.of(), List.of(), Map.of(
                    "kata-pengantar", "Berdasarkan Peraturan Menteri Nomor 53 Tahun 2014, LKIP Tahun Anggaran 2020 merupakan "
                            + "wujud nyata pertanggungjawaban; Renstra Tahun 2019 – 2024.",
                    "landasan-hukum", "Dinas Sosial Provinsi Jawa Barat didasarkan pada payung hukum antara lain",
                    "kesimpulan", "Kinerja Tahun 2022 adalah baik; tahun 2021 sebagai pembanding.")));
            assertTrue(findings.stream().anyMatch(f -> f.where().equals("kata-pengantar") && f.stated().equals("Tahun Anggaran 2020")));
            assertTrue(findings.stream().anyMatch(f -> f.where().equals("landasan-hukum")
                    && f.stated().equals("Dinas Sosial Provinsi Jawa Barat")));
            assertTrue(findings.stream().noneMatch(f -> f.where().equals("kesimpulan")));
            assertTrue(findings.stream().noneMatch(f -> f.stated().contains("2014")));
            assertTrue(findings.stream().noneMatch(f -> f.stated().contains("2019")), findings.toString());
        }
    }
}
