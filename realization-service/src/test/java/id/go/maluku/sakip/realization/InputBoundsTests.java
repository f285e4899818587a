package id.go.maluku.sakip.realization;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.infra.InputBounds;
import id.go.maluku.sakip.infra.OpenApiWalk;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.infra.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static id.go.maluku.sakip.infra.Tokens.as;
import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static id.go.maluku.sakip.realization.RealisasiLifecycleTests.path;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every text a request body brings declares its bound in the OpenAPI document, and the bound fits
 * the column the text is stored in (issue 21), read from the Flyway-migrated test database; and
 * each bound is enforced before any work, a value at it kept whole and one past it a 400 naming
 * the field, where the return's note and the unlock's reason used to reach their varchar(2000)
 * columns and come back a 500.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class InputBoundsTests {

    static PlanningFeed planning;

    @Inject
    DataSource database;

    @BeforeAll
    static void feed() {
        planning = new PlanningFeed();
    }

    @AfterAll
    static void close() {
        planning.close();
    }

    @Test
    void every_text_input_declares_a_bound_its_column_holds() {
        JsonNode document = OpenApiWalk.document();
        assertTrue(InputBounds.inputs(document).size() >= 20, "the walk found the inputs: " + InputBounds.inputs(document));
        assertEquals(List.of(), InputBounds.walk()
                .table("RealisasiBody", "realisasi")
                .table("RowBody", "realisasi") // an imported row is a realisasi written as by PUT
                .notStored("RowBody.indicator", "looked up in indicator_ref; the realisasi keeps its id")
                .table("StatementBody", "realisasi_statement")
                .column("NoteBody.note", "realisasi.status_note")
                .column("UnlockBody.reason", "period_lock.unlock_reason")
                .table("EvidenceBody", "evidence")
                .mismatches(document, database));
    }

    @Test
    void a_text_at_its_bound_is_kept_whole_and_one_past_it_is_refused_naming_it() throws Exception {
        planning.indicator("bounds-a", "IK1", "KK");
        String operator = Tokens.user("operator@bounds").roles("operator").agency("bounds-a").mint();
        String verifier = Tokens.user("verifier@bounds").roles("verifier").agency("bounds-a").mint();
        String statedIn = "s".repeat(300);
        String narrative = "n".repeat(20_000);
        as(operator).contentType(ContentType.JSON).body(Map.of("value", 3, "statedIn", statedIn, "explanation", narrative,
                        "supportingFactors", narrative, "hinderingFactors", narrative, "followUp", narrative))
                .put(path("bounds-a", "IK1", "2022/Q1")).then().statusCode(201)
                .body("statedIn", is(statedIn)).body("followUp", is(narrative));
        for (Map.Entry<String, Integer> field : Map.of("statedIn", 300, "explanation", 20_000, "supportingFactors", 20_000,
                "hinderingFactors", 20_000, "followUp", 20_000).entrySet()) {
            refused(as(operator).contentType(ContentType.JSON).body(Map.of("value", 4, field.getKey(), "x".repeat(field.getValue() + 1)))
                    .put(path("bounds-a", "IK1", "2022/Q1")), field.getKey(), field.getValue());
        }
        asAdmin().get(path("bounds-a", "IK1", "2022/Q1")).then().body("value", is(3)).body("revision", is(1));

        String note = "c".repeat(2000);
        as(operator).contentType(ContentType.JSON).body(Map.of("value", 5, "statedIn", statedIn, "note", note))
                .post(path("bounds-a", "IK1", "2022/Q1/statements")).then().statusCode(200)
                .body("statedIn", is(statedIn)).body("note", is(note));
        refused(as(operator).contentType(ContentType.JSON).body(Map.of("value", 5, "statedIn", statedIn + "s"))
                .post(path("bounds-a", "IK1", "2022/Q1/statements")), "statedIn", 300);
        refused(as(operator).contentType(ContentType.JSON).body(Map.of("value", 5, "statedIn", "Tabel 1", "note", note + "c"))
                .post(path("bounds-a", "IK1", "2022/Q1/statements")), "note", 2000);

        String host = "https://dinsos.malukuprov.go.id/";
        String url = host + "u".repeat(2000 - host.length());
        assertEquals(2000, url.length());
        as(operator).contentType(ContentType.JSON).body(Map.of("kind", "link", "url", url))
                .post(path("bounds-a", "IK1", "2022/Q1/evidence")).then().statusCode(201).body("url", is(url));
        refused(as(operator).contentType(ContentType.JSON).body(Map.of("kind", "link", "url", url + "u"))
                .post(path("bounds-a", "IK1", "2022/Q1/evidence")), "url", 2000);
        as(operator).contentType(ContentType.JSON).body(Map.of("kind", "text", "text", narrative))
                .post(path("bounds-a", "IK1", "2022/Q1/evidence")).then().statusCode(201).body("text", is(narrative));
        refused(as(operator).contentType(ContentType.JSON).body(Map.of("kind", "text", "text", narrative + "n"))
                .post(path("bounds-a", "IK1", "2022/Q1/evidence")), "text", 20_000);
        asAdmin().get(path("bounds-a", "IK1", "2022/Q1/evidence")).then().body("size()", is(2));

        // the return's note: its column holds 2000 characters, and a longer note was a 500
        as(operator).post(path("bounds-a", "IK1", "2022/Q1/submit")).then().statusCode(200);
        refused(as(verifier).contentType(ContentType.JSON).body(Map.of("note", note + "c"))
                .post(path("bounds-a", "IK1", "2022/Q1/return")), "note", 2000);
        asAdmin().get(path("bounds-a", "IK1", "2022/Q1")).then().body("status", is("submitted"));
        as(verifier).contentType(ContentType.JSON).body(Map.of("note", note))
                .post(path("bounds-a", "IK1", "2022/Q1/return")).then().statusCode(200)
                .body("status", is("returned")).body("statusNote", is(note));

        // the unlock's reason: the same
        asAdmin().contentType(ContentType.JSON).body("{\"deadline\":\"2021-01-31\"}")
                .put("/api/v1/agencies/bounds-a/locks/2020/Q4").then().statusCode(201);
        refused(asAdmin().contentType(ContentType.JSON).body(Map.of("reason", note + "r"))
                .post("/api/v1/agencies/bounds-a/locks/2020/Q4/unlock"), "reason", 2000);
        asAdmin().get("/api/v1/agencies/bounds-a/locks").then().body("[0].locked", is(true));
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", note))
                .post("/api/v1/agencies/bounds-a/locks/2020/Q4/unlock").then().statusCode(200)
                .body("locked", is(false)).body("unlockReason", is(note));
    }

    /** An imported row past a bound is rejected alone and reported, as any refused row; the others are applied. */
    @Test
    void an_imported_row_past_a_bound_is_rejected_alone() throws Exception {
        planning.indicator("bounds-b", "IK1", "KK");
        JsonPath report = asAdmin().contentType(ContentType.JSON).body(Map.of("rows", List.of(
                        Map.of("indicator", "IK1", "year", 2021, "value", 1, "statedIn", "s".repeat(301)),
                        Map.of("indicator", "IK1", "year", 2022, "value", 2, "statedIn", "s".repeat(300),
                                "followUp", "f".repeat(20_000)),
                        Map.of("indicator", "IK1", "year", 2020, "value", 3, "explanation", "e".repeat(20_001)))))
                .post("/api/v1/agencies/bounds-b/realisasi/import").then().statusCode(200).extract().jsonPath();
        assertEquals(1, report.getInt("created"));
        assertEquals(List.of(1, 3), report.getList("rejections.row"));
        assertEquals(List.of("statedIn", "explanation"), report.getList("rejections.field"));
        assertEquals(List.of("at most 300 characters", "at most 20000 characters"), report.getList("rejections.message"));
        asAdmin().get(path("bounds-b", "IK1", "2022")).then().statusCode(200).body("statedIn", is("s".repeat(300)));
        asAdmin().get(path("bounds-b", "IK1", "2021")).then().statusCode(404);
    }

    private static void refused(io.restassured.response.Response response, String field, int max) {
        response.then().statusCode(400).contentType("application/problem+json")
                .body("title", is("Invalid request"))
                .body("detail", is(field + ": at most " + max + " characters"))
                .body("errors.size()", is(1))
                .body("errors[0].field", is(field)).body("errors[0].message", is("at most " + max + " characters"));
    }

    @Test
    void every_text_query_parameter_declares_a_bound() {
        assertEquals(List.of(), InputBounds.unboundedParameters(OpenApiWalk.document()));
    }
}
