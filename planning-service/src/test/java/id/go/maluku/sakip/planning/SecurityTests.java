package id.go.maluku.sakip.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.maluku.sakip.infra.OpenApiWalk;
import id.go.maluku.sakip.infra.PublishedEvents;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.infra.Tokens;
import id.go.maluku.sakip.platform.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
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
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may read and change an agency's plan (docs/security.md), against the running service. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class SecurityTests {

    static final String AGENCY = "sec-plan";
    static final String BASE = "/api/v1/agencies/{agency}";
    static final List<String> NOT_PLANNERS = List.of("operator", "verifier", "viewer", "integration");
    static final List<String> READERS = List.of("admin", "planner", "operator", "verifier", "viewer");

    private static boolean planned;

    static String token(String role) {
        return Tokens.user(role + ".sec").roles(role).agency(AGENCY).mint();
    }

    /** The seed's plan as sec-plan's, imported once per JVM by the province (its PK 2022 v1 unsigned). */
    @BeforeEach
    void plan() throws Exception {
        if (!planned) {
            PlanDocumentTests.importPlan(AGENCY, PlanDocumentTests.demo(AGENCY), false, 200);
            planned = true;
        }
    }

    static int indexOf(JsonNode plan, String indicator) {
        for (int i = 0; i < plan.get("indicators").size(); i++) {
            if (indicator.equals(plan.get("indicators").get(i).get("code").asText())) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + indicator + " in the plan");
    }

    static long outboxRows() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
    }

    @Test
    void every_operation_refuses_a_request_without_a_token() {
        List<OpenApiWalk.Operation> operations = OpenApiWalk.operations();
        // 14 agency and plan operations, 11 plan document / PK / policy operations, the request audit
        assertTrue(operations.size() >= 26, "the walk found the service's operations: " + operations.size());
        assertEquals(List.of(), OpenApiWalk.unauthenticatedMismatches(operations, AGENCY, Map.of(), Map.of()));
    }

    @Test
    void every_operation_on_an_agency_refuses_a_token_of_another_agency_whatever_its_roles() {
        long before = outboxRows();
        List<OpenApiWalk.Operation> operations = OpenApiWalk.operations();
        assertEquals(23, operations.stream().filter(OpenApiWalk.Operation::namesAnAgency).count(),
                "operations under {agency}");
        // real codes, so that a check that forgot the agency would reach the data and not a 404
        assertEquals(List.of(), OpenApiWalk.foreignAgencyMismatches(operations, AGENCY,
                Map.of("code", "IK5", "version", "1"), Map.of()));
        assertEquals(before, outboxRows());
    }

    @Test
    void expired_forged_and_foreign_tokens_are_refused_logged_without_the_token_and_change_nothing() {
        String planner = token("planner");
        String expired = Tokens.user("rina").roles("planner").agency(AGENCY).expired().mint();
        String otherIssuer = Tokens.user("rina").roles("planner").agency(AGENCY)
                .issuer("https://evil.example/realms/x").mint();
        String tampered = Tokens.tampered(planner);
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage() + " " + (record.getParameters() == null ? "" : List.of(record.getParameters())));
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
        long before = outboxRows();
        try {
            for (String bad : List.of(expired, otherIssuer, tampered, "not-a-token")) {
                as(bad).contentType(ContentType.JSON).body(Map.of("name", "Sasaran tanpa izin", "ordinal", 99))
                        .put(BASE + "/sasaran/{code}", AGENCY, "S-FORGED").then().statusCode(401)
                        .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                        .body("status", is(401));
                as(bad).contentType(ContentType.JSON).body(Map.of("value", 999))
                        .put(BASE + "/indicators/IK5/targets/2023", AGENCY).then().statusCode(401)
                        .contentType("application/problem+json");
            }
        } finally {
            security.removeHandler(capture);
        }
        asAdmin().get(BASE + "/sasaran?size=200", AGENCY).then().statusCode(200)
                .body("items.code", not(hasItem("S-FORGED")));
        asAdmin().get(BASE + "/indicators/IK5", AGENCY).then().statusCode(200)
                .body("targets.find { it.year == 2023 }.value", not(is(999)));
        assertEquals(before, outboxRows());
        String all = String.join("\n", logged);
        assertTrue(all.contains("/api/v1/agencies/" + AGENCY + "/sasaran/S-FORGED"), all);
        assertTrue(all.contains("401"), all);
        String signature = planner.split("\\.")[2];
        assertFalse(all.contains(expired) || all.contains(otherIssuer) || all.contains(tampered)
                || all.contains(signature), all);
    }

    /** Reading the plan: the agency's staff and the province; not the e-budgeting system, not another agency. */
    @Test
    void the_plan_is_read_by_the_agencys_staff_and_the_province() {
        for (String role : READERS) {
            as(token(role)).get(BASE + "/plan", AGENCY).then().statusCode(200).body("agency.code", is(AGENCY));
            as(token(role)).get(BASE + "/indicators/IK5", AGENCY).then().statusCode(200).body("code", is("IK5"));
            as(token(role)).get(BASE + "/perjanjian-kinerja/2022", AGENCY).then().statusCode(200);
        }
        as(token("integration")).get(BASE + "/plan", AGENCY).then().statusCode(403)
                .contentType("application/problem+json");
        // a viewer of the province (no agency) reads every agency; a planner without an agency reads none
        as(Tokens.user("dashboard").roles("viewer", "province").mint()).get(BASE + "/plan", AGENCY).then().statusCode(200);
        // reach over the province is granted by the role, never by a missing or blank agency claim
        as(Tokens.user("dashboard").roles("viewer").mint()).get(BASE + "/plan", AGENCY).then().statusCode(403)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("province"));
        as(Tokens.user("dashboard").roles("viewer").agency("").mint()).get(BASE + "/plan", AGENCY).then().statusCode(403);
        as(Tokens.user("dashboard").roles("viewer").agency("  ").mint()).get(BASE + "/plan", AGENCY).then().statusCode(403);
        as(Tokens.user("lost").roles("planner").mint()).get(BASE + "/plan", AGENCY).then().statusCode(403);

        // the list of agencies: any role; a token with no role at all is refused
        for (String role : List.of("admin", "planner", "operator", "verifier", "viewer", "integration")) {
            as(token(role)).get("/api/v1/agencies?q={q}", AGENCY).then().statusCode(200)
                    .body("items.code", hasItem(AGENCY));
        }
        as(Tokens.user("nobody").agency(AGENCY).mint()).get("/api/v1/agencies").then().statusCode(403);
    }

    /** The whole plan: the agency's planner imports it, but neither creates agencies nor changes the governor's RPJMD. */
    @Test
    void the_planner_imports_the_plan_but_not_the_province_nor_a_new_agency() throws Exception {
        JsonNode exported = PublishedEvents.JSON.readTree(asAdmin().get(BASE + "/plan", AGENCY).asString());
        for (String role : NOT_PLANNERS) {
            as(token(role)).contentType(ContentType.JSON).body(exported.toString()).put(BASE + "/plan", AGENCY)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        // the export as it is, province part included: accepted, nothing changes
        long before = outboxRows();
        as(token("planner")).contentType(ContentType.JSON).body(exported.toString()).put(BASE + "/plan", AGENCY)
                .then().statusCode(200).body("counts.created", nullValue()).body("counts.updated", nullValue())
                .body("changes.find { it.path == 'province' }.action", is("unchanged"));
        assertEquals(before, outboxRows());

        // the agency's own parts change
        int ik5 = indexOf(exported, "IK5");
        ObjectNode changed = (ObjectNode) exported.deepCopy();
        ((ObjectNode) changed.get("indicators").get(ik5).get("targets")).put("2024", 222);
        as(token("planner")).contentType(ContentType.JSON).body(changed.toString()).put(BASE + "/plan", AGENCY)
                .then().statusCode(200).body("counts.updated", is(1))
                .body("changes.find { it.path == 'indicators[" + ik5 + "].targets.2024' }.action", is("updated"));
        asAdmin().get(BASE + "/indicators/IK5", AGENCY).then().body("targets.find { it.year == 2024 }.value", is(222));

        // the governor's visi is the province's: refused whole, even as a dry run
        ObjectNode governor = (ObjectNode) exported.deepCopy();
        ((ObjectNode) governor.get("province")).put("visi", "Visi baru");
        ((ObjectNode) governor.get("indicators").get(ik5).get("targets")).put("2024", 333);
        long beforeProvince = outboxRows();
        for (boolean dryRun : List.of(true, false)) {
            as(token("planner")).contentType(ContentType.JSON).body(governor.toString())
                    .put(BASE + "/plan?dryRun={d}", AGENCY, dryRun).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        // nor may a planner's document create a province
        ObjectNode newProvince = (ObjectNode) exported.deepCopy();
        ((ObjectNode) newProvince.get("province")).put("code", "sec-province");
        ((ObjectNode) newProvince.get("agency")).put("province", "sec-province");
        as(token("planner")).contentType(ContentType.JSON).body(newProvince.toString()).put(BASE + "/plan", AGENCY)
                .then().statusCode(403);
        assertEquals(beforeProvince, outboxRows());
        asAdmin().get(BASE + "/plan", AGENCY).then()
                .body("province.code", is("maluku"))
                .body("province.visi", is(exported.get("province").get("visi").asText()))
                .body("indicators[" + ik5 + "].targets.2024", is(222));

        // the province's admin may
        asAdmin().contentType(ContentType.JSON).body(governor.toString()).put(BASE + "/plan?dryRun=true", AGENCY)
                .then().statusCode(200).body("changes.find { it.path == 'province' }.action", is("updated"));

        // a new agency's plan: the province's, even for that agency's own planner
        String fresh = "sec-plan-new";
        ObjectNode other = PlanDocumentTests.demo(fresh);
        String newPlanner = Tokens.user("planner.new").roles("planner").agency(fresh).mint();
        as(newPlanner).contentType(ContentType.JSON).body(other.toString()).put(BASE + "/plan", fresh)
                .then().statusCode(403).contentType("application/problem+json");
        asAdmin().get(BASE, fresh).then().statusCode(404);
    }

    /** Role by role on the main writes: who gets a 2xx and who a 403. */
    @Test
    void each_role_may_do_what_its_job_needs_and_nothing_more() throws Exception {
        // a target
        for (String role : NOT_PLANNERS) {
            as(token(role)).contentType(ContentType.JSON).body(Map.of("value", 161))
                    .put(BASE + "/indicators/IK5/targets/2023", AGENCY).then().statusCode(403);
        }
        as(token("planner")).contentType(ContentType.JSON).body(Map.of("value", 161))
                .put(BASE + "/indicators/IK5/targets/2023", AGENCY).then().statusCode(200).body("value", is(161));

        // targets from an Excel sheet
        byte[] sheet = TargetUploadTests.sheet(List.of("indicator", "year", "target"),
                List.<Object[]>of(new Object[]{"IK5", 2023, 162}));
        for (String role : NOT_PLANNERS) {
            as(token(role)).contentType(TargetUploadTests.XLSX).body(sheet)
                    .post(BASE + "/targets/upload", AGENCY).then().statusCode(403);
        }
        as(token("planner")).contentType(TargetUploadTests.XLSX).body(sheet)
                .post(BASE + "/targets/upload", AGENCY).then().statusCode(200).body("counts.updated", is(1));
        asAdmin().get(BASE + "/indicators/IK5", AGENCY).then().body("targets.find { it.year == 2023 }.value", is(162));

        // the capaian policy
        JsonNode policy = PublishedEvents.JSON.readTree(asAdmin().get(BASE + "/capaian-policy", AGENCY).asString());
        ObjectNode capped = (ObjectNode) policy.deepCopy();
        capped.put("cap", 110);
        for (String role : NOT_PLANNERS) {
            as(token(role)).contentType(ContentType.JSON).body(capped.toString())
                    .put(BASE + "/capaian-policy", AGENCY).then().statusCode(403);
        }
        as(token("planner")).contentType(ContentType.JSON).body(capped.toString())
                .put(BASE + "/capaian-policy", AGENCY).then().statusCode(200).body("result", is("updated"));
        asAdmin().get(BASE + "/capaian-policy", AGENCY).then().body("cap", is(110));

        // signing the Perjanjian Kinerja and starting a perubahan
        Map<String, String> signature = Map.of("date", "2022-02-01", "signedBy", "GUSNA RIA, S.E., M.M");
        for (String role : NOT_PLANNERS) {
            as(token(role)).contentType(ContentType.JSON).body(signature)
                    .post(BASE + "/perjanjian-kinerja/2022/versions/1/sign", AGENCY).then().statusCode(403);
            as(token(role)).post(BASE + "/perjanjian-kinerja/2022/revisions", AGENCY).then().statusCode(403);
        }
        asAdmin().get(BASE + "/perjanjian-kinerja/2022", AGENCY).then().body("items[0].signed", is(false));
        as(token("planner")).contentType(ContentType.JSON).body(signature)
                .post(BASE + "/perjanjian-kinerja/2022/versions/1/sign", AGENCY).then().statusCode(200)
                .body("signed", is(true)).body("signedBy", is("GUSNA RIA, S.E., M.M"));
        as(token("planner")).post(BASE + "/perjanjian-kinerja/2022/revisions", AGENCY).then().statusCode(201)
                .body("version", is(2));

        // agencies: the province creates them; the agency's planner may rename its own
        String created = "sec-plan-b";
        String plannerOfB = Tokens.user("planner.b").roles("planner").agency(created).mint();
        for (String token : List.of(plannerOfB, token("operator"), token("verifier"), token("viewer"), token("integration"))) {
            as(token).contentType(ContentType.JSON).body(Map.of("code", created, "name", "Dinas B"))
                    .post("/api/v1/agencies").then().statusCode(403);
        }
        as(plannerOfB).contentType(ContentType.JSON).body(Map.of("name", "Dinas B"))
                .put(BASE, created).then().statusCode(403);
        asAdmin().get(BASE, created).then().statusCode(404);
        asAdmin().contentType(ContentType.JSON).body(Map.of("code", created, "name", "Dinas B"))
                .post("/api/v1/agencies").then().statusCode(201);
        as(plannerOfB).contentType(ContentType.JSON).body(Map.of("name", "Dinas B Provinsi Maluku"))
                .put(BASE, created).then().statusCode(200).body("name", is("Dinas B Provinsi Maluku"));
        as(token("viewer")).contentType(ContentType.JSON).body(Map.of("name", "X")).put(BASE, AGENCY)
                .then().statusCode(403);
    }

    /** Removing parts of the plan: the agency's planner and the province; nobody else, and a refusal changes nothing. */
    @Test
    void only_the_planner_and_the_province_remove_parts_of_the_plan() {
        // elements of this test's own, so that the seed's plan stays whole for the others
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Sasaran untuk dihapus", "ordinal", 90))
                .put(BASE + "/sasaran/{code}", AGENCY, "S-DEL").then().statusCode(201);
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("sasaran", "S-DEL", "name", "Indikator untuk dihapus", "unit", "KK", "polarity", "positive"))
                .put(BASE + "/indicators/{code}", AGENCY, "I-DEL").then().statusCode(201);
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 5))
                .put(BASE + "/indicators/I-DEL/targets/2023", AGENCY).then().statusCode(201);
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("sasaran", "S-DEL", "indicator", "I-DEL", "target", 5))))
                .put(BASE + "/perjanjian-kinerja/2023/versions/1", AGENCY).then().statusCode(200);
        List<String> removals = List.of(BASE + "/indicators/I-DEL/targets/2023", BASE + "/perjanjian-kinerja/2023/versions/1",
                BASE + "/indicators/I-DEL", BASE + "/sasaran/S-DEL");

        long before = outboxRows();
        for (String path : removals) {
            for (String role : NOT_PLANNERS) {
                as(token(role)).delete(path, AGENCY).then().statusCode(403).contentType("application/problem+json");
            }
            as(Tokens.user("planner.other").roles("planner").agency("other-agency").mint()).delete(path, AGENCY)
                    .then().statusCode(403);
        }
        assertEquals(before, outboxRows(), "a refused removal changes nothing");
        asAdmin().get(BASE + "/indicators/I-DEL", AGENCY).then().statusCode(200).body("targets.size()", is(1));

        for (String path : removals.subList(0, 3)) {
            as(token("planner")).delete(path, AGENCY).then().statusCode(204);
        }
        asAdmin().delete(removals.get(3), AGENCY).then().statusCode(204);
        asAdmin().get(BASE + "/sasaran/{code}", AGENCY, "S-DEL").then().statusCode(404);
        asAdmin().get(BASE + "/indicators/I-DEL", AGENCY).then().statusCode(404);
        asAdmin().get(BASE + "/perjanjian-kinerja/2023", AGENCY).then().statusCode(404);
        asAdmin().get("/api/v1/request-audit?agency={agency}&subject=planner.sec", AGENCY).then().statusCode(200)
                .body("items.method", hasItem("DELETE"))
                .body("items.path", hasItem("/api/v1/agencies/" + AGENCY + "/indicators/I-DEL"));
    }

    @Test
    void every_accepted_write_is_recorded_with_the_subject_of_its_token() {
        String rina = Tokens.user("rina.planner").roles("planner").agency(AGENCY).mint();
        as(rina).contentType(ContentType.JSON).body(Map.of("name", "Sasaran audit", "ordinal", 42))
                .put(BASE + "/sasaran/{code}", AGENCY, "S-AUDIT").then().statusCode(201);
        asAdmin().get("/api/v1/request-audit?agency={agency}&subject=rina.planner", AGENCY).then().statusCode(200)
                .body("total", is(1))
                .body("items[0].subject", is("rina.planner"))
                .body("items[0].method", is("PUT"))
                .body("items[0].path", is("/api/v1/agencies/" + AGENCY + "/sasaran/S-AUDIT"))
                .body("items[0].roles", is("planner"))
                .body("items[0].tokenAgency", is(AGENCY))
                .body("items[0].agency", is(AGENCY))
                .body("items[0].status", is(201));
        // a refused write is not recorded as one
        as(token("viewer")).contentType(ContentType.JSON).body(Map.of("name", "X", "ordinal", 1))
                .put(BASE + "/sasaran/{code}", AGENCY, "S-VIEWER").then().statusCode(403);
        asAdmin().get("/api/v1/request-audit?agency={agency}&subject=viewer.sec", AGENCY).then().statusCode(200)
                .body("total", is(0));
        // the internal auditor reads their own agency's, nobody else's; a planner reads none
        as(token("verifier")).get("/api/v1/request-audit?agency={agency}", AGENCY).then().statusCode(200)
                .body("items.subject", hasItem("rina.planner"));
        as(token("verifier")).get("/api/v1/request-audit?agency=other-agency").then().statusCode(403);
        as(token("planner")).get("/api/v1/request-audit?agency={agency}", AGENCY).then().statusCode(403);
    }
}
