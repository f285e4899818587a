package id.go.maluku.sakip.realization;

import id.go.maluku.sakip.infra.Workbooks;
import id.go.maluku.sakip.infra.OpenApiWalk;
import id.go.maluku.sakip.infra.PublishedEvents;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.infra.Tokens;
import id.go.maluku.sakip.realization.domain.IndicatorRef;
import id.go.maluku.sakip.realization.domain.Realisasi;
import id.go.maluku.sakip.realization.domain.RealisasiStatement;
import id.go.maluku.sakip.realization.event.RealizationEvents;
import id.go.maluku.sakip.platform.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.go.maluku.sakip.infra.OpenApiWalk.management;
import static id.go.maluku.sakip.infra.Tokens.as;
import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Periods, narrative, evidence, workflow, locks, audit, import and monitoring, on real PostgreSQL and Kafka. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class RealisasiLifecycleTests {

    static PlanningFeed planning;

    @BeforeAll
    static void feed() {
        planning = new PlanningFeed();
    }

    @AfterAll
    static void close() {
        planning.close();
    }

    static long outboxCount() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
    }

    static long realisasiCount(String agency) {
        return QuarkusTransaction.requiringNew().call(() -> Realisasi.count("indicator.agencyCode", agency));
    }

    static String path(String agency, String indicator, String rest) {
        return "/api/v1/agencies/" + agency + "/indicators/" + indicator + "/realisasi/" + rest;
    }

    static void put(String path, String json, int status) {
        asAdmin().contentType(ContentType.JSON).body(json).put(path).then().statusCode(status);
    }

    static List<PublishedEvents.Event> events(String type, String indicatorId, int atLeast) throws Exception {
        return PublishedEvents.await("sakip.realization.events", PublishedEvents.ofType(type, indicatorId), atLeast,
                Duration.ofSeconds(20));
    }

    @Test
    void quarters_and_months_are_recorded_and_published_with_their_period() throws Exception {
        String id = planning.indicator("life-a", "IK1", "KK");
        asAdmin().contentType(ContentType.JSON).body("{\"value\":40,\"explanation\":\"penyaluran awal tahun\"}")
                .put(path("life-a", "IK1", "2022/Q1"))
                .then().statusCode(201).body("period", is("Q1")).body("value", is(40)).body("status", is("draft"))
                .body("explanation", is("penyaluran awal tahun"));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":12.5}").put(path("life-a", "IK1", "2022/m7"))
                .then().statusCode(201).body("period", is("M07"));
        asAdmin().get(path("life-a", "IK1", "2022/Q1")).then().statusCode(200).body("value", is(40))
                .body("explanation", is("penyaluran awal tahun"));
        // the other narrative fields; the explanation, left out, stays as it is
        asAdmin().contentType(ContentType.JSON).body("""
                        {"value":40,"supportingFactors":"data DTKS mutakhir","hinderingFactors":"cuaca ekstrem",
                         "followUp":"penyaluran triwulan II dipercepat"}""")
                .put(path("life-a", "IK1", "2022/Q1")).then().statusCode(200).body("revision", is(2));
        asAdmin().get(path("life-a", "IK1", "2022/Q1")).then().statusCode(200)
                .body("explanation", is("penyaluran awal tahun")).body("supportingFactors", is("data DTKS mutakhir"))
                .body("hinderingFactors", is("cuaca ekstrem")).body("followUp", is("penyaluran triwulan II dipercepat"));
        JsonPath audit = asAdmin().get("/api/v1/agencies/life-a/audit?indicator=IK1&year=2022&period=Q1")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("created", "changed"), audit.getList("action"));
        assertEquals(null, audit.getString("[1].oldValue.supportingFactors"));
        assertEquals("data DTKS mutakhir", audit.getString("[1].newValue.supportingFactors"));
        assertEquals("cuaca ekstrem", audit.getString("[1].newValue.hinderingFactors"));
        assertEquals("penyaluran triwulan II dipercepat", audit.getString("[1].newValue.followUp"));
        assertEquals("penyaluran awal tahun", audit.getString("[1].newValue.explanation"));
        java.time.OffsetDateTime created = java.time.OffsetDateTime.parse(audit.getString("[0].at"));
        java.time.OffsetDateTime changed = java.time.OffsetDateTime.parse(audit.getString("[1].at"));
        assertTrue(!changed.isBefore(created), created + " then " + changed);
        assertTrue(Duration.between(created, java.time.OffsetDateTime.now()).abs().toMinutes() < 10, "recorded now: " + created);

        // narrative alone alters no result: still the two events of the two values
        List<PublishedEvents.Event> recorded = events(RealizationEvents.REALISASI_RECORDED, id, 2);
        assertEquals(2, recorded.size());
        JsonNode q1 = recorded.get(0).body().path("data");
        assertEquals("Q1", q1.path("period").asText());
        assertEquals(40, q1.path("value").asInt());
        assertEquals("M07", recorded.get(1).body().path("data").path("period").asText());
        assertEquals(id, recorded.get(0).key());
        assertEquals(PublishedEvents.shape(PublishedEvents.sample(RealizationEvents.REALISASI_RECORDED)),
                PublishedEvents.shape(recorded.get(0).body()));
    }

    @Test
    void values_that_do_not_fit_the_indicator_or_the_plan_are_problems_and_change_nothing() throws Exception {
        planning.indicator("life-b", "IK1", "kegiatan");
        // a grade indicator as the plan states it: polarity ordinal, the SAKIP grades lowest first
        String sakip = planning.indicator("life-b", "SAKIP", "predikat", Map.of("polarity", "ordinal"));
        planning.definition(sakip, "life-b", "SAKIP", "predikat", null, 1, Map.of("polarity", "ordinal",
                "scale", List.of("D", "C", "CC", "B", "BB", "A", "AA")));
        long outbox = outboxCount();
        asAdmin().contentType(ContentType.JSON).body("{\"value\":3}").put(path("life-b", "IK1", "1999/Y"))
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("year"));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":3}").put(path("life-b", "IK1", "2101"))
                .then().statusCode(400).body("errors.field", hasItem("year"));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":3}").put(path("life-b", "IK1", "2022/Q5"))
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("period"));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":\"B\"}").put(path("life-b", "IK1", "2022/Q1"))
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("value"));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":4}").put(path("life-b", "SAKIP", "2022"))
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("value"));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":\"Z\"}").put(path("life-b", "SAKIP", "2022"))
                .then().statusCode(400).body("errors.field", hasItem("value"));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":3}").put(path("life-b", "NOPE", "2022/Q1"))
                .then().statusCode(404).contentType("application/problem+json").body("errors.field", hasItem("indicator"));
        assertEquals(0, realisasiCount("life-b"));
        assertEquals(outbox, outboxCount());

        // an ordinal indicator takes a level of its scale, and publishes its rank
        asAdmin().contentType(ContentType.JSON).body("{\"value\":\"bb\"}").put(path("life-b", "SAKIP", "2022"))
                .then().statusCode(201).body("value", is("BB"));
        // BB is the fifth of D, C, CC, B, BB, A, AA: reporting compares ranks
        List<PublishedEvents.Event> ranked = events(RealizationEvents.REALISASI_RECORDED, sakip, 1);
        assertEquals(1, ranked.size());
        assertEquals(5, ranked.get(0).body().path("data").path("value").asInt());
    }

    @Test
    void no_one_verifies_or_returns_their_own_figures_and_an_admin_override_needs_a_reason_and_is_audited() throws Exception {
        planning.indicator("life-sod", "IK1", "kegiatan");
        String both = Tokens.user("rina@dinsos").roles("operator", "verifier").agency("life-sod").mint();
        String auditor = Tokens.user("auditor@inspektorat").roles("verifier").agency("life-sod").mint();
        as(both).contentType(ContentType.JSON).body("{\"value\":7}").put(path("life-sod", "IK1", "2022/Q1"))
                .then().statusCode(201);
        as(both).post(path("life-sod", "IK1", "2022/Q1/submit")).then().statusCode(200);
        // a token with both roles records, submits, but may not verify or return its own value
        as(both).post(path("life-sod", "IK1", "2022/Q1/verify")).then().statusCode(403)
                .contentType("application/problem+json").body("errors.field", hasItem("separationOfDuties"))
                .body("detail", org.hamcrest.Matchers.containsString("separation of duties"));
        as(both).contentType(ContentType.JSON).body("{\"note\":\"salah ketik\"}").post(path("life-sod", "IK1", "2022/Q1/return"))
                .then().statusCode(403).body("errors.field", hasItem("separationOfDuties"));
        // an override is an admin's only: a verifier's is refused the same
        as(both).post(path("life-sod", "IK1", "2022/Q1/verify?override=saya sendiri")).then().statusCode(403);
        asAdmin().get(path("life-sod", "IK1", "2022/Q1")).then().body("status", is("submitted"));
        as(auditor).post(path("life-sod", "IK1", "2022/Q1/verify")).then().statusCode(200).body("status", is("verified"));

        // an admin's own figure: refused without a reason, verified with one, and the reason is audited
        asAdmin().contentType(ContentType.JSON).body("{\"value\":9}").put(path("life-sod", "IK1", "2022/Q2"))
                .then().statusCode(201);
        asAdmin().post(path("life-sod", "IK1", "2022/Q2/submit")).then().statusCode(200);
        asAdmin().post(path("life-sod", "IK1", "2022/Q2/verify")).then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("override"));
        asAdmin().post(path("life-sod", "IK1", "2022/Q2/verify?override=   ")).then().statusCode(403);
        asAdmin().queryParam("override", "inspektorat tidak tersedia; diperiksa ulang pada reviu")
                .post(path("life-sod", "IK1", "2022/Q2/verify")).then().statusCode(200).body("status", is("verified"));
        JsonPath audit = asAdmin().get("/api/v1/agencies/life-sod/audit?indicator=IK1&year=2022&period=Q2")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("created", "submitted", "verified"), audit.getList("action"));
        assertEquals("override of separation of duties by an admin: inspektorat tidak tersedia; diperiksa ulang pada reviu",
                audit.getString("[2].reason"));

        // decided: unlocking a period one locked oneself is allowed (admins only, a reason required
        // and audited; it changes no figure, and a figure changed afterwards is verified again)
        asAdmin().contentType(ContentType.JSON).body("{\"deadline\":\"2021-01-31\"}")
                .put("/api/v1/agencies/life-sod/locks/2020/Q4").then().statusCode(org.hamcrest.Matchers.anyOf(is(200), is(201)));
        asAdmin().contentType(ContentType.JSON).body("{\"reason\":\"koreksi data BPS\"}")
                .post("/api/v1/agencies/life-sod/locks/2020/Q4/unlock").then().statusCode(200);
    }

    @Test
    void the_workflow_goes_in_order_and_every_step_is_audited_and_published() throws Exception {
        String id = planning.indicator("life-c", "IK2", "kegiatan");
        // who acts is the subject of the token: an operator enters and submits, the auditor verifies and returns
        String operator = Tokens.user("operator@dinsos").roles("operator").agency("life-c").mint();
        String auditor = Tokens.user("auditor@inspektorat").roles("verifier").agency("life-c").mint();
        as(operator).contentType(ContentType.JSON).body("{\"value\":3}")
                .put(path("life-c", "IK2", "2022/Q2")).then().statusCode(201);
        // a draft is neither verified nor returned: it has not been submitted (counted by the
        // audit and the events below, which have no entry for either)
        as(auditor).post(path("life-c", "IK2", "2022/Q2/verify")).then().statusCode(409)
                .contentType("application/problem+json").body("errors.field", hasItem("status"));
        as(auditor).contentType(ContentType.JSON).body("{\"note\":\"belum diajukan\"}")
                .post(path("life-c", "IK2", "2022/Q2/return")).then().statusCode(409)
                .contentType("application/problem+json").body("errors.field", hasItem("status"));
        asAdmin().get(path("life-c", "IK2", "2022/Q2")).then().body("status", is("draft")).body("revision", is(1));
        as(operator).post(path("life-c", "IK2", "2022/Q2/submit"))
                .then().statusCode(200).body("status", is("submitted"));
        // a submitted value is not edited behind the verifier's back
        asAdmin().contentType(ContentType.JSON).body("{\"value\":4}").put(path("life-c", "IK2", "2022/Q2"))
                .then().statusCode(409).contentType("application/problem+json").body("errors.field", hasItem("status"));
        asAdmin().post(path("life-c", "IK2", "2022/Q2/submit")).then().statusCode(409).body("errors.field", hasItem("status"));
        as(auditor).post(path("life-c", "IK2", "2022/Q2/verify"))
                .then().statusCode(200).body("status", is("verified"));
        asAdmin().post(path("life-c", "IK2", "2022/Q2/verify")).then().statusCode(409);
        asAdmin().contentType(ContentType.JSON).body("{}").post(path("life-c", "IK2", "2022/Q2/return"))
                .then().statusCode(400).body("errors.field", hasItem("note"));
        as(auditor).contentType(ContentType.JSON)
                .body("{\"note\":\"lampirkan daftar hadir\"}").post(path("life-c", "IK2", "2022/Q2/return"))
                .then().statusCode(200).body("status", is("returned")).body("statusNote", is("lampirkan daftar hadir"));
        as(operator).contentType(ContentType.JSON).body("{\"value\":4}")
                .put(path("life-c", "IK2", "2022/Q2")).then().statusCode(200).body("value", is(4));

        JsonPath audit = asAdmin().get("/api/v1/agencies/life-c/audit?indicator=IK2&year=2022&period=Q2")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("created", "submitted", "verified", "returned", "changed"), audit.getList("action"));
        assertEquals(List.of("operator@dinsos", "operator@dinsos", "auditor@inspektorat", "auditor@inspektorat",
                "operator@dinsos"), audit.getList("actor"));
        assertEquals(3, audit.getInt("[4].oldValue.value"));
        assertEquals(4, audit.getInt("[4].newValue.value"));
        assertEquals("returned", audit.getString("[4].oldValue.status"));
        assertEquals("lampirkan daftar hadir", audit.getString("[3].reason"));
        asAdmin().get("/api/v1/agencies/life-c/audit").then().statusCode(200).body("size()", is(5));
        asAdmin().get("/api/v1/agencies/nowhere/audit").then().statusCode(404);

        List<PublishedEvents.Event> changes = events(RealizationEvents.STATUS_CHANGED, id, 3);
        assertEquals(3, changes.size());
        JsonNode returned = changes.get(2).body().path("data");
        assertEquals("returned", returned.path("status").asText());
        assertEquals("verified", returned.path("previousStatus").asText());
        assertEquals("lampirkan daftar hadir", returned.path("note").asText());
        assertEquals("auditor@inspektorat", returned.path("changedBy").asText());
        assertEquals("operator@dinsos", changes.get(0).body().path("data").path("changedBy").asText());
        assertEquals("Q2", returned.path("period").asText());
        assertEquals(id, changes.get(2).key());
        assertEquals(PublishedEvents.shape(PublishedEvents.sample(RealizationEvents.STATUS_CHANGED)),
                PublishedEvents.shape(changes.get(2).body()));
        // the value events: created (3) and changed (4), revisions increasing across both kinds
        List<PublishedEvents.Event> recorded = events(RealizationEvents.REALISASI_RECORDED, id, 2);
        assertEquals(2, recorded.size());
        assertEquals(4, recorded.get(1).body().path("data").path("value").asInt());
        assertTrue(recorded.get(1).body().path("data").path("revision").asLong()
                > returned.path("revision").asLong());
    }

    @Test
    void a_locked_period_cannot_be_changed_until_unlocked_with_a_reason() throws Exception {
        String id = planning.indicator("life-d", "IK3", "lokasi");
        put(path("life-d", "IK3", "2022/Q1"), "{\"value\":1}", 201);
        put(path("life-d", "IK3", "2022/M02"), "{\"value\":1}", 201);
        put(path("life-d", "IK3", "2022"), "{\"value\":1}", 201);
        // the internal auditor closes the period; only the province (admin) reopens it
        String auditor = Tokens.user("auditor@inspektorat").roles("verifier").agency("life-d").mint();
        String province = Tokens.user("biro-organisasi@maluku").roles("admin").mint();
        as(auditor).contentType(ContentType.JSON).body("{\"deadline\":\"2022-04-15\"}")
                .put("/api/v1/agencies/life-d/locks/2022/Q1")
                .then().statusCode(201).body("locked", is(true)).body("deadline", is("2022-04-15"));
        long outbox = outboxCount();

        asAdmin().contentType(ContentType.JSON).body("{\"value\":2}").put(path("life-d", "IK3", "2022/Q1"))
                .then().statusCode(409).contentType("application/problem+json").body("errors.field", hasItem("period"));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":2}").put(path("life-d", "IK3", "2022/M02"))
                .then().statusCode(409);
        asAdmin().contentType(ContentType.JSON).body("{\"value\":2}").put(path("life-d", "IK3", "2022/M03"))
                .then().statusCode(409);
        asAdmin().post(path("life-d", "IK3", "2022/Q1/submit")).then().statusCode(409);
        asAdmin().contentType(ContentType.JSON).body("{\"kind\":\"text\",\"text\":\"x\"}")
                .post(path("life-d", "IK3", "2022/Q1/evidence")).then().statusCode(409);
        // the lock cannot be pushed back past today either: that is an unlock, which needs a reason
        asAdmin().contentType(ContentType.JSON).body("{\"deadline\":\"2100-01-01\"}")
                .put("/api/v1/agencies/life-d/locks/2022/Q1").then().statusCode(409);
        asAdmin().contentType(ContentType.JSON).body("{\"reason\":\" \"}")
                .post("/api/v1/agencies/life-d/locks/2022/Q1/unlock").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        asAdmin().get(path("life-d", "IK3", "2022/Q1")).then().statusCode(200).body("value", is(1)).body("status", is("locked"));
        assertEquals(outbox, outboxCount());
        // the whole year is not locked by its first quarter
        asAdmin().contentType(ContentType.JSON).body("{\"value\":2}").put(path("life-d", "IK3", "2022"))
                .then().statusCode(200);

        as(province).contentType(ContentType.JSON)
                .body("{\"reason\":\"koreksi data BPS\"}").post("/api/v1/agencies/life-d/locks/2022/Q1/unlock")
                .then().statusCode(200).body("locked", is(false)).body("unlockReason", is("koreksi data BPS"))
                .body("unlockedBy", is("biro-organisasi@maluku"));
        asAdmin().contentType(ContentType.JSON).body("{\"reason\":\"lagi\"}")
                .post("/api/v1/agencies/life-d/locks/2022/Q1/unlock").then().statusCode(409) // not locked any more
                .body("errors.field", hasItem("period"));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":2}").put(path("life-d", "IK3", "2022/Q1"))
                .then().statusCode(200).body("value", is(2)).body("status", is("draft"));
        // the lock reopened and the realisasi as a generated client reads them (issue 24): every
        // property there (required), every null one the schema allows
        JsonNode document = OpenApiWalk.document();
        Map<String, String> answers = Map.of(
                "/api/v1/agencies/{agency}/locks", "/api/v1/agencies/life-d/locks",
                "/api/v1/agencies/{agency}/indicators/{indicator}/realisasi/{year}/{period}", path("life-d", "IK3", "2022/Q1"));
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            JsonNode schema = document.path("paths").path(answer.getKey()).at("/get/responses/200/content/application~1json/schema");
            assertTrue(!schema.isMissingNode(), answer.getKey());
            assertEquals(List.of(), OpenApiWalk.answerMismatches(document, schema,
                    PublishedEvents.JSON.readTree(asAdmin().get(answer.getValue()).then().statusCode(200).extract().asString()),
                    true), answer.getKey());
        }

        JsonPath audit = asAdmin().get("/api/v1/agencies/life-d/audit?year=2022&period=Q1").then().extract().jsonPath();
        List<String> actions = audit.getList("action");
        assertEquals(List.of("created", "lock-created", "unlocked", "changed"), actions);
        assertEquals("koreksi data BPS", audit.getString("[2].reason"));
        assertEquals("biro-organisasi@maluku", audit.getString("[2].actor"));
        assertEquals("auditor@inspektorat", audit.getString("[1].actor"));

        // lock and unlock changed the effective status of Q1 and M02 (not of Y): one event each
        List<PublishedEvents.Event> changes = events(RealizationEvents.STATUS_CHANGED, id, 4);
        assertEquals(4, changes.size());
        List<String> q1 = changes.stream().map(e -> e.body().path("data"))
                .filter(d -> d.path("period").asText().equals("Q1"))
                .map(d -> d.path("previousStatus").asText() + ">" + d.path("status").asText()).toList();
        assertEquals(List.of("draft>locked", "locked>draft"), q1);
        assertEquals("koreksi data BPS", changes.stream().map(e -> e.body().path("data"))
                .filter(d -> d.path("status").asText().equals("draft")).findFirst().orElseThrow().path("note").asText());
        assertEquals(List.of("auditor@inspektorat", "biro-organisasi@maluku"), changes.stream().map(e -> e.body().path("data"))
                .filter(d -> d.path("period").asText().equals("Q1")).map(d -> d.path("changedBy").asText()).toList());
        asAdmin().get("/api/v1/agencies/life-d/locks").then().statusCode(200).body("[0].period", is("Q1"))
                .body("[0].locked", is(false));
    }

    @Test
    void evidence_files_are_checked_checksummed_and_kept_with_links_and_texts() throws Exception {
        planning.indicator("life-e", "IK4", "unit");
        put(path("life-e", "IK4", "2022"), "{\"value\":3}", 201);
        byte[] pdf = ("%PDF-1.4\n% berita acara serah terima\n" + "x".repeat(1000)).getBytes(StandardCharsets.US_ASCII);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        String evidenceId = asAdmin().contentType("application/pdf").body(pdf)
                .post(path("life-e", "IK4", "2022/Y/evidence/file?name=bast.pdf"))
                .then().statusCode(201).body("kind", is("file")).body("sha256", is(sha)).body("sizeBytes", is(pdf.length))
                .body("fileName", is("bast.pdf")).extract().path("id");
        byte[] back = asAdmin().get(path("life-e", "IK4", "2022/Y/evidence/" + evidenceId + "/content"))
                .then().statusCode(200).contentType("application/pdf").header("X-Checksum-SHA256", sha)
                .extract().asByteArray();
        assertArrayEquals(pdf, back);
        // a name with directories and a non-ASCII character: kept as given for display, saved as
        // its base name, exactly (RFC 5987) and as an ASCII fallback
        String named = asAdmin().contentType("application/pdf").body(pdf)
                .queryParam("name", "../../arsip/BAST – Seram.pdf")
                .post(path("life-e", "IK4", "2022/Y/evidence/file"))
                .then().statusCode(201).body("fileName", is("../../arsip/BAST – Seram.pdf")).extract().path("id");
        asAdmin().get(path("life-e", "IK4", "2022/Y/evidence/" + named + "/content")).then().statusCode(200)
                .header("Content-Disposition", is("attachment; filename=\"BAST _ Seram.pdf\"; "
                        + "filename*=UTF-8''BAST%20%E2%80%93%20Seram.pdf"));

        byte[] tooLarge = Arrays.copyOf(pdf, 65537);
        asAdmin().contentType("application/pdf").body(tooLarge).post(path("life-e", "IK4", "2022/Y/evidence/file?name=big.pdf"))
                .then().statusCode(413).contentType("application/problem+json").body("errors.field", hasItem("file"));
        asAdmin().contentType("application/x-msdownload").body(new byte[]{'M', 'Z'})
                .post(path("life-e", "IK4", "2022/Y/evidence/file?name=setup.exe"))
                .then().statusCode(415).contentType("application/problem+json").body("errors.field", hasItem("contentType"));
        asAdmin().contentType("image/png").body(pdf).post(path("life-e", "IK4", "2022/Y/evidence/file?name=foto.png"))
                .then().statusCode(415).body("errors.field", hasItem("file"));
        // the name is kept for display in a 300-character column: a longer one is refused, naming it (issue 21)
        asAdmin().contentType("application/pdf").body(pdf).queryParam("name", "n".repeat(297) + ".pdf")
                .post(path("life-e", "IK4", "2022/Y/evidence/file"))
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("name"));
        asAdmin().contentType(ContentType.JSON).body("{\"kind\":\"link\",\"url\":\"ftp://x\"}")
                .post(path("life-e", "IK4", "2022/Y/evidence")).then().statusCode(400).body("errors.field", hasItem("url"));

        asAdmin().contentType(ContentType.JSON).body("{\"kind\":\"link\",\"url\":\"https://dinsos.malukuprov.go.id/bast\"}")
                .post(path("life-e", "IK4", "2022/Y/evidence")).then().statusCode(201).body("kind", is("link"));
        asAdmin().contentType(ContentType.JSON).body("{\"kind\":\"text\",\"text\":\"3 UPTD menerima sarana\"}")
                .post(path("life-e", "IK4", "2022/Y/evidence")).then().statusCode(201);
        asAdmin().get(path("life-e", "IK4", "2022/Y/evidence")).then().statusCode(200).body("size()", is(4))
                .body("kind", is(List.of("file", "file", "link", "text")));
        asAdmin().get("/api/v1/agencies/life-e/audit?indicator=IK4").then()
                .body("action", is(List.of("created", "evidence-added", "evidence-added", "evidence-added", "evidence-added")))
                .body("[1].newValue.sha256", is(sha));
    }

    @Test
    void a_second_statement_is_kept_and_never_replaces_the_value_that_counts() throws Exception {
        String id = planning.indicator("life-f", "IK3", "lokasi");
        put(path("life-f", "IK3", "2022"), "{\"value\":0,\"statedIn\":\"Tabel 3.9\"}", 201);
        for (int i = 0; i < 2; i++) { // loading the same statement again changes nothing
            asAdmin().contentType(ContentType.JSON).body("{\"value\":3,\"statedIn\":\"Tabel 3.10\",\"note\":\"kontradiksi\"}")
                    .post(path("life-f", "IK3", "2022/Y/statements")).then().statusCode(200).body("value", is(3));
        }
        asAdmin().contentType(ContentType.JSON).body("{\"value\":3}").post(path("life-f", "IK3", "2022/Y/statements"))
                .then().statusCode(400).body("errors.field", hasItem("statedIn"));
        // a note longer than its column (found by FuzzIT: a 500 from the insert)
        asAdmin().contentType(ContentType.JSON).body("{\"value\":4,\"statedIn\":\"Tabel 3.11\",\"note\":\""
                        + "n".repeat(2001) + "\"}").post(path("life-f", "IK3", "2022/Y/statements"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("note")).body("errors.message", hasItem("at most 2000 characters"));
        asAdmin().get(path("life-f", "IK3", "2022")).then().statusCode(200).body("value", is(0))
                .body("statedIn", is("Tabel 3.9")).body("otherStatements.size()", is(1))
                .body("otherStatements[0].value", is(3)).body("otherStatements[0].statedIn", is("Tabel 3.10"));
        List<PublishedEvents.Event> recorded = events(RealizationEvents.REALISASI_RECORDED, id, 1);
        assertEquals(1, recorded.size());
        assertEquals(0, recorded.get(0).body().path("data").path("value").asInt());
        List<PublishedEvents.Event> statements = events(RealizationEvents.STATEMENT_RECORDED, id, 1);
        assertEquals(1, statements.size(), "the same statement loaded twice is published once");
        assertEquals("Tabel 3.10", statements.get(0).body().path("data").path("statedIn").asText());
        assertEquals(3, statements.get(0).body().path("data").path("value").asInt());
        assertEquals(PublishedEvents.shape(PublishedEvents.sample(RealizationEvents.STATEMENT_RECORDED)),
                PublishedEvents.shape(statements.get(0).body()));
        asAdmin().get("/api/v1/agencies/life-f/audit").then().body("subject", is(List.of("realisasi", "statement")));
    }

    static long statementCount(String indicatorId) {
        return QuarkusTransaction.requiringNew().call(() ->
                RealisasiStatement.count("indicator.indicatorId", UUID.fromString(indicatorId)));
    }

    static long outboxRowsOf(String indicatorId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("aggregateId", indicatorId));
    }

    @Test
    void a_statement_of_a_period_without_a_recorded_value_is_refused_and_nothing_is_kept() throws Exception {
        String id = planning.indicator("life-s", "IK3", "lokasi");
        put(path("life-s", "IK3", "2022"), "{\"value\":0,\"statedIn\":\"Tabel 3.9\"}", 201);
        long outbox = outboxRowsOf(id);
        String statement = "{\"value\":3,\"statedIn\":\"Tabel 3.10\",\"note\":\"kontradiksi\"}";

        // the year is recorded, its first quarter and the year before are not
        String detail = "realisasi 2022/Q1 of indicator 'IK3' does not exist: record the value first, "
                + "then the other statements of it";
        asAdmin().contentType(ContentType.JSON).body(statement).post(path("life-s", "IK3", "2022/q1/statements"))
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", is(detail)).body("errors.field", is(List.of("realisasi")))
                .body("errors[0].message", is(detail));
        asAdmin().contentType(ContentType.JSON).body(statement).post(path("life-s", "IK3", "2021/Y/statements"))
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("realisasi 2021/Y of indicator 'IK3' does not exist"));
        assertEquals(0, statementCount(id));
        assertEquals(outbox, outboxRowsOf(id), "a refused statement publishes nothing");
        asAdmin().get("/api/v1/agencies/life-s/audit").then().body("subject", is(List.of("realisasi")));
        asAdmin().get(path("life-s", "IK3", "2022/Q1")).then().statusCode(404);
        asAdmin().get(path("life-s", "IK3", "2022")).then().statusCode(200).body("otherStatements.size()", is(0));

        // once the quarter's value is recorded, the same statement is kept beside it and published
        put(path("life-s", "IK3", "2022/Q1"), "{\"value\":0,\"statedIn\":\"Tabel 3.9\"}", 201);
        asAdmin().contentType(ContentType.JSON).body(statement).post(path("life-s", "IK3", "2022/Q1/statements"))
                .then().statusCode(200).body("value", is(3)).body("statedIn", is("Tabel 3.10"));
        asAdmin().get(path("life-s", "IK3", "2022/Q1")).then().statusCode(200).body("value", is(0))
                .body("otherStatements.statedIn", is(List.of("Tabel 3.10")));
        assertEquals(1, statementCount(id));
        assertEquals(outbox + 2, outboxRowsOf(id), "the quarter's value and its statement");
        List<PublishedEvents.Event> statements = events(RealizationEvents.STATEMENT_RECORDED, id, 1);
        assertEquals(List.of("Q1"), statements.stream().map(e -> e.body().path("data").path("period").asText()).toList());

        // the refusal is documented with its example, as the operation's other problems are
        JsonNode notFound = PublishedEvents.JSON.readTree(management().get("/q/openapi?format=json").asString())
                .path("paths").path("/api/v1/agencies/{agency}/indicators/{indicator}/realisasi/{year}/{period}/statements")
                .path("post").path("responses").path("404").path("content").path("application/problem+json").path("examples");
        assertEquals("realisasi", notFound.path("no realisasi").path("value").path("errors").path(0).path("field").asText(),
                notFound.toString());
    }

    @Test
    void a_json_import_dry_runs_reports_every_rejected_row_and_upserts_idempotently() throws Exception {
        planning.indicator("life-g", "IK1", "kegiatan");
        String body = """
                {"rows":[
                  {"indicator":"IK1","year":2019,"value":14,"statedIn":"Tabel 3.3"},
                  {"indicator":"IK1","year":2020,"period":"Y","value":24,"statedIn":"Tabel 3.3"},
                  {"indicator":"IK1","year":2021,"value":24,"statedIn":"Tabel 3.2; Tabel 3.3"},
                  {"indicator":"IK1","year":1999,"value":1},
                  {"indicator":"NOPE","year":2021,"value":1},
                  {"indicator":"IK1","year":2018,"period":"Q9","value":1},
                  {"indicator":"IK1","year":2022,"value":"dua"},
                  {"indicator":"IK1","year":2019,"value":15}
                ]}""";
        long outbox = outboxCount();
        JsonPath dry = asAdmin().contentType(ContentType.JSON).body(body)
                .post("/api/v1/agencies/life-g/realisasi/import?dryRun=true").then().statusCode(200).extract().jsonPath();
        assertEquals(true, dry.getBoolean("dryRun"));
        assertEquals(8, dry.getInt("received"));
        assertEquals(3, dry.getInt("created"));
        assertEquals(5, dry.getInt("rejected"));
        assertEquals(List.of(4, 5, 6, 7, 8), dry.getList("rejections.row"));
        assertEquals(List.of("year", "indicator", "period", "value", "row"), dry.getList("rejections.field"));
        assertEquals(0, realisasiCount("life-g"));
        assertEquals(outbox, outboxCount());

        JsonPath real = asAdmin().contentType(ContentType.JSON).body(body)
                .post("/api/v1/agencies/life-g/realisasi/import").then().statusCode(200).extract().jsonPath();
        assertEquals(3, real.getInt("created"));
        assertEquals(5, real.getInt("rejected"));
        asAdmin().get(path("life-g", "IK1", "2019")).then().body("value", is(14)).body("statedIn", is("Tabel 3.3"));
        long afterFirst = outboxCount();
        assertEquals(outbox + 3, afterFirst);

        JsonPath again = asAdmin().contentType(ContentType.JSON).body(body)
                .post("/api/v1/agencies/life-g/realisasi/import").then().statusCode(200).extract().jsonPath();
        assertEquals(0, again.getInt("created"));
        assertEquals(3, again.getInt("unchanged"));
        assertEquals(afterFirst, outboxCount());
        assertEquals(3, realisasiCount("life-g"));

        // a changed value is updated in place, with its event; a row of a locked period is
        // rejected with its reason, and the rest of the file still goes in
        asAdmin().contentType(ContentType.JSON).body("{\"deadline\":\"2022-01-31\"}")
                .put("/api/v1/agencies/life-g/locks/2021/Y").then().statusCode(201);
        long afterLock = outboxCount(); // the lock publishes the locked value's new status
        JsonPath changed = asAdmin().contentType(ContentType.JSON).body("""
                        {"rows":[{"indicator":"IK1","year":2019,"value":16},{"indicator":"IK1","year":2021,"value":25}]}""")
                .post("/api/v1/agencies/life-g/realisasi/import").then().statusCode(200).extract().jsonPath();
        assertEquals(1, changed.getInt("updated"));
        assertEquals(1, changed.getInt("rejected"));
        assertEquals(List.of(2), changed.getList("rejections.row"));
        assertEquals(List.of("period"), changed.getList("rejections.field"));
        asAdmin().get(path("life-g", "IK1", "2019")).then().body("value", is(16)).body("revision", is(2));
        asAdmin().get(path("life-g", "IK1", "2021")).then().body("value", is(24)).body("status", is("locked"));
        assertEquals(afterLock + 1, outboxCount());
        assertEquals(3, realisasiCount("life-g"));
        asAdmin().contentType(ContentType.JSON).body("{\"rows\":[]}").post("/api/v1/agencies/nowhere/realisasi/import")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void an_xlsx_import_reads_the_first_sheet_and_reports_sheet_rows() throws Exception {
        planning.indicator("life-h", "IK5", "KK");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("realisasi");
        String[] header = {"indicator", "year", "period", "value", "statedIn"};
        for (int c = 0; c < header.length; c++) {
            sheet.value(0, c, header[c]);
        }
        Object[][] rows = {{"IK5", 2019, "Y", 16, "Tabel 3.15"}, {"IK5", 2020, "Y", "16", "Tabel 3.15"},
                {"IK5", 2021, "Y", 285, "Tabel 3.14; Tabel 3.15"}, {"IK5", 2022, "Q1", 75.5, null}};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v instanceof Number n) {
                    sheet.value(r + 1, c, n);
                } else if (v != null) {
                    sheet.value(r + 1, c, (String) v);
                }
            }
        }
        workbook.finish();
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        long outbox = outboxCount();
        JsonPath dry = asAdmin().contentType(xlsx).body(out.toByteArray())
                .post("/api/v1/agencies/life-h/realisasi/import?dryRun=true").then().statusCode(200).extract().jsonPath();
        assertEquals(true, dry.getBoolean("dryRun"));
        assertEquals(3, dry.getInt("created"));
        assertEquals(List.of(3), dry.getList("rejections.row"));
        assertEquals(0, realisasiCount("life-h"));
        assertEquals(outbox, outboxCount());
        JsonPath report = asAdmin().contentType(xlsx)
                .body(out.toByteArray()).post("/api/v1/agencies/life-h/realisasi/import")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(4, report.getInt("received"));
        assertEquals(3, report.getInt("created"));
        assertEquals(List.of(3), report.getList("rejections.row")); // "16" typed as text is not guessed
        assertEquals(List.of("value"), report.getList("rejections.field"));
        asAdmin().get(path("life-h", "IK5", "2021")).then().body("value", is(285));
        asAdmin().get(path("life-h", "IK5", "2022/Q1")).then().body("value", is(75.5f));
        assertEquals(outbox + 3, outboxCount());
        // the same workbook again: nothing new, nothing published
        JsonPath again = asAdmin().contentType(xlsx).body(out.toByteArray())
                .post("/api/v1/agencies/life-h/realisasi/import").then().statusCode(200).extract().jsonPath();
        assertEquals(0, again.getInt("created"));
        assertEquals(3, again.getInt("unchanged"));
        assertEquals(outbox + 3, outboxCount());
        assertEquals(3, realisasiCount("life-h"));
        asAdmin().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body("not a workbook".getBytes(StandardCharsets.UTF_8)).post("/api/v1/agencies/life-h/realisasi/import")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("body"));
    }

    /** A workbook of the import's columns written by fastexcel, rows as given (a Number as a number cell). */
    static byte[] importSheet(List<Object[]> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("realisasi");
        String[] header = {"indicator", "year", "period", "value", "explanation"};
        for (int c = 0; c < header.length; c++) {
            sheet.value(0, c, header[c]);
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).length; c++) {
                Object v = rows.get(r)[c];
                if (v instanceof Number n) {
                    sheet.value(r + 1, c, n);
                } else if (v != null) {
                    sheet.value(r + 1, c, (String) v);
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    @Test
    void an_xlsx_bomb_is_refused_before_it_is_read_and_bad_cells_reject_their_rows() throws Exception {
        planning.indicator("life-x", "IK5", "KK");
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        asAdmin().contentType(xlsx).body(Workbooks.bomb(200L << 20)).post("/api/v1/agencies/life-x/realisasi/import")
                .then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", is("body"))
                .body("detail", endsWith("(sakip.upload.max-inflate-ratio)"));
        byte[] cells = Workbooks.withSheet(importSheet(List.of()), List.of(
                List.of("indicator", "year", "period", "value", "explanation"),
                List.of("IK5", "#2019", "Y", "#1E+999999999", "x"),
                List.of("IK5", "#2020", "Y", "#16", "x".repeat(32_768)),
                List.of("IK5", "#2021", "Y", "#17", "fine")));
        JsonPath report = asAdmin().contentType(xlsx).body(cells).post("/api/v1/agencies/life-x/realisasi/import")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, report.getInt("created"));
        assertEquals(List.of(2, 3), report.getList("rejections.row"));
        assertEquals(List.of("value", "explanation"), report.getList("rejections.field"));
        assertEquals(List.of("a number must be smaller than 10^18 in magnitude",
                "a cell holds at most 32767 characters; this one has 32768"), report.getList("rejections.message"));
        asAdmin().get(path("life-x", "IK5", "2021")).then().body("value", is(17));
        assertEquals(1, realisasiCount("life-x"));
    }

    @Test
    void an_import_report_lists_the_first_thousand_rejected_rows_and_counts_them_all() throws Exception {
        planning.indicator("life-y", "IK5", "KK");
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            rows.add(new Object[]{"NOPE" + i, 2020, "Y", 1});
        }
        JsonPath report = asAdmin().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body(importSheet(rows)).post("/api/v1/agencies/life-y/realisasi/import?dryRun=true")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1_500, report.getInt("received"));
        assertEquals(1_500, report.getInt("rejected"));
        assertEquals(1_000, report.getList("rejections").size());
        assertEquals(1_001, report.getInt("rejections[999].row"));
    }

    @Test
    void monitoring_computes_the_form_from_copied_targets_and_realisasi() throws Exception {
        String id = planning.indicator("life-i", "IK5", "KK",
                Map.of("sasaranCode", "S5", "polarity", "positive", "aFieldPlanningMayAddLater", "ignored"));
        planning.target(id, "life-i", "IK5", 2022, 150, 1);
        planning.target(id, "life-i", "IK5", 2023, 175, 1);
        var last = planning.target(id, "life-i", "IK5", 2024, 200, 2);
        PlanningFeed.await("targets", () -> PlanningFeed.targetValue(id, 2024) != null
                && PlanningFeed.targetValue(id, 2022) != null && PlanningFeed.targetValue(id, 2023) != null);
        // redelivered with other content under the same id, and an older revision: both change nothing
        var redelivered = last.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) redelivered.get("data")).put("value", 999).put("revision", 9);
        planning.send(redelivered);
        planning.target(id, "life-i", "IK5", 2024, 111, 1);
        planning.target(id, "life-i", "IK5", 2021, 100, 1); // marker after both
        PlanningFeed.await("marker target", () -> PlanningFeed.targetValue(id, 2021) != null);
        assertEquals(0, new BigDecimal("200").compareTo(PlanningFeed.targetValue(id, 2024)));

        String rows = """
                {"rows":[
                  {"indicator":"IK5","year":2019,"value":16},{"indicator":"IK5","year":2020,"value":16},
                  {"indicator":"IK5","year":2021,"value":285},
                  {"indicator":"IK5","year":2022,"period":"Q1","value":40},
                  {"indicator":"IK5","year":2022,"period":"Q2","value":60},
                  {"indicator":"IK5","year":2022,"period":"M07","value":30},
                  {"indicator":"IK5","year":2022,"period":"M08","value":20},
                  {"indicator":"IK5","year":2022,"period":"Q4","value":100}
                ]}""";
        asAdmin().contentType(ContentType.JSON).body(rows).post("/api/v1/agencies/life-i/realisasi/import")
                .then().statusCode(200).body("created", is(8));

        // the plan says the quarters add up (the seed's IK5 counts households helped in each)
        planning.definition(id, "life-i", "IK5", "KK", null, 1, Map.of("aggregation", "sum", "sasaranCode", "S5",
                "polarity", "positive"));
        JsonPath m = asAdmin().get("/api/v1/agencies/life-i/years/2022/monitoring").then().statusCode(200)
                .extract().jsonPath();
        assertNull(m.get("aggregation"), "none asked for: each indicator's plan decides");
        assertEquals("sum", m.getString("indicators[0].aggregation"));
        assertEquals("IK5", m.getString("indicators[0].indicator"));
        assertEquals("S5", m.getString("indicators[0].sasaran"));
        assertEquals("positive", m.getString("indicators[0].polarity"));
        assertEquals(2024, m.getInt("indicators[0].endOfPeriodYear"));
        assertEquals(200, m.getInt("indicators[0].endOfPeriodTarget"));
        assertEquals(16 + 16 + 285, m.getInt("indicators[0].realisasiUpToLastYear"));
        assertEquals(150, m.getInt("indicators[0].thisYearTarget"));
        assertEquals(40, m.getInt("indicators[0].realisasiPerQuarter.q1"));
        assertEquals(60, m.getInt("indicators[0].realisasiPerQuarter.q2"));
        assertEquals(50, m.getInt("indicators[0].realisasiPerQuarter.q3"));
        assertEquals(100, m.getInt("indicators[0].realisasiPerQuarter.q4"));
        assertEquals(250, m.getInt("indicators[0].thisYearTotal"));
        assertEquals(317 + 250, m.getInt("indicators[0].cumulative"));
        assertEquals(283.50f, m.getFloat("indicators[0].cumulativePercentOfEndTarget")); // 567 / 200
        asAdmin().get("/api/v1/agencies/life-i/years/2022/monitoring?aggregation=last").then().statusCode(200)
                .body("aggregation", is("last")).body("indicators[0].aggregation", is("last"))
                .body("indicators[0].thisYearTotal", is(100)).body("indicators[0].cumulative", is(100));
        asAdmin().get("/api/v1/agencies/life-i/years/2022/monitoring?aggregation=median").then().statusCode(400)
                .body("errors.field", hasItem("aggregation"));
        asAdmin().get("/api/v1/agencies/nowhere/years/2022/monitoring").then().statusCode(404);
        asAdmin().get("/api/v1/agencies/life-i/years/2021/monitoring").then().statusCode(200)
                .body("indicators[0].realisasiPerQuarter.q1", nullValue())
                .body("indicators[0].thisYearTotal", is(285));
        // the plan changes its mind: the last value stands (100 of Q4), without anything asked
        planning.definition(id, "life-i", "IK5", "KK", null, 2, Map.of("aggregation", "last", "sasaranCode", "S5",
                "polarity", "positive"));
        asAdmin().get("/api/v1/agencies/life-i/years/2022/monitoring").then().statusCode(200)
                .body("indicators[0].aggregation", is("last")).body("indicators[0].thisYearTotal", is(100));

        IndicatorRef ref = QuarkusTransaction.requiringNew().call(() -> IndicatorRef.findById(java.util.UUID.fromString(id)));
        assertEquals("S5", ref.sasaranCode);
        assertEquals("positive", ref.polarity);
    }

    @Test
    void concurrent_changes_of_one_value_each_get_their_own_revision_and_the_last_event_is_the_stored_value()
            throws Exception {
        String id = planning.indicator("life-j", "IK1", "kegiatan");
        put(path("life-j", "IK1", "2022/Q3"), "{\"value\":0}", 201);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Integer>> puts = new java.util.ArrayList<>();
        for (int v = 1; v <= 24; v++) {
            int value = v;
            puts.add(pool.submit(() -> asAdmin().contentType(ContentType.JSON).body("{\"value\":" + value + "}")
                    .put(path("life-j", "IK1", "2022/Q3")).statusCode()));
        }
        for (var f : puts) {
            assertEquals(200, f.get());
        }
        pool.shutdown();
        List<PublishedEvents.Event> recorded = events(RealizationEvents.REALISASI_RECORDED, id, 25);
        assertEquals(25, recorded.size());
        List<Long> revisions = recorded.stream().map(e -> e.body().path("data").path("revision").asLong()).toList();
        assertEquals(java.util.stream.LongStream.rangeClosed(1, 25).boxed().toList(), revisions);
        int stored = asAdmin().get(path("life-j", "IK1", "2022/Q3")).then().body("revision", is(25)).extract().path("value");
        assertEquals(stored, recorded.get(24).body().path("data").path("value").asInt());
    }

    @Test
    void a_deadline_still_to_come_leaves_the_period_open_and_the_api_is_documented() throws Exception {
        planning.indicator("life-k", "IK2", "kegiatan");
        put(path("life-k", "IK2", "2030/Q2"), "{\"value\":1}", 201);
        asAdmin().contentType(ContentType.JSON).body("{\"deadline\":\"2099-12-31\"}").put("/api/v1/agencies/life-k/locks/2030/Y")
                .then().statusCode(201).body("locked", is(false));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":2}").put(path("life-k", "IK2", "2030/Q2"))
                .then().statusCode(200).body("status", is("draft"));
        asAdmin().contentType(ContentType.JSON).body("{\"deadline\":\"31-12-2099\"}").put("/api/v1/agencies/life-k/locks/2030/Y")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("deadline"));
        asAdmin().contentType(ContentType.JSON).body("{\"reason\":\"x\"}").post("/api/v1/agencies/life-k/locks/2030/Y/unlock")
                .then().statusCode(409).body("errors.field", hasItem("period"));
        String openapi = management().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        for (String documented : List.of("/api/v1/agencies/{agency}/years/{year}/monitoring",
                "/api/v1/agencies/{agency}/realisasi/import", "/api/v1/agencies/{agency}/locks/{year}/{period}/unlock",
                "/api/v1/agencies/{agency}/audit",
                "/api/v1/agencies/{agency}/indicators/{indicator}/realisasi/{year}/{period}/evidence/file")) {
            assertTrue(openapi.contains("\"" + documented + "\""), documented);
        }
    }
}
