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

    @org.junit.jupiter.api.Test
    void a_percent_without_two_hexadecimal_digits_is_found() {
        org.junit.jupiter.api.Assertions.assertEquals("%", HttpLayer.badEscape("/api/v1/agencies?q=%"));
        org.junit.jupiter.api.Assertions.assertEquals("%zz", HttpLayer.badEscape("/api/v1/agencies/a%zz"));
        org.junit.jupiter.api.Assertions.assertEquals("%4", HttpLayer.badEscape("/api/v1/agencies?q=a%4"));
        org.junit.jupiter.api.Assertions.assertEquals("%\uFF11\uFF11", HttpLayer.badEscape("/a%\uFF11\uFF11")); // fullwidth digits are no hex
        org.junit.jupiter.api.Assertions.assertNull(HttpLayer.badEscape("/api/v1/agencies/a%2Fb?q=Dinas%20Sosial&x=%e2%82%ac"));
        org.junit.jupiter.api.Assertions.assertNull(HttpLayer.badEscape("/api/v1/agencies"));
    }

    @org.junit.jupiter.api.Test
    void a_uri_that_does_not_parse_is_named_by_its_part() {
        org.junit.jupiter.api.Assertions.assertEquals("query: '%' is not a percent-encoding ('%' and two hexadecimal digits)",
                HttpLayer.unreadableUri("/api/v1/agencies?q=%"));
        org.junit.jupiter.api.Assertions.assertEquals("path: '%zz' is not a percent-encoding ('%' and two hexadecimal digits)",
                HttpLayer.unreadableUri("/api/v1/agencies/a%zz?q=1"));
        org.junit.jupiter.api.Assertions.assertEquals("query: character U+007C at index 20 must be percent-encoded",
                HttpLayer.unreadableUri("/api/v1/agencies?q=a|b"));
        org.junit.jupiter.api.Assertions.assertEquals("path: character U+0020 at index 18 must be percent-encoded",
                HttpLayer.unreadableUri("/api/v1/agencies/a b"));
        org.junit.jupiter.api.Assertions.assertNull(HttpLayer.unreadableUri("/api/v1/agencies/a%20b?q=Dinas%20Sosial"));
    }

    @org.junit.jupiter.api.Test
    void a_request_line_or_headers_longer_than_read_are_named() {
        java.util.List<java.util.Map.Entry<String, String>> small = java.util.List.of(java.util.Map.entry("Accept", "*/*"));
        // GET, a space, the URI, " HTTP/1.1": 4 + 8178 + 9 = 8191 and 8192 fit, 8193 does not
        org.junit.jupiter.api.Assertions.assertNull(HttpLayer.overlongHead("GET", "/" + "a".repeat(8177), small));
        org.junit.jupiter.api.Assertions.assertNull(HttpLayer.overlongHead("GET", "/" + "a".repeat(8178), small));
        org.junit.jupiter.api.Assertions.assertEquals("the request line has 8193 characters; at most 8192 are read "
                + "(a query that long belongs in a body)", HttpLayer.overlongHead("GET", "/" + "a".repeat(8179), small));
        // a header's name, ": " and its value: 1 + 2 + 16381 = 16384 fits, one more does not
        org.junit.jupiter.api.Assertions.assertNull(HttpLayer.overlongHead("GET", "/", java.util.List.of(
                java.util.Map.entry("X", "v".repeat(16381)))));
        org.junit.jupiter.api.Assertions.assertEquals("the headers have 16385 characters; at most 16384 are read",
                HttpLayer.overlongHead("GET", "/", java.util.List.of(java.util.Map.entry("X", "v".repeat(16382)))));
    }
}
