package id.go.maluku.sakip.realization;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.infra.OpenApiWalk;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.infra.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static id.go.maluku.sakip.infra.Tokens.as;
import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every JSON answer of realization's operations, on real data (an indicator and targets from
 * planning's topic, realisasi through the API), is what the document promises a generated client
 * (issue 24): each property required (the views are written whole, nulls included) and each null
 * one its schema allows. Evidence of each kind, the audit trail, an import with rejected rows, the
 * workflow, locks and the monitoring form.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class AnswerSchemaTests {

    static final String AGENCY = "rea-answers";
    static final String REALISASI = "/api/v1/agencies/{agency}/indicators/{indicator}/realisasi/{year}";
    static final String PERIOD = REALISASI + "/{period}";

    static PlanningFeed planning;

    @BeforeAll
    static void feed() {
        planning = new PlanningFeed();
    }

    @AfterAll
    static void close() {
        planning.close();
    }

    final JsonNode document = OpenApiWalk.document();
    final List<String> mismatches = new ArrayList<>();
    final Set<String> checked = new TreeSet<>();

    void check(String operation, Response response, int status) {
        assertEquals(status, response.statusCode(), operation + ": " + response.asString());
        checked.add(operation + " " + status);
        mismatches.addAll(OpenApiWalk.strictMismatches(document, operation, status, response.asString()));
    }

    static String path(String template, String period) {
        return template.replace("{agency}", AGENCY).replace("{indicator}", "IK5").replace("{year}", "2022")
                .replace("{period}", period);
    }

    @Test
    void every_json_answer_of_realization_agrees_with_its_schema_every_property_required() throws Exception {
        String id = planning.indicator(AGENCY, "IK5", "KK", Map.of("sasaranCode", "S5", "polarity", "positive"));
        planning.target(id, AGENCY, "IK5", 2022, 150, 1);
        planning.target(id, AGENCY, "IK5", 2024, 200, 1);
        PlanningFeed.await("targets", () -> PlanningFeed.targetValue(id, 2022) != null && PlanningFeed.targetValue(id, 2024) != null);
        // an indicator planning has said little of: no sasaran, no polarity (nulls in the form)
        planning.indicator(AGENCY, "IK6", "dokumen");

        String operator = Tokens.user("operator@answers").roles("operator").agency(AGENCY).mint();
        String auditor = Tokens.user("auditor@answers").roles("verifier").agency(AGENCY).mint();
        check("PUT " + PERIOD, as(operator).contentType(ContentType.JSON).body("{\"value\":40,\"explanation\":\"awal\"}")
                .put(path(PERIOD, "Q1")), 201);
        check("PUT " + PERIOD, as(operator).contentType(ContentType.JSON).body("{\"value\":41}")
                .put(path(PERIOD, "Q1")), 200);
        check("GET " + PERIOD, asAdmin().get(path(PERIOD, "Q1")), 200);
        check("PUT " + REALISASI, asAdmin().contentType(ContentType.JSON).body("{\"value\":120,\"statedIn\":\"Tabel 3.9\"}")
                .put(path(REALISASI, "")), 201);
        check("PUT " + REALISASI, asAdmin().contentType(ContentType.JSON).body("{\"value\":121,\"statedIn\":\"Tabel 3.9\"}")
                .put(path(REALISASI, "")), 200);
        check("POST " + PERIOD + "/statements", asAdmin().contentType(ContentType.JSON)
                .body("{\"value\":125,\"statedIn\":\"Tabel 3.10\",\"note\":\"kontradiksi\"}").post(path(PERIOD, "Y") + "/statements"), 200);
        check("GET " + REALISASI, asAdmin().get(path(REALISASI, "")), 200);

        // the workflow: submitted, verified, returned
        check("POST " + PERIOD + "/submit", as(operator).post(path(PERIOD, "Q1") + "/submit"), 200);
        check("POST " + PERIOD + "/verify", as(auditor).post(path(PERIOD, "Q1") + "/verify"), 200);
        check("POST " + PERIOD + "/return", as(auditor).contentType(ContentType.JSON)
                .body("{\"note\":\"lampirkan daftar hadir\"}").post(path(PERIOD, "Q1") + "/return"), 200);

        // evidence of each kind: a file, a link, a text (each leaves the others' fields null)
        byte[] pdf = ("%PDF-1.4\n% berita acara\n" + "x".repeat(200)).getBytes(StandardCharsets.US_ASCII);
        check("POST " + PERIOD + "/evidence/file", asAdmin().contentType("application/pdf").body(pdf)
                .queryParam("name", "bast.pdf").post(path(PERIOD, "Y") + "/evidence/file"), 201);
        check("POST " + PERIOD + "/evidence", asAdmin().contentType(ContentType.JSON)
                .body("{\"kind\":\"link\",\"url\":\"https://dinsos.malukuprov.go.id/bast\"}").post(path(PERIOD, "Y") + "/evidence"), 201);
        check("POST " + PERIOD + "/evidence", asAdmin().contentType(ContentType.JSON)
                .body("{\"kind\":\"text\",\"text\":\"3 UPTD menerima sarana\"}").post(path(PERIOD, "Y") + "/evidence"), 201);
        check("GET " + PERIOD + "/evidence", asAdmin().get(path(PERIOD, "Y") + "/evidence"), 200);

        // locks: created, set again, unlocked with a reason
        String locks = "/api/v1/agencies/{agency}/locks";
        for (int status : new int[]{201, 200}) {
            check("PUT " + locks + "/{year}/{period}", asAdmin().contentType(ContentType.JSON)
                    .body("{\"deadline\":\"2022-07-31\"}").put(path(locks, "") + "/2022/Q2"), status);
        }
        check("POST " + locks + "/{year}/{period}/unlock", asAdmin().contentType(ContentType.JSON)
                .body("{\"reason\":\"koreksi data BPS\"}").post(path(locks, "") + "/2022/Q2/unlock"), 200);
        check("GET " + locks, asAdmin().get(path(locks, "")), 200);

        // an import with rows kept and rows rejected (one naming no indicator)
        check("POST /api/v1/agencies/{agency}/realisasi/import", asAdmin().contentType(ContentType.JSON).body("""
                {"rows":[
                  {"indicator":"IK5","year":2021,"value":24,"statedIn":"Tabel 3.3"},
                  {"year":2021,"value":1},
                  {"indicator":"NOPE","year":2021,"value":1},
                  {"indicator":"IK5","year":2022,"value":"dua"}
                ]}""").post("/api/v1/agencies/" + AGENCY + "/realisasi/import"), 200);
        check("GET /api/v1/agencies/{agency}/realisasi", asAdmin().get("/api/v1/agencies/" + AGENCY + "/realisasi"), 200);
        check("GET /api/v1/agencies/{agency}/audit", asAdmin().get("/api/v1/agencies/" + AGENCY + "/audit"), 200);
        check("GET /api/v1/agencies/{agency}/years/{year}/monitoring",
                asAdmin().get("/api/v1/agencies/" + AGENCY + "/years/2022/monitoring"), 200);
        check("GET /api/v1/agencies/{agency}/years/{year}/monitoring",
                asAdmin().get("/api/v1/agencies/" + AGENCY + "/years/2022/monitoring?aggregation=sum"), 200);

        assertEquals(List.of(), mismatches);
        // every JSON success of realization's own operations was met (the platform's are checked where
        // their data is made: ParkedPlanningEventTests, and budget's outbox and audit tests)
        Set<String> documented = new TreeSet<>();
        for (var operation : OpenApiWalk.operationNodes(document)) {
            if (!operation.getKey().contains("/agencies/")) {
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
}
