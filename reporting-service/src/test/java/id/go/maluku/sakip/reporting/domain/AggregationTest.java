package id.go.maluku.sakip.reporting.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AggregationTest {

    /** "Q1=10 Q2=20" as a map of period to value. */
    static Map<String, BigDecimal> periods(String text) {
        Map<String, BigDecimal> values = new HashMap<>();
        for (String pair : text.trim().split("\\s+")) {
            String[] kv = pair.split("=");
            values.put(kv[0], new BigDecimal(kv[1]));
        }
        return values;
    }

    @ParameterizedTest(name = "{0} of {1} is {2} from {3}")
    @CsvSource({
            "sum, Q1=10 Q2=20 Q3=30 Q4=25, 85, Q",
            "last, Q1=10 Q2=20 Q3=30 Q4=25, 25, Q",
            "average, Q1=10 Q2=20 Q3=30 Q4=25, 21.25, Q",
            "max, Q1=10 Q2=20 Q3=30 Q4=25, 30, Q",
            // only some quarters reported so far
            "sum, Q1=5 Q2=7, 12, Q",
            "last, Q2=7 Q1=5, 7, Q",
            "average, Q1=5 Q2=7, 6, Q",
            "average, Q1=10 Q2=20 Q3=25, 18.3333, Q",
            "max, Q1=5 Q2=7, 7, Q",
            // months
            "sum, M01=1 M02=2 M12=3, 6, M",
            "last, M12=3 M01=1 M02=2, 3, M",
            "average, M01=1 M02=2 M12=3, 2, M",
            "max, M01=1 M02=9 M12=3, 9, M",
            // a recorded yearly value wins over any aggregation
            "sum, Y=90 Q1=10 Q2=20, 90, Y",
            "max, Q4=1 Y=2, 2, Y",
            // quarters win over months
            "sum, Q1=4 M01=1 M02=1, 4, Q",
    })
    void periods_make_the_year(String aggregation, String values, String expected, String source) {
        Aggregation.YearValue year = Aggregation.of(aggregation).yearly(periods(values));
        assertEquals(0, new BigDecimal(expected).compareTo(year.value()), () -> "got " + year.value());
        assertEquals(source, year.source());
    }

    @Test
    void no_value_no_year_and_last_is_the_default() {
        assertNull(Aggregation.SUM.yearly(Map.of()));
        assertEquals(Aggregation.LAST, Aggregation.of(null));
    }
}
