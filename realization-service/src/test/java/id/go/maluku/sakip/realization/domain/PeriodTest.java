package id.go.maluku.sakip.realization.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PeriodTest {

    @ParameterizedTest
    @CsvSource({"Y,Y,0", "y,Y,0", "Q1,Q1,1", "q4,Q4,4", "M1,M01,1", "M03,M03,1", "M04,M04,2", "M12,M12,4"})
    void codes_are_read_and_normalised(String input, String code, int quarter) {
        Period p = Period.parse(input);
        assertEquals(code, p.code());
        assertEquals(quarter, p.quarter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Q0", "Q5", "M00", "M13", "TW1", "2022", " "})
    void other_codes_are_refused_naming_the_period(String input) {
        RuleViolation v = assertThrows(RuleViolation.class, () -> Period.parse(input));
        assertEquals("period", v.field());
        assertEquals(400, v.status());
    }

    @ParameterizedTest
    @CsvSource({"Y,Q3,true", "Y,M11,true", "Y,Y,true", "Q1,M02,true", "Q1,M04,false", "Q1,Q2,false", "Q1,Y,false",
            "M05,M05,true", "M05,Q2,false"})
    void a_lock_covers_its_own_sub_periods(String lock, String other, boolean covers) {
        assertEquals(covers, Period.parse(lock).covers(Period.parse(other)));
    }

    @Test
    void years_outside_2000_2100_are_outside_the_plan() {
        assertEquals(2000, Period.checkYear(2000));
        assertEquals(2100, Period.checkYear(2100));
        assertEquals("year", assertThrows(RuleViolation.class, () -> Period.checkYear(1999)).field());
        assertEquals("year", assertThrows(RuleViolation.class, () -> Period.checkYear(2101)).field());
        assertEquals("year", assertThrows(RuleViolation.class, () -> Period.checkYear(null)).field());
    }
}
