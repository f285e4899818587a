package id.go.maluku.sakip.planning;

import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.infra.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.HttpURLConnection;
import java.net.URL;
import java.util.List;
import java.util.Map;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What no column can hold is refused before any work, as a 400 problem naming the field or
 * parameter (it used to reach PostgreSQL and come back a 500), and nothing is stored; strict JSON
 * refuses what follows the document and a key given twice. Authentication is decided first.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class InputGuardTests {

    @Test
    void a_nul_or_a_control_character_in_a_parameter_is_a_400_naming_it() {
        asAdmin().urlEncodingEnabled(false).get("/api/v1/agencies/bad%00agency/plan").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("agency"))
                .body("detail", containsString("U+0000"));
        asAdmin().queryParam("q", "dinas\u0000").get("/api/v1/agencies").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("q"));
        asAdmin().queryParam("q", "baris\nbaru").get("/api/v1/agencies").then().statusCode(400)
                .body("detail", containsString("control character"));
        asAdmin().queryParam("q", "Dinas Sosial").get("/api/v1/agencies").then().statusCode(200);
        // a query text has its declared bound (maxLength 200 in the document, issue 21)
        asAdmin().queryParam("q", "d".repeat(201)).get("/api/v1/agencies").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("q"));
        asAdmin().queryParam("q", "d".repeat(200)).get("/api/v1/agencies").then().statusCode(200);
        // a request line or headers longer than the service reads: 414 and 431, as problems like every other
        // refusal (Vert.x's codec, whose own limits are far above these, answered them with an empty body)
        asAdmin().urlEncodingEnabled(false).get("/api/v1/agencies?x=" + "q".repeat(10_000)).then().statusCode(414)
                .contentType("application/problem+json").body("status", is(414))
                .body("detail", containsString("at most 8192 are read"));
        asAdmin().header("X-Padding", "p".repeat(20_000)).get("/api/v1/agencies").then().statusCode(431)
                .contentType("application/problem+json").body("detail", containsString("at most 16384 are read"));
        // without a token the answer is the 401, whatever the parameters
        RestAssured.given().urlEncodingEnabled(false).get("/api/v1/agencies/bad%00agency/plan").then().statusCode(401);
    }

    @Test
    void a_text_no_column_can_hold_is_refused_naming_its_field_and_nothing_is_stored() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("code", "guard-a", "name", "Dinas guard-a"))
                .post("/api/v1/agencies").then().statusCode(201);
        asAdmin().contentType(ContentType.JSON).body("{\"name\": \"Korban\\u0000bencana\", \"ordinal\": 1}")
                .put("/api/v1/agencies/guard-a/sasaran/S1").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("name"))
                .body("detail", containsString("U+0000"));
        asAdmin().contentType(ContentType.JSON).body("{\"name\": \"Korban \\ud800 bencana\", \"ordinal\": 1}")
                .put("/api/v1/agencies/guard-a/sasaran/S1").then().statusCode(400)
                .body("errors.field", hasItem("name")).body("detail", containsString("lone surrogate"));
        // strict JSON: content after the document, a key given twice
        asAdmin().contentType(ContentType.JSON).body("{\"name\": \"Korban bencana\", \"ordinal\": 1} {\"x\": 1}")
                .put("/api/v1/agencies/guard-a/sasaran/S1").then().statusCode(400)
                .contentType("application/problem+json");
        asAdmin().contentType(ContentType.JSON).body("{\"name\": \"Korban bencana\", \"name\": \"Lain\", \"ordinal\": 1}")
                .put("/api/v1/agencies/guard-a/sasaran/S1").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("name"));
        asAdmin().get("/api/v1/agencies/guard-a/sasaran/S1").then().statusCode(404);
        // a surrogate pair is a character like any other
        asAdmin().contentType(ContentType.JSON).body("{\"name\": \"Korban bencana \\ud83c\\udf0a\", \"ordinal\": 1}")
                .put("/api/v1/agencies/guard-a/sasaran/S1").then().statusCode(201)
                .body("name", is("Korban bencana \uD83C\uDF0A"));
    }

    @Test
    void a_property_the_body_does_not_have_is_a_400_naming_it_and_nothing_is_stored() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("code", "guard-u", "name", "Dinas guard-u"))
                .post("/api/v1/agencies").then().statusCode(201);
        // a misspelt field used to be dropped silently: the sasaran was stored without it
        asAdmin().contentType(ContentType.JSON).body("{\"name\": \"Korban bencana\", \"ordinal\": 1, \"ordinl\": 2}")
                .put("/api/v1/agencies/guard-u/sasaran/S1").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("ordinl"))
                .body("detail", containsString("not a known property"))
                .body("detail", containsString("ordinal"));
        asAdmin().get("/api/v1/agencies/guard-u/sasaran/S1").then().statusCode(404);
        asAdmin().contentType(ContentType.JSON).body("{\"name\": \"Korban bencana\", \"ordinal\": 1}")
                .put("/api/v1/agencies/guard-u/sasaran/S1").then().statusCode(201);
    }

    @Test
    void a_query_parameter_of_the_wrong_type_is_a_400_naming_it_and_runs_nothing() {
        asAdmin().queryParam("page", "1073741824").get("/api/v1/agencies").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("page"))
                .body("detail", containsString("at most 1000000"));
        asAdmin().queryParam("size", "abc").get("/api/v1/agencies").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        // "yes" used to count as false: the import ran for real
        asAdmin().contentType(ContentType.JSON).queryParam("dryRun", "yes").body("{}")
                .put("/api/v1/agencies/guard-dry/plan").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("dryRun"));
        asAdmin().get("/api/v1/agencies/guard-dry").then().statusCode(404);
    }

    @Test
    void a_value_of_the_wrong_json_type_is_a_400_naming_its_field() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("code", "guard-b", "name", "Dinas guard-b"))
                .post("/api/v1/agencies").then().statusCode(201);
        asAdmin().contentType(ContentType.JSON).body("{\"name\": 123, \"ordinal\": 1}")
                .put("/api/v1/agencies/guard-b/sasaran/S1").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("name"));
        asAdmin().get("/api/v1/agencies/guard-b/sasaran/S1").then().statusCode(404);
    }

    @Test
    void the_http_layer_refuses_in_problem_json_too() throws Exception {
        // a single-object write takes at most 1 MiB; refused from its Content-Length, unread
        String big = "{\"name\": \"" + "x".repeat(1_100_000) + "\", \"ordinal\": 1}";
        asAdmin().contentType(ContentType.JSON).body(big).put("/api/v1/agencies/guard-c/sasaran/S1").then()
                .statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("at most 1048576 bytes"));
        // the whole-plan import may be larger: the same body reaches the operation (and is refused there)
        asAdmin().contentType(ContentType.JSON).body(big).put("/api/v1/agencies/guard-c/plan").then()
                .statusCode(400).contentType("application/problem+json");
        // a path no operation serves, and a percent-encoding that does not decode
        asAdmin().get("/api/v2/nothing-here").then().statusCode(404).contentType("application/problem+json");
        asAdmin().get("/index.html").then().statusCode(404).contentType("application/problem+json");
        // RestAssured and java.net.URI refuse to send a bad escape; HttpURLConnection sends it as written
        for (String[] bad : new String[][]{{"/api/v1/agencies/a%zz", "path"}, {"/api/v1/agencies/a%zz/plan", "path"},
                {"/api/v1/agencies?x=1&q=a%zz", "query"}, {"/api/v1/agencies?q=%", "query"}, {"/api/v1/agencies?q=a|b", "query"}}) {
            HttpURLConnection raw = (HttpURLConnection) new URL(RestAssured.baseURI + ":" + RestAssured.port
                    + bad[0]).openConnection();
            raw.setRequestProperty("Authorization", "Bearer " + Tokens.admin());
            // it used to be a 400 with an empty body, from below the REST layer
            assertEquals(400, raw.getResponseCode(), bad[0]);
            assertEquals("application/problem+json", raw.getContentType(), bad[0]);
            String body = new String(raw.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(body.contains("\"detail\":\"" + bad[1] + ": "), body);
        }
    }

    /** Found by FuzzIT: a dot segment was resolved to the enclosing resource, which the write then changed. */
    @Test
    void a_dot_segment_in_the_path_is_a_400_and_never_reaches_another_resource() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("code", "guard-dot", "name", "Dinas Titik"))
                .post("/api/v1/agencies").then().statusCode(201);
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Sasaran", "ordinal", 1))
                .put("/api/v1/agencies/guard-dot/sasaran/S1").then().statusCode(201);
        asAdmin().contentType(ContentType.JSON).body(Map.of("sasaran", "S1", "name", "Indikator", "unit", "KK",
                "polarity", "positive")).put("/api/v1/agencies/guard-dot/indicators/IK1").then().statusCode(201);
        for (String dots : List.of("%2E%2E", "%2e%2e", "%2E")) {
            asAdmin().urlEncodingEnabled(false).delete("/api/v1/agencies/guard-dot/indicators/IK1/targets/" + dots)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("may not be '.' or '..'"));
            asAdmin().urlEncodingEnabled(false).contentType(ContentType.JSON).body(Map.of("name", "Diganti"))
                    .put("/api/v1/agencies/guard-dot/sasaran/" + dots).then().statusCode(400);
        }
        asAdmin().get("/api/v1/agencies/guard-dot/indicators/IK1").then().statusCode(200);
        asAdmin().get("/api/v1/agencies/guard-dot").then().statusCode(200).body("name", is("Dinas Titik"));
    }
}
