package id.go.maluku.sakip.budget;

import id.go.maluku.sakip.platform.outbox.OutboxEvent;
import id.go.maluku.sakip.infra.OpenApiWalk;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.infra.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static id.go.maluku.sakip.infra.Tokens.as;
import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may read and change budget data (docs/security.md), against the running service. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class SecurityTests {

    static final String AGENCY = "sec-budget";
    static final String LINE = "/api/v1/agencies/{agency}/years/2022/budget/lines/{code}";
    static final String REHSOS_LINE = "1.06.04.2.01.0001";
    static final String AGENCY_LINE = "1.06.02.2.01.0001";
    static final String UNTOUCHED_LINE = "1.06.02.2.01.0055";

    static String token(String role) {
        return Tokens.user(role + ".sec").roles(role).agency(AGENCY).mint();
    }

    @Test
    void every_operation_refuses_a_request_without_a_token() {
        List<OpenApiWalk.Operation> operations = OpenApiWalk.operations();
        assertTrue(operations.size() >= 9, "the walk found the service's operations: " + operations.size());
        assertEquals(List.of(), OpenApiWalk.unauthenticatedMismatches(operations, AGENCY, Map.of(), Map.of()));
    }

    @Test
    void every_operation_on_an_agency_refuses_a_token_of_another_agency_whatever_its_roles() {
        assertEquals(List.of(), OpenApiWalk.foreignAgencyMismatches(OpenApiWalk.operations(), AGENCY, Map.of(), Map.of()));
    }

    @Test
    void expired_forged_and_foreign_tokens_are_refused_logged_without_the_token_and_change_nothing() {
        String planner = token("planner");
        String expired = Tokens.user("rina").roles("planner").agency(AGENCY).expired().mint();
        String otherIssuer = Tokens.user("rina").roles("planner").agency(AGENCY).issuer("https://evil.example/realms/x").mint();
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + String.valueOf(
                        record.getParameters() == null ? "" : List.of(record.getParameters())));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger security = Logger.getLogger("sakip.security");
        security.addHandler(capture);
        long before = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
        try {
            for (String bad : List.of(expired, otherIssuer, Tokens.tampered(planner), "not-a-token")) {
                as(bad).contentType(ContentType.JSON).body(Map.of("name", "X", "pagu", 100, "realisasi", 0))
                        .put(LINE, AGENCY, UNTOUCHED_LINE).then().statusCode(401)
                        .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                        .body("status", is(401));
            }
        } finally {
            security.removeHandler(capture);
        }
        asAdmin().get("/api/v1/agencies/{agency}/years/2022/budget", AGENCY).then().statusCode(200)
                .body("lines.code", org.hamcrest.Matchers.not(hasItem(UNTOUCHED_LINE)));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count()));
        String all = String.join("\n", logged);
        assertTrue(all.contains("/api/v1/agencies/" + AGENCY + "/years/2022/budget/lines/" + UNTOUCHED_LINE), all);
        assertFalse(all.contains(expired) || all.contains(otherIssuer) || all.contains(planner.split("\\.")[2]), all);
    }

    /** Role by role: who may read, change lines, spend and import. */
    @Test
    void each_role_may_do_what_its_job_needs_and_nothing_more() {
        Map<String, Object> line = Map.of("name", "Rehabilitasi Sosial Dasar", "pagu", 1000, "realisasi", 0,
                "unit", Map.of("code", "REHSOS", "name", "Bidang Rehabilitasi Sosial"));
        for (String role : List.of("operator", "verifier", "viewer", "integration")) {
            as(token(role)).contentType(ContentType.JSON).body(line).put(LINE, AGENCY, REHSOS_LINE).then()
                    .statusCode(403).contentType("application/problem+json");
        }
        as(token("planner")).contentType(ContentType.JSON).body(line).put(LINE, AGENCY, REHSOS_LINE).then().statusCode(201);
        as(token("planner")).contentType(ContentType.JSON)
                .body(Map.of("name", "Pemberdayaan Sosial", "pagu", 500, "realisasi", 0))
                .put(LINE, AGENCY, AGENCY_LINE).then().statusCode(201);

        for (String role : List.of("admin", "planner", "operator", "verifier", "viewer")) {
            as(token(role)).get("/api/v1/agencies/{agency}/years/2022/budget", AGENCY).then().statusCode(200);
        }
        as(token("integration")).get("/api/v1/agencies/{agency}/years/2022/budget", AGENCY).then().statusCode(403);

        for (String role : List.of("planner", "verifier", "viewer", "integration")) {
            spend(token(role), REHSOS_LINE, "sp-" + role).then().statusCode(403);
        }
        spend(token("operator"), REHSOS_LINE, "sp-operator").then().statusCode(201);

        Map<String, Object> batch = Map.of("batchId", "sec-1", "lines",
                List.of(Map.of("code", "1.06.06.2.01.0001", "name", "Bantuan Bencana", "pagu", 10, "realisasi", 0)));
        for (String role : List.of("planner", "operator", "verifier", "viewer")) {
            as(token(role)).contentType(ContentType.JSON).body(batch)
                    .post("/api/v1/agencies/{agency}/years/2022/budget/batches", AGENCY).then().statusCode(403);
        }
        // an integration token without the province role, or naming no agency, pushes nothing
        as(Tokens.user("sipd").roles("integration").mint()).contentType(ContentType.JSON).body(batch)
                .post("/api/v1/agencies/{agency}/years/2022/budget/batches", AGENCY).then().statusCode(403)
                .contentType("application/problem+json");
        String sipd = Tokens.user("sipd").roles("integration", "province").mint();
        as(sipd).contentType(ContentType.JSON).body(batch)
                .post("/api/v1/agencies/{agency}/years/2022/budget/batches", AGENCY).then().statusCode(200)
                .body("created", is(1));
    }

    @Test
    void a_unit_operator_spends_only_on_its_own_units_lines() {
        as(token("planner")).contentType(ContentType.JSON).body(Map.of("name", "Rehabilitasi Sosial Dasar",
                        "pagu", 1000, "realisasi", 0, "unit", Map.of("code", "REHSOS", "name", "Bidang Rehabilitasi Sosial")))
                .put(LINE, AGENCY, "1.06.04.2.01.0009").then().statusCode(201);
        as(token("planner")).contentType(ContentType.JSON).body(Map.of("name", "Pemberdayaan", "pagu", 1000, "realisasi", 0))
                .put(LINE, AGENCY, "1.06.02.2.01.0009").then().statusCode(201);
        String rehsos = Tokens.user("budi").roles("operator").agency(AGENCY).unit("REHSOS").mint();
        spend(rehsos, "1.06.02.2.01.0009", "u-1").then().statusCode(403).contentType("application/problem+json");
        spend(rehsos, "1.06.04.2.01.0009", "u-2").then().statusCode(201);
        String byName = Tokens.user("budi").roles("operator").agency(AGENCY).unit("Bidang Rehabilitasi Sosial").mint();
        spend(byName, "1.06.04.2.01.0009", "u-3").then().statusCode(201);
        asAdmin().get("/api/v1/agencies/{agency}/years/2022/budget", AGENCY).then()
                .body("lines.find { it.code == '1.06.04.2.01.0009' }.realisasi", is(300.00f))
                .body("lines.find { it.code == '1.06.02.2.01.0009' }.realisasi", is(0.00f));
    }

    @Test
    void every_accepted_write_is_recorded_with_the_subject_of_its_token() {
        String rina = Tokens.user("rina.planner").roles("planner").agency(AGENCY).mint();
        as(rina).contentType(ContentType.JSON).body(Map.of("name", "Audit line", "pagu", 10, "realisasi", 0))
                .put(LINE, AGENCY, "1.06.02.2.01.0077").then().statusCode(201);
        String audit = asAdmin().get("/api/v1/request-audit?agency={agency}&subject=rina.planner", AGENCY).then().statusCode(200)
                .body("items[0].method", is("PUT"))
                .body("items[0].path", is("/api/v1/agencies/" + AGENCY + "/years/2022/budget/lines/1.06.02.2.01.0077"))
                .body("items[0].roles", is("planner")).body("items[0].status", is(201)).extract().asString();
        // the page is what the document promises a generated client, every property required (issue 24)
        assertEquals(List.of(), OpenApiWalk.strictMismatches(OpenApiWalk.document(), "GET /api/v1/request-audit", 200, audit));
        as(token("verifier")).get("/api/v1/request-audit?agency={agency}", AGENCY).then().statusCode(200);
        as(token("verifier")).get("/api/v1/request-audit?agency=other-agency").then().statusCode(403);
        as(token("planner")).get("/api/v1/request-audit?agency={agency}", AGENCY).then().statusCode(403);
    }

    static Response spend(String token, String code, String key) {
        return as(token).contentType(ContentType.JSON)
                .body(Map.of("sourceKey", key, "date", "2022-06-30", "amount", 150, "reference", key))
                .post(LINE + "/spending", AGENCY, code);
    }
}
