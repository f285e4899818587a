package id.go.maluku.sakip.platform.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The body rules every service shares, on the mapper the REST layer uses. */
class StrictJsonTest {

    record Line(String code, BigDecimal pagu, List<String> links, LocalDate deadline, Boolean dryRun, JsonNode value,
                List<BigDecimal> rak) {
    }

    private static final ObjectMapper JSON = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    private static String refusal(String body) {
        return assertThrows(JsonMappingException.class, () -> JSON.readValue(body, Line.class)).getMessage();
    }

    @Test
    void a_well_formed_body_is_read_exactly() throws Exception {
        Line line = JSON.readValue("{\"code\":\"1.06\",\"pagu\":1250000000.50,\"links\":[\"S1\"],"
                + "\"deadline\":\"2023-01-31\",\"dryRun\":true,\"value\":71.4286}", Line.class);
        assertEquals(new BigDecimal("1250000000.50"), line.pagu());
        assertEquals(LocalDate.of(2023, 1, 31), line.deadline());
        assertEquals(new BigDecimal("71.4286"), line.value().decimalValue());
        assertEquals(Boolean.TRUE, line.dryRun());
    }

    @Test
    void numbers_no_column_can_hold_are_refused() {
        assertTrue(refusal("{\"pagu\":1e400}").contains("smaller than 10^18"));
        assertTrue(refusal("{\"pagu\":-1e400}").contains("smaller than 10^18"));
        assertTrue(refusal("{\"pagu\":123456789012345678901234567890}").contains("smaller than 10^18"));
        assertTrue(refusal("{\"pagu\":1e-400}").contains("at most 10 decimals"));
        // inside an untyped value too, where 1e400 used to become infinity
        assertTrue(refusal("{\"value\":1e400}").contains("smaller than 10^18"));
        assertTrue(refusal("{\"value\":{\"q\":[1, \"a\\u0000\"]}}").contains("q: [1]: contains U+0000"));
    }

    @Test
    void a_null_item_in_a_list_is_refused_but_a_list_of_numbers_may_have_gaps() throws Exception {
        String refused = refusal("{\"links\":[\"S1\", null]}");
        assertTrue(refused.contains("item 1 is null") && refused.contains("links"), refused);
        assertEquals(Arrays.asList(BigDecimal.ONE, null), JSON.readValue("{\"rak\":[1, null]}", Line.class).rak());
    }

    @Test
    void dates_booleans_and_strings_are_of_their_own_type() {
        refusal("{\"deadline\":12345}");
        refusal("{\"deadline\":\"2023-01-31T10:00:00\"}");
        refusal("{\"dryRun\":\"yes\"}");
        refusal("{\"dryRun\":1}");
        refusal("{\"code\":106}");
        refusal("{\"code\":true}");
    }
}
