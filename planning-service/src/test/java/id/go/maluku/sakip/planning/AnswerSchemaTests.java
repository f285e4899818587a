package id.go.maluku.sakip.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.maluku.sakip.infra.OpenApiWalk;
import id.go.maluku.sakip.infra.PublishedEvents;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every JSON answer of planning's operations, on the demo plan imported through the API, is what
 * the document promises a generated client (issue 24); and the PUT of one target takes the same
 * TargetValue the plan document does (issue 24 point 2): a number, a range, a level of the scale.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class AnswerSchemaTests {

    final JsonNode document = OpenApiWalk.document();
    final List<String> mismatches = new ArrayList<>();
    final Set<String> checked = new TreeSet<>();

    /** The answer agrees with its schema: strictly (every property required) or, for a NON_NULL document, as given. */
    void check(String operation, Response response, int status, boolean strict) throws Exception {
        assertEquals(status, response.statusCode(), operation + ": " + response.asString());
        checked.add(operation + " " + status);
        if (strict) {
            mismatches.addAll(OpenApiWalk.strictMismatches(document, operation, status, response.asString()));
            return;
        }
        String method = operation.substring(0, operation.indexOf(' ')).toLowerCase();
        JsonNode schema = document.path("paths").path(operation.substring(operation.indexOf(' ') + 1)).path(method)
                .path("responses").path(String.valueOf(status)).path("content").path("application/json").path("schema");
        OpenApiWalk.answerMismatches(document, schema, PublishedEvents.JSON.readTree(response.asString()), false)
                .forEach(mismatch -> mismatches.add(operation + " " + status + " " + mismatch));
    }

    void check(String operation, Response response, int status) throws Exception {
        check(operation, response, status, true);
    }

    /** The demo plan with IKU1 a range indicator and IKU2 an ordinal one, each with a 2022 target. */
    static ObjectNode plan(String agency) throws Exception {
        ObjectNode doc = PlanDocumentTests.demo(agency);
        for (JsonNode indicator : doc.get("indicators")) {
            ObjectNode i = (ObjectNode) indicator;
            if (i.get("code").asText().equals("IKU1")) {
                i.put("polarity", "range");
                i.putObject("targets").putObject("2022").put("low", 80).put("high", 90);
            } else if (i.get("code").asText().equals("IKU2")) {
                i.put("polarity", "ordinal");
                i.putArray("scale").add("C").add("B").add("A");
                i.putObject("targets").put("2022", "B");
            }
        }
        return doc;
    }

    @Test
    void every_json_answer_of_planning_agrees_with_its_schema() throws Exception {
        String a = "/api/v1/agencies/{agency}";
        String base = "/api/v1/agencies/pln-answers";
        check("POST /api/v1/agencies", asAdmin().contentType(ContentType.JSON)
                .body(Map.of("code", "pln-answers", "name", "Dinas Jawaban")).post("/api/v1/agencies"), 201);
        check("PUT " + a, asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Dinas Sosial"))
                .put(base), 200);
        check("PUT " + a, asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Dinas Baru"))
                .put("/api/v1/agencies/pln-answers-new"), 201);
        ObjectNode doc = plan("pln-answers");
        check("PUT " + a + "/plan", asAdmin().contentType(ContentType.JSON).body(doc.toString())
                .put(base + "/plan?dryRun=true"), 200);
        check("PUT " + a + "/plan", asAdmin().contentType(ContentType.JSON).body(doc.toString())
                .put(base + "/plan"), 200);
        // the plan document leaves out what is absent (NON_NULL): what it holds agrees, and what its parts require is there
        check("GET " + a + "/plan", asAdmin().get(base + "/plan"), 200, false);
        check("GET " + a, asAdmin().get(base), 200);
        check("GET /api/v1/agencies", asAdmin().get("/api/v1/agencies?q=pln-answers"), 200);
        check("GET " + a + "/sasaran", asAdmin().get(base + "/sasaran"), 200);
        check("GET " + a + "/sasaran/{code}", asAdmin().get(base + "/sasaran/S1"), 200);
        check("PUT " + a + "/sasaran/{code}", asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Sasaran baru", "ordinal", 9)).put(base + "/sasaran/S9"), 201);
        check("PUT " + a + "/sasaran/{code}", asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Sasaran baru lagi", "ordinal", 9)).put(base + "/sasaran/S9"), 200);
        check("GET " + a + "/indicators", asAdmin().get(base + "/indicators?size=100"), 200);
        check("GET " + a + "/indicators/{code}", asAdmin().get(base + "/indicators/IKU1"), 200);
        check("PUT " + a + "/indicators/{code}", asAdmin().contentType(ContentType.JSON)
                .body(Map.of("sasaran", "S9", "name", "Indikator baru", "unit", "KK", "polarity", "positive"))
                .put(base + "/indicators/IX1"), 201);
        check("PUT " + a + "/indicators/{code}", asAdmin().contentType(ContentType.JSON)
                .body(Map.of("sasaran", "S9", "name", "Indikator baru lagi", "unit", "KK", "polarity", "positive"))
                .put(base + "/indicators/IX1"), 200);
        String target = "PUT " + a + "/indicators/{code}/targets/{year}";
        check(target, asAdmin().contentType(ContentType.JSON).body("{\"value\": 12}").put(base + "/indicators/IX1/targets/2023"), 201);
        check(target, asAdmin().contentType(ContentType.JSON).body("{\"value\": 13}").put(base + "/indicators/IX1/targets/2023"), 200);
        // the policy is the plan document's part, NON_NULL too (a policy without a cap leaves it out)
        check("GET " + a + "/capaian-policy", asAdmin().get(base + "/capaian-policy"), 200, false);
        JsonNode policy = PublishedEvents.JSON.readTree(asAdmin().get(base + "/capaian-policy").asString());
        ((ObjectNode) policy).put("cap", 110);
        check("PUT " + a + "/capaian-policy", asAdmin().contentType(ContentType.JSON).body(policy.toString())
                .put(base + "/capaian-policy"), 200);
        check("GET " + a + "/perjanjian-kinerja/{year}", asAdmin().get(base + "/perjanjian-kinerja/2022"), 200);
        check("PUT " + a + "/perjanjian-kinerja/{year}/versions/{version}", asAdmin().contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("sasaran", "S5", "indicator", "IK5", "target", 175),
                        Map.of("sasaran", "S1", "indicator", "IKU1", "target", Map.of("low", 70, "high", 80)))))
                .put(base + "/perjanjian-kinerja/2022/versions/1"), 200);
        check("POST " + a + "/perjanjian-kinerja/{year}/versions/{version}/sign", asAdmin().contentType(ContentType.JSON)
                .body(Map.of("date", "2022-02-01", "signedBy", "GUSNA RIA, S.E., M.M"))
                .post(base + "/perjanjian-kinerja/2022/versions/1/sign"), 200);
        check("POST " + a + "/perjanjian-kinerja/{year}/revisions", asAdmin().post(base + "/perjanjian-kinerja/2022/revisions"), 201);
        check("GET " + a + "/perjanjian-kinerja/{year}", asAdmin().get(base + "/perjanjian-kinerja/2022"), 200);
        check("GET " + a + "/personnel", asAdmin().get(base + "/personnel?size=200"), 200);
        // a table's rows are the plan document's, which an import may give without a stated total
        mismatches.remove("GET " + a + "/personnel 200 $.items[].rows[].statedTotal: always written, but not required by its schema");
        byte[] sheet = TargetUploadTests.sheet(List.of("indicator", "year", "target"),
                List.<Object[]>of(new Object[]{"IK5", 2023, 162}));
        check("POST " + a + "/targets/upload", asAdmin().contentType(TargetUploadTests.XLSX).body(sheet)
                .post(base + "/targets/upload?dryRun=true"), 200);

        assertEquals(List.of(), mismatches);
        // every JSON success of planning's own operations was met
        Set<String> documented = new TreeSet<>();
        for (var operation : OpenApiWalk.operationNodes(document)) {
            if (!operation.getKey().contains("/agencies")) {
                continue;
            }
            operation.getValue().path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("2") && response.getValue().path("content").has("application/json")) {
                    documented.add(operation.getKey() + " " + response.getKey());
                }
            });
        }
        assertEquals(documented, checked);
    }

    /** PUT of one target takes a number, a range or a level, as the indicator's polarity wants, and names the field otherwise. */
    @Test
    void a_target_is_a_number_a_range_or_a_level_as_in_the_plan_document() throws Exception {
        PlanDocumentTests.importPlan("pln-target", plan("pln-target"), false, 200);
        String base = "/api/v1/agencies/pln-target/indicators/";
        String target = "PUT /api/v1/agencies/{agency}/indicators/{code}/targets/{year}";
        check(target, asAdmin().contentType(ContentType.JSON).body("{\"value\": 175.5}").put(base + "IK5/targets/2023"), 200);
        check(target, asAdmin().contentType(ContentType.JSON).body("{\"value\": {\"low\": 70, \"high\": 85}}")
                .put(base + "IKU1/targets/2023"), 201);
        check(target, asAdmin().contentType(ContentType.JSON).body("{\"value\": \"A\"}").put(base + "IKU2/targets/2023"), 201);
        // the same again: unchanged, the revision kept
        asAdmin().contentType(ContentType.JSON).body("{\"value\": {\"low\": 70, \"high\": 85}}")
                .put(base + "IKU1/targets/2023").then().statusCode(200).body("revision", is(1));
        assertEquals(List.of(), mismatches);
        assertEquals("175.5", asAdmin().get(base + "IK5").jsonPath().getString("targets.find { it.year == 2023 }.value"));
        assertEquals(Map.of("low", 70, "high", 85), asAdmin().get(base + "IKU1").jsonPath().getMap("targets.find { it.year == 2023 }.value"));
        assertEquals("A", asAdmin().get(base + "IKU2").jsonPath().getString("targets.find { it.year == 2023 }.value"));

        // what the indicator's polarity does not take: a 400 naming the field, nothing kept
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("IK5 banyak", "{\"value\": \"banyak\"}");
        refused.put("IK5 -1", "{\"value\": -1}");
        refused.put("IK5 range", "{\"value\": {\"low\": 1, \"high\": 2}}");
        refused.put("IKU1 number", "{\"value\": 80}");
        refused.put("IKU1 reversed", "{\"value\": {\"low\": 90, \"high\": 80}}");
        refused.put("IKU1 half", "{\"value\": {\"low\": 90}}");
        refused.put("IKU2 D", "{\"value\": \"D\"}");
        refused.put("IKU2 number", "{\"value\": 3}");
        refused.put("IKU2 null", "{\"value\": null}");
        refused.put("IKU2 none", "{}");
        for (Map.Entry<String, String> body : refused.entrySet()) {
            String code = body.getKey().substring(0, body.getKey().indexOf(' '));
            asAdmin().contentType(ContentType.JSON).body(body.getValue()).put(base + code + "/targets/2024")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("value"));
        }
        asAdmin().contentType(ContentType.JSON).body("{\"value\": \"D\"}").put(base + "IKU2/targets/2024")
                .then().body("errors[0].message", containsString("'D' is not on the indicator's scale [C, B, A]"));
        asAdmin().get(base + "IK5").then().body("targets.find { it.year == 2024 }.value", is(200));
        for (String code : List.of("IKU1", "IKU2")) {
            asAdmin().get(base + code).then().body("targets.find { it.year == 2024 }", org.hamcrest.Matchers.nullValue());
        }
    }
}
