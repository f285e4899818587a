package id.go.maluku.sakip.platform.error;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HttpLayerTest {

    @ParameterizedTest
    @CsvSource({
            "/api/v1/agencies/a/indicators/IK1/targets/.., true",
            "/api/v1/agencies/a/indicators/IK1/targets/%2E%2E, true",
            "/api/v1/agencies/a/sasaran/%2e%2E, true",
            "/api/v1/agencies/a/sasaran/%2E, true",
            "/api/v1/agencies/./plan, true",
            "/api/v1/agencies/a/sasaran/S1.2, false",
            "/api/v1/agencies/a/years/2022/budget/lines/1.06.06.2.01.0005, false",
            "/api/v1/agencies/a/sasaran/..x, false",
            "/api/v1/agencies/a/sasaran/%2E%2E%2E, false",
    })
    void a_dot_segment_is_found_also_percent_encoded(String path, boolean expected) {
        assertEquals(expected, HttpLayer.hasDotSegment(path));
    }
}
