package id.go.maluku.sakip.e2e;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One default across the services (issue 23, point 6): an indicator whose plan states no
 * aggregation takes the last value in planning (what it stores and publishes), in realization's
 * monitoring form and in reporting's capaian. Each service keeps its own enum (no domain code is
 * shared between services); this test, which sees all three built services, holds them equal.
 */
class AggregationDefaultTest {

    @Test
    void planning_realization_and_reporting_default_to_the_last_value() {
        String planning = id.go.maluku.sakip.planning.domain.Aggregation.DEFAULT.name();
        String realization = id.go.maluku.sakip.realization.domain.Aggregation.DEFAULT.name();
        String reporting = id.go.maluku.sakip.reporting.domain.Aggregation.of(null).name();
        assertEquals("LAST", planning);
        assertEquals(planning, realization);
        assertEquals(planning, reporting);
        // and what realization reads when nothing is asked for is "the plan's", not a default of its own
        assertEquals(null, id.go.maluku.sakip.realization.domain.Aggregation.parse(null));
    }
}
