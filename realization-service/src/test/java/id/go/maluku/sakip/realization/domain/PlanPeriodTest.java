package id.go.maluku.sakip.realization.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanPeriodTest {

    @Test
    void a_renstra_contains_its_first_and_last_year_and_nothing_beyond() {
        PlanPeriod renstra = new PlanPeriod(2019, 2024);
        assertTrue(renstra.contains(2019));
        assertTrue(renstra.contains(2022));
        assertTrue(renstra.contains(2024));
        assertFalse(renstra.contains(2018));
        assertFalse(renstra.contains(2025));
    }

    @Test
    void a_year_outside_is_refused_naming_the_year_the_period_and_the_agency() {
        RuleViolation refused = assertThrows(RuleViolation.class,
                () -> PlanPeriod.require(new PlanPeriod(2019, 2024), 2025, "dinsos-maluku"));
        assertEquals(400, refused.status());
        assertEquals("year", refused.field());
        assertEquals("2025 is outside the Renstra period 2019-2024 of agency 'dinsos-maluku'", refused.getMessage());
        assertDoesNotThrow(() -> PlanPeriod.require(new PlanPeriod(2019, 2024), 2024, "dinsos-maluku"));
    }

    @Test
    void without_a_renstra_no_year_is_refused_here() {
        assertDoesNotThrow(() -> PlanPeriod.require(null, 2099, "x"));
        assertNull(PlanPeriod.of(null, 2024));
        assertNull(PlanPeriod.of(2019, null));
        assertEquals(new PlanPeriod(2019, 2024), PlanPeriod.of(2019, 2024));
    }

    @Test
    void a_period_that_ends_before_it_starts_is_not_a_period() {
        assertThrows(IllegalArgumentException.class, () -> new PlanPeriod(2024, 2019));
        assertDoesNotThrow(() -> new PlanPeriod(2024, 2024));
    }
}
