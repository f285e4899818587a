package id.go.maluku.sakip.realization;

import id.go.maluku.sakip.infra.OpenApiWalk;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.infra.Tokens;
import id.go.maluku.sakip.realization.domain.IndicatorRef;
import id.go.maluku.sakip.realization.domain.Realisasi;
import id.go.maluku.sakip.platform.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static id.go.maluku.sakip.infra.Tokens.as;
import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may read and change realisasi (docs/security.md), against the running service. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class SecurityTests {

    static final String AGENCY = "sec-real";
    static final String REHSOS = "Bidang Rehabilitasi Sosial";
    static final String LINJAMSOS = "Bidang Perlindungan dan Jaminan Sosial";
    static final String BASE = "/api/v1/agencies/" + AGENCY;

    static PlanningFeed planning;

    /**
     * The plan of sec-real: IK1 of the rehabilitation unit (walk, refusals), RM1 of the same unit
     * (role matrix), U1 of the rehabilitation unit, U2 and U4 of the protection unit and U3 of the
     * agency itself (unit scope), AU1 of the agency (request audit).
     */
    @BeforeAll
    static void plan() throws Exception {
        planning = new PlanningFeed();
        planning.indicatorOfUnit(AGENCY, "IK1", "KK", REHSOS);
        planning.indicatorOfUnit(AGENCY, "RM1", "KK", REHSOS);
        planning.indicatorOfUnit(AGENCY, "U1", "kegiatan", REHSOS);
        planning.indicatorOfUnit(AGENCY, "U2", "kegiatan", LINJAMSOS);
        planning.indicatorOfUnit(AGENCY, "U3", "kegiatan", null);
        planning.indicatorOfUnit(AGENCY, "U4", "kegiatan", LINJAMSOS);
        planning.indicatorOfUnit(AGENCY, "AU1", "kegiatan", null);
    }

    @AfterAll
    static void close() {
        planning.close();
    }

    static String token(String role) {
        return Tokens.user(role + ".sec").roles(role).agency(AGENCY).mint();
    }

    /** Path values that route every operation to its method: a real indicator, a period, an evidence id. */
    static final Map<String, String> VALUES = Map.of("indicator", "IK1", "period", "Q1",
            "id", "6f1c8f0e-8c1e-4d55-9a53-0d6f1b6c3b03");

    static String realisasi(String indicator, String rest) {
        return BASE + "/indicators/" + indicator + "/realisasi/" + rest;
    }

    static long outboxCount() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
    }

    static long realisasiCount() {
        return QuarkusTransaction.requiringNew().call(() -> Realisasi.count("indicator.agencyCode", AGENCY));
    }

    @Test
    void every_operation_refuses_a_request_without_a_token() {
        List<OpenApiWalk.Operation> operations = OpenApiWalk.operations();
        // 9 realisasi, 4 evidence, 3 lock, audit, monitoring, import (JSON and XLSX: one path), request audit
        assertTrue(operations.size() >= 20, "the walk found the service's operations: " + operations.size());
        assertEquals(List.of(), OpenApiWalk.unauthenticatedMismatches(operations, AGENCY, VALUES, Map.of()));
    }

    @Test
    void every_operation_on_an_agency_refuses_a_token_of_another_agency_whatever_its_roles() {
        long outbox = outboxCount();
        long stored = realisasiCount();
        List<OpenApiWalk.Operation> operations = OpenApiWalk.operations();
        long walked = operations.stream().filter(OpenApiWalk.Operation::namesAnAgency).count();
        assertTrue(walked >= 19, "operations under {agency}: " + walked);
        assertEquals(List.of(), OpenApiWalk.foreignAgencyMismatches(operations, AGENCY, VALUES, Map.of()));
        assertEquals(outbox, outboxCount());
        assertEquals(stored, realisasiCount());
    }

    @Test
    void expired_forged_and_foreign_tokens_are_refused_logged_without_the_token_and_change_nothing() {
        String operator = token("operator");
        String expired = Tokens.user("joko").roles("operator").agency(AGENCY).expired().mint();
        String otherIssuer = Tokens.user("joko").roles("operator").agency(AGENCY)
                .issuer("https://evil.example/realms/x").mint();
        String tampered = Tokens.tampered(operator);
        List<String> logged = new ArrayList<>();
        PatternFormatter message = new PatternFormatter("%s"); // the message with its parameters filled in
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(message.format(record));
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
        long outbox = outboxCount();
        long stored = realisasiCount();
        try {
            for (String bad : List.of(expired, otherIssuer, tampered, "not-a-token")) {
                as(bad).contentType(ContentType.JSON).body(Map.of("value", 7))
                        .put(realisasi("IK1", "2019/Q4")).then().statusCode(401)
                        .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                        .body("status", is(401));
                as(bad).post(realisasi("IK1", "2019/Q4/submit")).then().statusCode(401)
                        .contentType("application/problem+json");
                as(bad).get(BASE + "/realisasi").then().statusCode(401);
            }
        } finally {
            security.removeHandler(capture);
        }
        asAdmin().get(realisasi("IK1", "2019/Q4")).then().statusCode(404);
        assertEquals(outbox, outboxCount());
        assertEquals(stored, realisasiCount());
        asAdmin().get(BASE + "/audit?indicator=IK1&year=2019").then().statusCode(200).body("size()", is(0));
        String all = String.join("\n", logged);
        assertTrue(all.contains("refused PUT " + realisasi("IK1", "2019/Q4") + ": 401"), all);
        assertTrue(all.contains("refused POST " + realisasi("IK1", "2019/Q4/submit") + ": 401"), all);
        for (String token : List.of(expired, otherIssuer, tampered)) {
            assertFalse(all.contains(token), all);
            assertFalse(all.contains(token.split("\\.")[2]), "a signature was logged: " + all);
            assertFalse(all.contains(token.split("\\.")[1]), "a payload was logged: " + all);
        }
    }

    /** Role by role: who may record, state, add evidence, submit, verify, return, lock, unlock, import and read. */
    @Test
    void each_role_may_do_what_its_job_needs_and_nothing_more() {
        Matrix m = new Matrix();
        String q1 = realisasi("RM1", "2022/Q1");
        String q2 = realisasi("RM1", "2022/Q2"); // the admin's own, so that every allowed step can succeed
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 2)).put(q2).then().statusCode(201);

        m.check("record", List.of("planner", "verifier", "viewer", "integration"), 403,
                t -> as(t).contentType(ContentType.JSON).body(Map.of("value", 5)).put(q1));
        asAdmin().get(q1).then().statusCode(404); // the refusals wrote nothing
        m.check("record", List.of("operator"), 201, t -> as(t).contentType(ContentType.JSON).body(Map.of("value", 5)).put(q1));
        m.check("record", List.of("admin"), 200, t -> as(t).contentType(ContentType.JSON).body(Map.of("value", 6)).put(q1));

        m.check("statement", List.of("planner", "verifier", "viewer", "integration"), 403, t -> as(t)
                .contentType(ContentType.JSON).body(Map.of("value", 5, "statedIn", "Tabel 3.1")).post(q1 + "/statements"));
        m.check("statement", List.of("operator"), 200, t -> as(t)
                .contentType(ContentType.JSON).body(Map.of("value", 5, "statedIn", "Tabel 3.1")).post(q1 + "/statements"));
        m.check("statement", List.of("admin"), 200, t -> as(t)
                .contentType(ContentType.JSON).body(Map.of("value", 6, "statedIn", "Tabel 3.2")).post(q1 + "/statements"));

        m.check("evidence", List.of("planner", "verifier", "viewer", "integration"), 403, t -> as(t)
                .contentType(ContentType.JSON).body(Map.of("kind", "text", "text", "daftar hadir")).post(q1 + "/evidence"));
        m.check("evidence file", List.of("planner", "verifier", "viewer", "integration"), 403, t -> as(t)
                .contentType("text/plain").body("berita acara").post(q1 + "/evidence/file?name=ba.txt"));
        m.check("evidence", List.of("operator", "admin"), 201, t -> as(t)
                .contentType(ContentType.JSON).body(Map.of("kind", "text", "text", "daftar hadir")).post(q1 + "/evidence"));
        m.check("evidence file", List.of("operator", "admin"), 201, t -> as(t)
                .contentType("text/plain").body("berita acara").post(q1 + "/evidence/file?name=ba.txt"));

        m.check("submit", List.of("planner", "verifier", "viewer", "integration"), 403, t -> as(t).post(q1 + "/submit"));
        asAdmin().get(q1).then().body("status", is("draft"));
        m.check("submit", List.of("operator"), 200, t -> as(t).post(q1 + "/submit"));
        m.check("submit", List.of("admin"), 200, t -> as(t).post(q2 + "/submit"));

        m.check("verify", List.of("planner", "operator", "viewer", "integration"), 403, t -> as(t).post(q1 + "/verify"));
        asAdmin().get(q1).then().body("status", is("submitted"));
        m.check("verify", List.of("verifier"), 200, t -> as(t).post(q1 + "/verify"));
        m.check("verify", List.of("admin"), 200, t -> as(t).post(q2 + "/verify"));

        Map<String, String> note = Map.of("note", "lampirkan SK");
        m.check("return", List.of("planner", "operator", "viewer", "integration"), 403,
                t -> as(t).contentType(ContentType.JSON).body(note).post(q1 + "/return"));
        m.check("return", List.of("verifier"), 200, t -> as(t).contentType(ContentType.JSON).body(note).post(q1 + "/return"));
        m.check("return", List.of("admin"), 200, t -> as(t).contentType(ContentType.JSON).body(note).post(q2 + "/return"));

        // locks in 2021, which nothing else of sec-real uses
        Map<String, String> deadline = Map.of("deadline", "2022-01-31");
        m.check("lock", List.of("planner", "operator", "viewer", "integration"), 403,
                t -> as(t).contentType(ContentType.JSON).body(deadline).put(BASE + "/locks/2021/Q3"));
        m.check("lock", List.of("verifier"), 201,
                t -> as(t).contentType(ContentType.JSON).body(deadline).put(BASE + "/locks/2021/Q3"));
        m.check("lock", List.of("admin"), 201,
                t -> as(t).contentType(ContentType.JSON).body(deadline).put(BASE + "/locks/2021/Q4"));

        Map<String, String> reason = Map.of("reason", "koreksi data BPS");
        m.check("unlock", List.of("planner", "operator", "verifier", "viewer", "integration"), 403,
                t -> as(t).contentType(ContentType.JSON).body(reason).post(BASE + "/locks/2021/Q3/unlock"));
        asAdmin().get(BASE + "/locks").then().body("find { it.year == 2021 && it.period == 'Q3' }.locked", is(true));
        m.check("unlock", List.of("admin"), 200,
                t -> as(t).contentType(ContentType.JSON).body(reason).post(BASE + "/locks/2021/Q3/unlock"));

        Map<String, Object> rows = Map.of("rows", List.of(Map.of("indicator", "RM1", "year", 2020, "value", 11)));
        m.check("import", List.of("operator", "verifier", "viewer", "integration"), 403,
                t -> as(t).contentType(ContentType.JSON).body(rows).post(BASE + "/realisasi/import"));
        m.check("import xlsx", List.of("operator", "verifier", "viewer", "integration"), 403,
                t -> as(t).contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        .body(new byte[]{'P', 'K'}).post(BASE + "/realisasi/import"));
        asAdmin().get(realisasi("RM1", "2020")).then().statusCode(404);
        m.check("import", List.of("planner", "admin"), 200,
                t -> as(t).contentType(ContentType.JSON).body(rows).post(BASE + "/realisasi/import"));

        List<String> readers = List.of("admin", "planner", "operator", "verifier", "viewer");
        for (String read : List.of(q1, BASE + "/realisasi?year=2022", q1 + "/evidence", BASE + "/locks",
                BASE + "/audit?indicator=RM1", BASE + "/years/2022/monitoring")) {
            m.check("read " + read.substring(BASE.length()), readers, 200, t -> as(t).get(read));
            m.check("read " + read.substring(BASE.length()), List.of("integration"), 403, t -> as(t).get(read));
        }
        String file = asAdmin().get(q1 + "/evidence").then().extract().path("find { it.kind == 'file' }.id");
        m.check("read evidence content", readers, 200, t -> as(t).get(q1 + "/evidence/" + file + "/content"));
        m.check("read evidence content", List.of("integration"), 403, t -> as(t).get(q1 + "/evidence/" + file + "/content"));

        assertEquals(m.expected, m.actual);
        asAdmin().get(q1).then().body("value", is(6)).body("status", is("returned"));
        asAdmin().get(realisasi("RM1", "2020")).then().statusCode(200).body("value", is(11));
    }

    /** Expected and actual outcomes, one line per operation and role, compared at once. */
    static final class Matrix {
        final List<String> expected = new ArrayList<>();
        final List<String> actual = new ArrayList<>();

        void check(String operation, List<String> roles, int status, Function<String, Response> call) {
            for (String role : roles) {
                expected.add(operation + " as " + role + " -> " + status);
                actual.add(operation + " as " + role + " -> " + call.apply(token(role)).statusCode());
            }
        }
    }

    @Test
    void a_unit_operator_writes_only_realisasi_of_its_units_indicators() throws Exception {
        String budi = Tokens.user("budi").roles("operator").agency(AGENCY).unit(REHSOS).mint();
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 1)).put(realisasi("U2", "2022")).then().statusCode(201);
        long outbox = outboxCount();

        // another unit's indicator: no value, statement, evidence or submit
        as(budi).contentType(ContentType.JSON).body(Map.of("value", 9)).put(realisasi("U2", "2022"))
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", is("the token belongs to unit '" + REHSOS + "'; indicator U2 belongs to '" + LINJAMSOS + "'"));
        as(budi).contentType(ContentType.JSON).body(Map.of("value", 9)).put(realisasi("U2", "2022/Q1")).then().statusCode(403);
        as(budi).contentType(ContentType.JSON).body(Map.of("value", 9, "statedIn", "Tabel 3.4"))
                .post(realisasi("U2", "2022/Y/statements")).then().statusCode(403);
        as(budi).contentType(ContentType.JSON).body(Map.of("kind", "link", "url", "https://dinsos.malukuprov.go.id/x"))
                .post(realisasi("U2", "2022/Y/evidence")).then().statusCode(403);
        as(budi).contentType("text/plain").body("daftar hadir").post(realisasi("U2", "2022/Y/evidence/file?name=dh.txt"))
                .then().statusCode(403);
        as(budi).post(realisasi("U2", "2022/Y/submit")).then().statusCode(403);
        // the agency's own indicator is not the unit's either
        as(budi).contentType(ContentType.JSON).body(Map.of("value", 9)).put(realisasi("U3", "2022"))
                .then().statusCode(403).body("detail", is("the token belongs to unit '" + REHSOS
                        + "'; indicator U3 belongs to the agency itself"));
        asAdmin().get(realisasi("U2", "2022")).then().statusCode(200).body("value", is(1)).body("status", is("draft"))
                .body("otherStatements.size()", is(0));
        asAdmin().get(realisasi("U2", "2022/Y/evidence")).then().statusCode(200).body("size()", is(0));
        asAdmin().get(realisasi("U3", "2022")).then().statusCode(404);
        assertEquals(outbox, outboxCount());
        // reading is not writing: the unit operator reads the whole agency
        as(budi).get(realisasi("U2", "2022")).then().statusCode(200);

        // its own unit's indicator: everything an operator does
        as(budi).contentType(ContentType.JSON).body(Map.of("value", 4)).put(realisasi("U1", "2022")).then().statusCode(201);
        as(budi).contentType(ContentType.JSON).body(Map.of("value", 5, "statedIn", "Tabel 3.4"))
                .post(realisasi("U1", "2022/Y/statements")).then().statusCode(200);
        as(budi).contentType(ContentType.JSON).body(Map.of("kind", "text", "text", "4 kegiatan"))
                .post(realisasi("U1", "2022/Y/evidence")).then().statusCode(201);
        as(budi).contentType("text/plain").body("daftar hadir").post(realisasi("U1", "2022/Y/evidence/file?name=dh.txt"))
                .then().statusCode(201).body("createdBy", is("budi"));
        as(budi).post(realisasi("U1", "2022/Y/submit")).then().statusCode(200).body("status", is("submitted"))
                .body("updatedBy", is("budi"));
        // the unit as the token names it, spaced and cased otherwise, is the same unit
        String byName = Tokens.user("budi").roles("operator").agency(AGENCY).unit(" bidang  REHABILITASI sosial").mint();
        as(byName).contentType(ContentType.JSON).body(Map.of("value", 4)).put(realisasi("U1", "2022/Q1")).then().statusCode(201);

        // an agency-wide operator (no unit) writes for every unit and for the agency itself
        String sari = Tokens.user("sari").roles("operator").agency(AGENCY).mint();
        as(sari).contentType(ContentType.JSON).body(Map.of("value", 2)).put(realisasi("U2", "2022")).then().statusCode(200);
        as(sari).contentType(ContentType.JSON).body(Map.of("value", 2)).put(realisasi("U3", "2022")).then().statusCode(201);

        // the refusals left no trace but the log: budi's accepted writes are all on U1
        JsonPath requests = asAdmin().get("/api/v1/request-audit?agency={agency}&subject=budi", AGENCY).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(6, requests.getInt("total"));
        assertTrue(requests.<String>getList("items.path").stream().allMatch(p -> p.contains("/indicators/U1/")),
                requests.prettify());
        asAdmin().get(BASE + "/audit?indicator=U2").then().body("actor", not(hasItem("budi")));
    }

    @Test
    void a_unit_follows_planning_when_the_indicator_changes_hands() throws Exception {
        String nina = Tokens.user("nina").roles("operator").agency(AGENCY).unit(REHSOS).mint();
        as(nina).contentType(ContentType.JSON).body(Map.of("value", 1)).put(realisasi("U4", "2023")).then().statusCode(403);
        String u4 = QuarkusTransaction.requiringNew().call(() ->
                IndicatorRef.findByCode(AGENCY, "U4").orElseThrow().indicatorId.toString());
        planning.definition(u4, AGENCY, "U4", "kegiatan", REHSOS, 2);
        assertEquals(REHSOS, PlanningFeed.responsibleUnit(u4));
        as(nina).contentType(ContentType.JSON).body(Map.of("value", 1)).put(realisasi("U4", "2023")).then().statusCode(201);
    }

    @Test
    void every_accepted_write_is_recorded_with_the_subject_of_its_token_and_is_the_actor_of_the_audit() {
        String rina = Tokens.user("rina.operator").roles("operator").agency(AGENCY).mint();
        as(rina).contentType(ContentType.JSON).body(Map.of("value", 3, "statedIn", "Tabel 3.7"))
                .put(realisasi("AU1", "2022/Q3")).then().statusCode(201).body("updatedBy", is("rina.operator"));
        // recording writes its row in its own transaction (RequestAudit.row, RealisasiStore): once each
        as(rina).contentType(ContentType.JSON).body(Map.of("value", 4)).put(realisasi("AU1", "2022/Q3")).then()
                .statusCode(200);
        as(rina).post(realisasi("AU1", "2022/Q3/submit")).then().statusCode(200);

        asAdmin().get("/api/v1/request-audit?agency={agency}&subject=rina.operator", AGENCY).then().statusCode(200)
                .body("total", is(3))
                .body("items[2].method", is("PUT"))
                .body("items[2].path", is(realisasi("AU1", "2022/Q3")))
                .body("items[2].roles", is("operator")).body("items[2].tokenAgency", is(AGENCY))
                .body("items[2].agency", is(AGENCY)).body("items[2].status", is(201))
                .body("items[1].method", is("PUT")).body("items[1].status", is(200))
                .body("items[0].method", is("POST")).body("items[0].path", is(realisasi("AU1", "2022/Q3/submit")))
                .body("items[0].status", is(200));
        // reads are not recorded, nor are refusals (a submitted value cannot be replaced)
        as(rina).get(realisasi("AU1", "2022/Q3")).then().statusCode(200);
        as(rina).contentType(ContentType.JSON).body(Map.of("value", 5)).put(realisasi("AU1", "2022/Q3")).then()
                .statusCode(409);
        asAdmin().get("/api/v1/request-audit?agency={agency}&subject=rina.operator", AGENCY).then().body("total", is(3));

        // the domain audit names the same subject as the actor of each change
        JsonPath audit = asAdmin().get(BASE + "/audit?indicator=AU1&year=2022&period=Q3").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("created", "changed", "submitted"), audit.getList("action"));
        assertEquals(List.of("rina.operator", "rina.operator", "rina.operator"), audit.getList("actor"));

        // the internal auditor reads their agency's request audit; nobody else of the agency does
        as(token("verifier")).get("/api/v1/request-audit?agency={agency}", AGENCY).then().statusCode(200)
                .body("items.subject", hasItem("rina.operator"));
        as(token("verifier")).get("/api/v1/request-audit?agency=other-agency").then().statusCode(403);
        for (String role : List.of("planner", "operator", "viewer", "integration")) {
            as(token(role)).get("/api/v1/request-audit?agency={agency}", AGENCY).then().statusCode(403);
        }
    }

    @Test
    void a_token_without_an_agency_reaches_an_agency_only_with_a_province_role() {
        String lost = Tokens.user("lost").roles("operator").mint();
        as(lost).get(BASE + "/realisasi").then().statusCode(403);
        as(lost).contentType(ContentType.JSON).body(Map.of("value", 1)).put(realisasi("IK1", "2018")).then().statusCode(403);
        String governor = Tokens.user("gubernur.dashboard").roles("viewer", "province").mint();
        as(governor).get(BASE + "/years/2022/monitoring").then().statusCode(200);
        as(governor).contentType(ContentType.JSON).body(Map.of("value", 1)).put(realisasi("IK1", "2018")).then().statusCode(403);
        asAdmin().get(realisasi("IK1", "2018")).then().statusCode(404);
    }
}
