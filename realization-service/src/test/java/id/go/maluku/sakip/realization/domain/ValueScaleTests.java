package id.go.maluku.sakip.realization.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueScaleTests {

    @Test
    void the_unit_decides_the_kind_of_value() {
        assertEquals(ValueScale.NUMERIC, ValueScale.forUnit("KK"));
        assertEquals(ValueScale.NUMERIC, ValueScale.forUnit("%"));
        assertEquals(ValueScale.NUMERIC, ValueScale.forUnit(null));
        assertEquals("predikat", ValueScale.forUnit("Predikat SAKIP").name());
        assertEquals("opini", ValueScale.forUnit("opini").name());
        assertTrue(ValueScale.forUnit("opini").isOrdinal());
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
