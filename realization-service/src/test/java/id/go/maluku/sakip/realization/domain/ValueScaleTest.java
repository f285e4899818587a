package id.go.maluku.sakip.realization.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueScaleTest {

    @Test
    void the_unit_decides_the_kind_of_value() {
        assertEquals(ValueScale.NUMERIC, ValueScale.forUnit("KK"));
        assertEquals(ValueScale.NUMERIC, ValueScale.forUnit("%"));
        assertEquals(ValueScale.NUMERIC, ValueScale.forUnit(null));
        assertEquals("predikat", ValueScale.forUnit("Predikat SAKIP").name());
        assertEquals("opini", ValueScale.forUnit("opini").name());
        assertTrue(ValueScale.forUnit("opini").isOrdinal());
    }

    /** The plan decides (issue 23): its polarity gives the kind, its ordered scale the levels, whatever the unit. */
    @Test
    void the_plan_decides_the_kind_and_the_levels() {
        ValueScale opinion = ValueScale.of("ordinal", List.of("TMP", "TW", "WDP", "WTP"), "status");
        assertEquals(List.of("TMP", "TW", "WDP", "WTP"), opinion.levels());
        assertEquals("status", opinion.name());
        // WDP is the third of TMP, TW, WDP, WTP
        assertEquals(new ValueScale.Value(new BigDecimal("3"), "WDP"), opinion.accept("wdp"));
        assertEquals(new ValueScale.Value(new BigDecimal("4"), "WTP"), opinion.accept(" WTP "));
        RuleViolation x = assertThrows(RuleViolation.class, () -> opinion.accept("X"));
        assertEquals("value", x.field());
        assertEquals(400, x.status());
        assertEquals("'X' is not a level of the status scale; allowed: TMP, TW, WDP, WTP", x.getMessage());

        ValueScale abc = ValueScale.of("ordinal", List.of("C", "B", "A"), "nilai");
        assertEquals(new BigDecimal("2"), abc.accept("B").number());
        assertEquals(new BigDecimal("1"), abc.accept("c").number());
        assertThrows(RuleViolation.class, () -> abc.accept("BB"));
        assertThrows(RuleViolation.class, () -> abc.accept(new BigDecimal("2")));

        // an agency's own words, kept as the plan spells them
        ValueScale own = ValueScale.of("ORDINAL", List.of("Kurang", "Cukup", "Baik", "Sangat Baik"), "kategori layanan");
        assertEquals(new ValueScale.Value(new BigDecimal("4"), "Sangat Baik"), own.accept("sangat baik"));

        // a unit that names a scale does not make a numeric indicator a grade one, nor another scale
        assertEquals(ValueScale.NUMERIC, ValueScale.of("positive", null, "predikat"));
        assertEquals(ValueScale.NUMERIC, ValueScale.of("negative", List.of("A", "B"), "opini"));
        assertEquals(ValueScale.NUMERIC, ValueScale.of("range", null, "%"));
        assertEquals(List.of("C", "B", "A"), ValueScale.of("ordinal", List.of("C", "B", "A"), "predikat").levels());
    }

    @Test
    void only_where_the_plan_says_nothing_does_the_unit_decide() {
        // no polarity known: the unit's first word, as before
        assertEquals("predikat", ValueScale.of(null, null, "Predikat SAKIP").name());
        assertEquals(ValueScale.NUMERIC, ValueScale.of(null, null, "status"));
        assertEquals(ValueScale.NUMERIC, ValueScale.of(" ", null, "KK"));
        // ordinal without its levels yet: the unit's usual scale, else nothing is recorded until they come
        assertEquals(List.of("TW", "TMP", "WDP", "WTP"), ValueScale.of("ordinal", List.of(), "opini BPK").levels());
        ValueScale waiting = ValueScale.of("ordinal", null, "status");
        assertTrue(waiting.isOrdinal());
        RuleViolation v = assertThrows(RuleViolation.class, () -> waiting.accept("WDP"));
        assertEquals(409, v.status());
        assertEquals("value", v.field());
    }

    @Test
    void a_plan_scale_is_kept_only_if_its_levels_fit() {
        assertNull(ValueScale.checkLevels(null));
        assertNull(ValueScale.checkLevels(List.of()));
        assertEquals(List.of("TMP", "TW", "WDP", "WTP"), ValueScale.checkLevels(List.of(" TMP", "TW", "WDP", "WTP ")));
        assertEquals(32, ValueScale.checkLevels(List.of("a".repeat(32), "b")).get(0).length());
        for (List<String> bad : List.of(List.of("a".repeat(33), "b"), List.of("A", "a"), List.of("A"), List.of("A", " "))) {
            assertThrows(IllegalArgumentException.class, () -> ValueScale.checkLevels(bad), bad.toString());
        }
    }

    @Test
    void numbers_are_kept_exactly_without_trailing_zeros() {
        ValueScale.Value v = ValueScale.NUMERIC.accept(new BigDecimal("285.50"));
        assertEquals(new BigDecimal("285.5"), v.number());
        assertNull(v.text());
        assertEquals(new BigDecimal("300"), ValueScale.NUMERIC.accept(new BigDecimal("3E+2")).number());
        assertEquals(BigDecimal.ZERO, ValueScale.NUMERIC.accept(BigDecimal.ZERO).number());
    }

    @Test
    void a_number_refuses_text_negatives_and_too_many_decimals() {
        for (Object bad : new Object[]{"tiga", new BigDecimal("-1"), new BigDecimal("1.00001"), null,
                new BigDecimal("12345678901234567")}) {
            RuleViolation v = assertThrows(RuleViolation.class, () -> ValueScale.NUMERIC.accept(bad), String.valueOf(bad));
            assertEquals("value", v.field());
        }
    }

    @Test
    void an_ordinal_value_is_a_level_with_its_rank() {
        ValueScale grade = ValueScale.forUnit("predikat");
        ValueScale.Value bb = grade.accept("bb");
        assertEquals("BB", bb.text());
        assertEquals(new BigDecimal("5"), bb.number());
        assertEquals(new BigDecimal("1"), grade.accept("D").number());
        assertEquals(new BigDecimal("4"), ValueScale.forUnit("opini").accept("WTP").number());
        assertEquals("value", assertThrows(RuleViolation.class, () -> grade.accept(new BigDecimal("3"))).field());
        assertEquals("value", assertThrows(RuleViolation.class, () -> grade.accept("Z")).field());
    }
}
