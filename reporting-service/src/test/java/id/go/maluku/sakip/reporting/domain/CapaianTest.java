package id.go.maluku.sakip.reporting.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every capaian rule of domain.md section 2, with hand-computed expected values. */
class CapaianTest {

    static final List<String> PREDIKAT = List.of("D", "C", "CC", "B", "BB", "A", "AA");
    static final List<String> OPINI = List.of("TW", "TMP", "WDP", "WTP");

    static BigDecimal d(String value) {
        return value == null || value.isBlank() ? null : new BigDecimal(value);
    }

    static CapaianPolicy policy(String negativeFormula, String zeroTarget, String ordinalNotMet, String cap) {
        return new CapaianPolicy(1, RatingScale.PERMENDAGRI_86, d(cap),
                CapaianPolicy.parse(CapaianPolicy.NegativeFormula.class, negativeFormula, CapaianPolicy.NegativeFormula.TWO_T_MINUS_R),
                CapaianPolicy.parse(CapaianPolicy.ZeroTarget.class, zeroTarget, CapaianPolicy.ZeroTarget.NOT_COMPUTABLE),
                CapaianPolicy.parse(CapaianPolicy.OrdinalNotMet.class, ordinalNotMet, CapaianPolicy.OrdinalNotMet.ZERO));
    }

    @ParameterizedTest(name = "{0}: T {1}, R {2} gives {3}")
    @CsvSource({
            // the seed's 2022 Perjanjian Kinerja
            "positive, 19, 19, 100.00",
            "positive, 3, 3, 100.00",
            "positive, 3, 0, 0.00",
            // domain.md: 300 KK against 150 KK is 200 %, uncapped in the seed
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
    void numeric_capaian_under_the_default_policy(String polarity, String target, String realisasi, String expected) {
        Capaian capaian = Capaian.of(Polarity.of(polarity), d(target), d(realisasi));
        assertEquals(Capaian.Status.COMPUTED, capaian.status());
        assertEquals(d(expected), capaian.percent());
        assertEquals(d(expected), capaian.raw());
    }

    @ParameterizedTest(name = "negative {0}: T {1}, R {2} gives {3} {4}")
    @CsvSource({
            "TWO_T_MINUS_R, 7, 6.5, COMPUTED, 107.14",
            "TWO_T_MINUS_R, 8, 9, COMPUTED, 87.50",
            // the alternative seen in regional systems: T / R
            "T_OVER_R, 7, 6.5, COMPUTED, 107.69",
            "T_OVER_R, 8, 9, COMPUTED, 88.89",
            "T_OVER_R, 8, 8, COMPUTED, 100.00",
            "T_OVER_R, 8, 0, NOT_COMPUTABLE, ",
    })
    void negative_polarity_follows_the_agency_formula(String formula, String t, String r, String status, String expected) {
        Capaian capaian = Capaian.of(Polarity.NEGATIVE, Target.number(t), d(r), policy(formula, null, null, null));
        assertEquals(Capaian.Status.valueOf(status), capaian.status());
        assertEquals(d(expected), capaian.percent());
    }

    @ParameterizedTest(name = "range [{0}, {1}], R {2}, {3}: {4}")
    @CsvSource({
            "80, 90, 85, TWO_T_MINUS_R, 100.00",
            "80, 90, 80, TWO_T_MINUS_R, 100.00",
            "80, 90, 90, TWO_T_MINUS_R, 100.00",
            // above: the upper bound as lower-is-better, (2 x 90 - 95) / 90
            "80, 90, 95, TWO_T_MINUS_R, 94.44",
            "80, 90, 95, T_OVER_R, 94.74",
            // below: the lower bound as higher-is-better, 72 / 80
            "80, 90, 72, TWO_T_MINUS_R, 90.00",
            "80, 90, 72, T_OVER_R, 90.00",
            "0, 10, 12, TWO_T_MINUS_R, 80.00",
            "0, 0, 0, TWO_T_MINUS_R, 100.00",
    })
    void range_targets(String low, String high, String r, String formula, String expected) {
        Capaian capaian = Capaian.of(Polarity.RANGE, Target.range(d(low), d(high)), d(r), policy(formula, null, null, null));
        assertEquals(Capaian.Status.COMPUTED, capaian.status());
        assertEquals(d(expected), capaian.percent());
    }

    @Test
    void a_range_exceeded_above_a_zero_upper_bound_is_not_computable() {
        Capaian capaian = Capaian.of(Polarity.RANGE, Target.range(BigDecimal.ZERO, BigDecimal.ZERO), BigDecimal.ONE,
                CapaianPolicy.DEFAULT);
        assertEquals(Capaian.Status.NOT_COMPUTABLE, capaian.status());
    }

    @ParameterizedTest(name = "{0}, T 0, R {1}, {2}: {3} {4}")
    @CsvSource({
            "positive, 0, NOT_COMPUTABLE, NOT_COMPUTABLE, ",
            "positive, 5, NOT_COMPUTABLE, NOT_COMPUTABLE, ",
            "negative, 0, NOT_COMPUTABLE, NOT_COMPUTABLE, ",
            "negative, 3, NOT_COMPUTABLE, NOT_COMPUTABLE, ",
            // the stated policy: negative polarity, T 0 and R 0 gives 100
            "negative, 0, NEGATIVE_ZERO_IS_100, COMPUTED, 100.00",
            "negative, 1, NEGATIVE_ZERO_IS_100, NOT_COMPUTABLE, ",
            "positive, 0, NEGATIVE_ZERO_IS_100, NOT_COMPUTABLE, ",
    })
    void zero_targets(String polarity, String r, String zeroPolicy, String status, String expected) {
        Capaian capaian = Capaian.of(Polarity.of(polarity), Target.number("0"), d(r), policy(null, zeroPolicy, null, null));
        assertEquals(Capaian.Status.valueOf(status), capaian.status());
        assertEquals(d(expected), capaian.percent());
        if (capaian.status() == Capaian.Status.NOT_COMPUTABLE) {
            assertEquals("target is 0: capaian tidak dapat dihitung", capaian.reason());
        }
    }

    @ParameterizedTest(name = "predikat target {0}, realisasi rank {1}, {2}: {3} {4}")
    @CsvSource({
            "B, 4, ZERO, 100.00, Sangat Tinggi",
            "B, 6, ZERO, 100.00, Sangat Tinggi",
            "B, 7, PROPORTIONAL, 100.00, Sangat Tinggi",
            "B, 3, ZERO, 0.00, Sangat Rendah",
            // proportional: rank 3 (CC) over rank 4 (B)
            "B, 3, PROPORTIONAL, 75.00, Sedang",
            "B, 2, PROPORTIONAL, 50.00, Sangat Rendah",
            "D, 1, ZERO, 100.00, Sangat Tinggi",
    })
    void ordinal_targets(String level, int rank, String notMet, String expected, String category) {
        Capaian capaian = Capaian.of(Polarity.ORDINAL, Target.ordinal(level, PREDIKAT), BigDecimal.valueOf(rank),
                policy(null, null, notMet, null));
        assertEquals(d(expected), capaian.percent());
        assertEquals(category, capaian.category());
    }

    @Test
    void audit_opinion_wdp_against_wtp() {
        Target wtp = Target.ordinal("WTP", OPINI);
        assertEquals(4, wtp.rank());
        assertEquals(d("75.00"), Capaian.of(Polarity.ORDINAL, wtp, d("3"), policy(null, null, "PROPORTIONAL", null)).percent());
        assertEquals(d("0.00"), Capaian.of(Polarity.ORDINAL, wtp, d("3"), CapaianPolicy.DEFAULT).percent());
        assertThrows(IllegalArgumentException.class, () -> Target.ordinal("XYZ", OPINI));
    }

    @ParameterizedTest(name = "T {0}, R {1}, cap {2}: raw {3}, reported {4}")
    @CsvSource({
            // domain.md: a disability indicator T 25 %, R 34.48 %, capped at 100
            "25, 34.48, 100, 137.92, 100.00",
            "25, 34.48, , 137.92, 137.92",
            // the seed does not cap: 300 KK against 150
            "150, 300, , 200.00, 200.00",
            "150, 300, 120, 200.00, 120.00",
            "150, 300, 150, 200.00, 150.00",
            "17, 24, 110, 141.18, 110.00",
            "17, 24, 150, 141.18, 141.18",
            "8, 7, 100, 87.50, 87.50",
    })
    void raw_is_kept_and_the_reported_value_is_capped_per_policy(String t, String r, String cap, String raw, String reported) {
        Capaian capaian = Capaian.of(Polarity.POSITIVE, Target.number(t), d(r), policy(null, null, null, cap));
        assertEquals(d(raw), capaian.raw());
        assertEquals(d(reported), capaian.percent());
    }

    @Test
    void a_cap_is_one_of_the_stated_values() {
        assertThrows(IllegalArgumentException.class, () -> policy(null, null, null, "130"));
        assertThrows(IllegalArgumentException.class, () -> policy(null, null, null, "100.5"));
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
    void a_target_of_the_wrong_kind_is_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> Capaian.of(Polarity.RANGE, Target.number("3"), BigDecimal.ONE, CapaianPolicy.DEFAULT));
        assertThrows(IllegalArgumentException.class,
                () -> Capaian.of(Polarity.POSITIVE, Target.range(d("1"), d("2")), BigDecimal.ONE, CapaianPolicy.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> Target.range(d("9"), d("2")));
    }

    @Test
    void sasaran_is_the_mean_of_its_computable_indicators() {
        Capaian mean = Capaian.mean(List.of(
                Capaian.of(Polarity.POSITIVE, new BigDecimal("150"), new BigDecimal("300")),
                Capaian.of(Polarity.NEGATIVE, new BigDecimal("8"), new BigDecimal("9")),
                Capaian.of(Polarity.POSITIVE, new BigDecimal("3"), null)));
        // (200 + 87.5) / 2
        assertEquals(new BigDecimal("143.75"), mean.percent());
        assertEquals(Capaian.Status.NO_REALISASI,
                Capaian.mean(List.of(Capaian.of(Polarity.POSITIVE, BigDecimal.ONE, null))).status());
        assertEquals(Capaian.Status.NOT_COMPUTABLE,
                Capaian.mean(List.of(Capaian.of(Polarity.POSITIVE, BigDecimal.ZERO, BigDecimal.ONE))).status());
    }

    @Test
    void seed_2022_agency_mean_of_its_five_sasaran() {
        List<Capaian> sasaran = new ArrayList<>();
        String[][] plan = {{"19", "19"}, {"3", "3"}, {"3", "0"}, {"3", "3"}, {"150", "300"}};
        for (String[] tr : plan) {
            sasaran.add(Capaian.mean(List.of(Capaian.of(Polarity.POSITIVE, d(tr[0]), d(tr[1])))));
        }
        // (100 + 100 + 0 + 100 + 200) / 5
        assertEquals(d("100.00"), Capaian.mean(sasaran).percent());
        assertEquals(d("0.00"), sasaran.get(2).percent());
        assertEquals("Sangat Rendah", sasaran.get(2).category());
    }

    @Test
    void weighted_mean_where_every_indicator_has_a_weight() {
        Capaian a = Capaian.of(Polarity.POSITIVE, d("150"), d("300"));
        Capaian b = Capaian.of(Polarity.NEGATIVE, d("8"), d("9"));
        // (200 x 1 + 87.5 x 3) / 4 = 115.625
        assertEquals(d("115.63"), Capaian.mean(List.of(new Capaian.Weighted(a, d("1")), new Capaian.Weighted(b, d("3"))),
                CapaianPolicy.DEFAULT).percent());
        // one weight missing: the plain mean
        assertEquals(d("143.75"), Capaian.mean(List.of(new Capaian.Weighted(a, d("1")), new Capaian.Weighted(b, null)),
                CapaianPolicy.DEFAULT).percent());
    }

    @Test
    void sasaran_mean_of_raw_and_of_capped_values() {
        CapaianPolicy cap100 = policy(null, null, null, "100");
        Capaian disability = Capaian.of(Polarity.POSITIVE, Target.number("25"), d("34.48"), cap100);
        Capaian other = Capaian.of(Polarity.NEGATIVE, Target.number("8"), d("9"), cap100);
        Capaian sasaran = Capaian.mean(List.of(new Capaian.Weighted(disability, d("2")), new Capaian.Weighted(other, d("1"))),
                cap100);
        // raw (137.92 x 2 + 87.5) / 3 = 121.113..., reported (100 x 2 + 87.5) / 3 = 95.833...
        assertEquals(d("121.11"), sasaran.raw());
        assertEquals(d("95.83"), sasaran.percent());
        assertEquals("Sangat Tinggi", sasaran.category());
    }

    // ---- issue 23 point 1: what the category is taken from

    static CapaianPolicy basis(String cap, String basis, CapaianPolicy.TargetLabels labels) {
        return policy(null, null, null, cap).with(CapaianPolicy.CategoryBasis.valueOf(basis), labels);
    }

    /** A scale that tells 100 from above it: below 91, 91 to 101, from 101. */
    static final RatingScale AROUND_100 = new RatingScale(List.of(
            new RatingScale.Band(null, d("91"), "Kurang"),
            new RatingScale.Band(d("91"), d("101"), "Baik"),
            new RatingScale.Band(d("101"), null, "Sangat Baik")));

    @ParameterizedTest(name = "{0} T {1}, R {2}, cap 100, basis {3}: {4}")
    @CsvSource({
            // capped at 100, R > T and R = T both report 100: the band of the reported value cannot tell them apart
            "positive, 25, 34.48, CAPPED, Sangat Tinggi",
            "positive, 25, 25, CAPPED, Sangat Tinggi",
            // the raw value: 137.92 and 100
            "positive, 25, 34.48, RAW, Sangat Tinggi",
            "positive, 25, 20, RAW, Tinggi",
            // realisasi against target, the usual labels
            "positive, 25, 34.48, TARGET, Terlampaui",
            "positive, 25, 25, TARGET, Tercapai",
            "positive, 25, 24.99, TARGET, Tidak Tercapai",
            // lower is better: (2 x 8 - 8) / 8 = 100, (2 x 7 - 6.5) / 7 = 107.14, (2 x 8 - 9) / 8 = 87.5
            "negative, 8, 8, TARGET, Tercapai",
            "negative, 7, 6.5, TARGET, Terlampaui",
            "negative, 8, 9, TARGET, Tidak Tercapai",
            // 100.001 against 100 rounds to a raw 100.00, yet exceeds the target: judged unrounded
            "positive, 100, 100.001, TARGET, Terlampaui",
    })
    void the_category_is_taken_from_what_the_policy_says(String polarity, String t, String r, String basis, String category) {
        Capaian capaian = Capaian.of(Polarity.of(polarity), Target.number(t), d(r), basis("100", basis, null));
        assertEquals(category, capaian.category());
    }

    @Test
    void raw_against_capped_bands_on_a_scale_that_tells_100_from_above() {
        // T 10, R 12: raw 120, reported 100 under a cap of 100
        CapaianPolicy capped = basis("100", "CAPPED", null).with(AROUND_100);
        CapaianPolicy raw = basis("100", "RAW", null).with(AROUND_100);
        assertEquals("Baik", Capaian.of(Polarity.POSITIVE, Target.number("10"), d("12"), capped).category());
        assertEquals("Sangat Baik", Capaian.of(Polarity.POSITIVE, Target.number("10"), d("12"), raw).category());
        assertEquals("Baik", Capaian.of(Polarity.POSITIVE, Target.number("10"), d("10"), raw).category());
        assertEquals(d("100.00"), Capaian.of(Polarity.POSITIVE, Target.number("10"), d("12"), raw).percent());
    }

    @ParameterizedTest(name = "range [80, 90], R {0}: {1}")
    @CsvSource({
            "85, Sudah",
            "80, Sudah",
            // outside the range is short of it on either side: 94.44 above, 87.5 below
            "95, Belum",
            "70, Belum",
    })
    void a_range_is_met_inside_and_not_outside_in_the_agencys_words(String r, String category) {
        CapaianPolicy policy = basis(null, "TARGET", new CapaianPolicy.TargetLabels("Belum", "Sudah", "Lebih"));
        assertEquals(category, Capaian.of(Polarity.RANGE, Target.range(d("80"), d("90")), d(r), policy).category());
    }

    @ParameterizedTest(name = "predikat target B, realisasi rank {0}: {1} {2}")
    @CsvSource({
            // A (rank 6) above B (rank 4): 100 % like B itself, but exceeded
            "6, 100.00, Terlampaui",
            "4, 100.00, Tercapai",
            "3, 0.00, Tidak Tercapai",
    })
    void an_ordinal_level_above_the_target_exceeds_it(int rank, String percent, String category) {
        Capaian capaian = Capaian.of(Polarity.ORDINAL, Target.ordinal("B", PREDIKAT), BigDecimal.valueOf(rank),
                basis(null, "TARGET", null));
        assertEquals(d(percent), capaian.percent());
        assertEquals(category, capaian.category());
    }

    @ParameterizedTest(name = "sasaran of T/R {0} and {1}, cap 100: reported {2} {3}, against target {4}")
    @CsvSource({
            // raw 120 and 80: mean 100, met; reported (100 + 80) / 2 = 90, Tinggi
            "10/12, 10/8, 90.00, Tinggi, Tercapai",
            // raw 150 and 60: mean 105, exceeded; reported (100 + 60) / 2 = 80
            "10/15, 10/6, 80.00, Tinggi, Terlampaui",
            // raw 100 and 99.98 (T 5000, R 4999): mean 99.99, not met
            "10/10, 5000/4999, 99.99, Sangat Tinggi, Tidak Tercapai",
    })
    void a_sasaran_and_the_agency_take_the_category_from_the_same_basis(String a, String b, String reported,
                                                                          String capped, String versusTarget) {
        List<Capaian.Weighted> indicators = new ArrayList<>();
        for (String tr : List.of(a, b)) {
            String[] parts = tr.split("/");
            indicators.add(new Capaian.Weighted(Capaian.of(Polarity.POSITIVE, Target.number(parts[0]), d(parts[1]),
                    basis("100", "TARGET", null)), null));
        }
        Capaian sasaran = Capaian.mean(indicators, basis("100", "TARGET", null));
        assertEquals(d(reported), sasaran.percent());
        assertEquals(versusTarget, sasaran.category());
        assertEquals(capped, Capaian.mean(indicators, basis("100", "CAPPED", null)).category());
        // the agency: the mean of its sasaran, judged the same way
        Capaian agency = Capaian.mean(List.of(new Capaian.Weighted(sasaran, null)), basis("100", "TARGET", null));
        assertEquals(versusTarget, agency.category());
    }

    @Test
    void target_labels_are_three_different_words() {
        assertEquals(CapaianPolicy.TargetLabels.DEFAULT, basis(null, "TARGET", null).targetLabels());
        assertThrows(IllegalArgumentException.class, () -> new CapaianPolicy.TargetLabels("Belum", "", "Lebih"));
        assertThrows(IllegalArgumentException.class, () -> new CapaianPolicy.TargetLabels("Belum", "Sudah", "Sudah"));
        assertEquals(CapaianPolicy.CategoryBasis.CAPPED, CapaianPolicy.DEFAULT.categoryBasis());
    }

    @Test
    void a_computed_capaian_needs_a_value_and_any_other_a_reason() {
        assertThrows(IllegalArgumentException.class, () -> new Capaian(Capaian.Status.COMPUTED, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Capaian(Capaian.Status.NO_TARGET, null, null, null, null));
    }
}
