package id.go.maluku.sakip.reporting;

import id.go.maluku.sakip.infra.OpenApiWalk;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.infra.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static id.go.maluku.sakip.infra.Tokens.as;
import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may read and change reporting data (docs/security.md), against the running service. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class SecurityTests {

    /** An agency with results for 2022: capaian 75 (target 20, realisasi 15). */
    static final String AGENCY = "sec-rep";
    /** An agency nobody wrote anything for: the walks use it, so public reads answer the same every time. */
    static final String WALKED = "sec-rep-walk";
    static final String BASE = "/api/v1/agencies/{agency}/years/2022";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> LKIP_FORMATS = List.of("text/html", "application/pdf", XLSX, "application/json");

    /** The public operations and what they answer for an agency that has published nothing. */
    static final Map<String, Integer> PUBLIC = Map.of(
            "GET /api/v1/agencies/{agency}/years/{year}/lkip/publications", 200,
            "GET /api/v1/agencies/{agency}/years/{year}/lkip/publications/{version}", 404);

    static String token(String role) {
        return Tokens.user(role + ".sec").roles(role).agency(AGENCY).mint();
    }

    static String provinceViewer() {
        return Tokens.user("gubernur.dashboard").roles("viewer", "province").mint();
    }

    static String stranger() {
        return OpenApiWalk.stranger();
    }

    private static boolean seeded;

    /** The agency's plan and results, sent as planning and realization publish them; waits until computed. */
    static synchronized void seed() throws Exception {
        if (seeded) {
            return;
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            String agencyId = UUID.randomUUID().toString();
            String sasaranId = UUID.randomUUID().toString();
            String indicatorId = UUID.randomUUID().toString();
            BuildTests.send(producer, "sakip.planning.events", "sakip.planning.agency.upserted.v1", agencyId,
                    Map.of("agencyId", agencyId, "agencyCode", AGENCY, "name", "Dinas Keamanan Pelaporan"));
            BuildTests.send(producer, "sakip.planning.events", "sakip.planning.sasaran.upserted.v1", sasaranId,
                    Map.of("sasaranId", sasaranId, "agencyCode", AGENCY, "code", "S1", "ordinal", 1));
            BuildTests.send(producer, "sakip.planning.events", "sakip.planning.indicator.upserted.v1", indicatorId,
                    Map.of("indicatorId", indicatorId, "agencyCode", AGENCY, "sasaranId", sasaranId, "sasaranCode", "S1",
                            "code", "IK1", "unit", "dokumen", "polarity", "positive"));
            BuildTests.send(producer, "sakip.planning.events", "sakip.planning.target.set.v1", indicatorId,
                    Map.of("indicatorId", indicatorId, "agencyCode", AGENCY, "indicatorCode", "IK1", "year", 2022, "value", 20));
            BuildTests.send(producer, "sakip.realization.events", "sakip.realization.realisasi.recorded.v1", indicatorId,
                    Map.of("realisasiId", UUID.randomUUID().toString(), "indicatorId", indicatorId, "agencyCode", AGENCY,
                            "indicatorCode", "IK1", "year", 2022, "period", "Y", "value", 15));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!asAdmin().get(BASE + "/performance", AGENCY).asString().contains("\"realisasi\":15")) {
            assertTrue(System.nanoTime() < deadline, "the agency's results never arrived");
            Thread.sleep(200);
        }
        seeded = true;
    }

    @Test
    void every_operation_refuses_a_request_without_a_token_but_the_published_reports() {
        List<OpenApiWalk.Operation> operations = OpenApiWalk.operations();
        assertTrue(operations.size() >= 18, "the walk found the service's operations: " + operations);
        // also lists a public operation the document no longer has
        assertEquals(List.of(), OpenApiWalk.unauthenticatedMismatches(operations, WALKED, Map.of(), PUBLIC));
        // one OpenAPI operation stands for the four formats of the LKIP: each is refused
        for (String format : LKIP_FORMATS) {
            RestAssured.given().accept(format).get(BASE + "/lkip?variant=final", AGENCY).then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void every_operation_on_an_agency_refuses_a_token_of_another_agency_whatever_its_roles() {
        String stranger = stranger();
        List<OpenApiWalk.Operation> operations = OpenApiWalk.operations();
        long walked = operations.stream().filter(OpenApiWalk.Operation::namesAnAgency).count();
        assertTrue(walked >= 13, "operations under {agency}: " + walked);
        assertEquals(List.of(), OpenApiWalk.foreignAgencyMismatches(operations, WALKED, Map.of(), PUBLIC));
        for (String format : LKIP_FORMATS) {
            as(stranger).accept(format).get(BASE + "/lkip", AGENCY).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        // a planner, operator or verifier token that names no agency reaches none
        String nowhere = Tokens.user("lost").roles("planner", "operator", "verifier").mint();
        as(nowhere).get(BASE + "/performance", AGENCY).then().statusCode(403);
        // builds are an agency's drafts too, though their path names none
        as(stranger).get("/api/v1/builds?agency={agency}", AGENCY).then().statusCode(403);
        as(stranger).get("/api/v1/builds").then().statusCode(403).contentType("application/problem+json");
    }

    @jakarta.inject.Inject
    io.smallrye.jwt.auth.principal.JWTParser jwtParser;

    @Test
    void expired_forged_and_foreign_tokens_are_refused_logged_without_the_token_and_change_nothing() throws Exception {
        seed();
        String planner = token("planner");
        String expired = Tokens.user("rina").roles("planner").agency(AGENCY).expired().mint();
        String otherIssuer = Tokens.user("rina").roles("planner").agency(AGENCY)
                .issuer("https://evil.example/realms/x").mint();
        String tampered = Tokens.tampered(planner);
        // bearer tokens are verified through the bean that keeps verified ones; the good token
        // is kept by now, and its tampered copy must still be refused below
        assertTrue(io.quarkus.arc.ClientProxy.unwrap(jwtParser) instanceof id.go.maluku.sakip.platform.security.VerifiedTokens);
        as(planner).get(BASE + "/lkip/narratives", AGENCY).then().statusCode(200);
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
        try {
            for (String bad : List.of(expired, otherIssuer, tampered, "not-a-token")) {
                as(bad).contentType(ContentType.JSON).body(Map.of("text", "Ditulis dengan token palsu"))
                        .put(BASE + "/lkip/narratives/sec-forged", AGENCY).then().statusCode(401)
                        .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                        .body("status", is(401));
                as(bad).post(BASE + "/lkip/publications", AGENCY).then().statusCode(401);
                as(bad).accept("application/json").get(BASE + "/lkip", AGENCY).then().statusCode(401);
                // a public document needs no token, but a token that is sent must be a good one
                as(bad).get(BASE + "/lkip/publications", AGENCY).then().statusCode(401)
                        .contentType("application/problem+json");
            }
        } finally {
            security.removeHandler(capture);
        }
        asAdmin().get(BASE + "/lkip/narratives", AGENCY).then().statusCode(200)
                .body("section", not(hasItem("sec-forged")));
        asAdmin().get("/api/v1/request-audit?agency={agency}&subject=rina", AGENCY).then().statusCode(200)
                .body("total", is(0));
        // the same write with a good token is the first version of the section
        as(planner).contentType(ContentType.JSON).body(Map.of("text", "Ditulis dengan token asli"))
                .put(BASE + "/lkip/narratives/sec-forged", AGENCY).then().statusCode(200)
                .body("version", is(1)).body("writtenBy", is("planner.sec"));
        String all = String.join("\n", logged);
        assertTrue(all.contains("/api/v1/agencies/" + AGENCY + "/years/2022/lkip/narratives/sec-forged"), all);
        assertTrue(all.contains("401"), all);
        for (String secret : List.of(expired, otherIssuer, tampered, planner.split("\\.")[2], expired.split("\\.")[2])) {
            assertFalse(all.contains(secret), "a token was logged: " + all);
        }
    }

    /** Reading an agency's figures and its draft LKIP: the agency's own staff and the province. */
    @Test
    void the_agencys_staff_and_the_province_read_its_figures_and_draft() throws Exception {
        seed();
        List<String> readers = List.of(token("admin"), token("planner"), token("operator"), token("verifier"),
                token("viewer"), provinceViewer(), Tokens.admin());
        for (String reader : readers) {
            as(reader).get(BASE + "/performance", AGENCY).then().statusCode(200)
                    .body("sasaran[0].indicators[0].realisasi", is(15));
            as(reader).accept("application/json").get(BASE + "/lkip", AGENCY).then().statusCode(200)
                    .body("blocks.size()", org.hamcrest.Matchers.greaterThan(0));
        }
        for (String role : List.of("operator", "viewer")) {
            as(token(role)).get(BASE + "/review", AGENCY).then().statusCode(200);
            as(token(role)).get(BASE + "/lkip/narratives", AGENCY).then().statusCode(200);
            as(token(role)).get(BASE + "/absorption", AGENCY).then().statusCode(404); // allowed; no budget yet
            as(token(role)).get("/api/v1/agencies/{agency}/trends", AGENCY).then().statusCode(200);
        }
        as(token("viewer")).accept("application/pdf").get(BASE + "/lkip", AGENCY).then().statusCode(200)
                .contentType("application/pdf");
        // the e-budgeting system imports budgets; it reads no figures, not even as the province's
        for (String integration : List.of(token("integration"), Tokens.user("sipd").roles("integration", "province").mint())) {
            as(integration).get(BASE + "/performance", AGENCY).then().statusCode(403)
                    .contentType("application/problem+json");
            as(integration).accept("application/json").get(BASE + "/lkip", AGENCY).then().statusCode(403);
        }
    }

    /** Narratives and publication: the agency's planners (and the province's admins). */
    @Test
    void planners_write_narratives_and_publish_the_others_may_not() throws Exception {
        seed();
        for (String role : List.of("operator", "verifier", "viewer", "integration")) {
            as(token(role)).contentType(ContentType.JSON).body(Map.of("text", "Kata pengantar oleh " + role))
                    .put(BASE + "/lkip/narratives/kata-pengantar", AGENCY).then().statusCode(403)
                    .contentType("application/problem+json");
            as(token(role)).post(BASE + "/lkip/publications", AGENCY).then().statusCode(403);
            as(token(role)).delete(BASE + "/lkip/publications/1", AGENCY).then().statusCode(403);
        }
        as(provinceViewer()).contentType(ContentType.JSON).body(Map.of("text", "Kata pengantar gubernur"))
                .put(BASE + "/lkip/narratives/kata-pengantar", AGENCY).then().statusCode(403);
        as(token("planner")).contentType(ContentType.JSON).body(Map.of("text", "Kata pengantar perencana"))
                .put(BASE + "/lkip/narratives/kata-pengantar", AGENCY).then().statusCode(200)
                .body("writtenBy", is("planner.sec"));
        as(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("text", "Kata pengantar provinsi"))
                .put(BASE + "/lkip/narratives/kata-pengantar", AGENCY).then().statusCode(200)
                .body("writtenBy", is("admin.provinsi"));
        asAdmin().get(BASE + "/lkip/narratives", AGENCY).then()
                .body("findAll { it.section == 'kata-pengantar' }.writtenBy", not(hasItem(containsString("operator"))))
                .body("findAll { it.section == 'kata-pengantar' }.text", not(hasItem("Kata pengantar oleh viewer")));

        int published = asAdmin().get(BASE + "/lkip/publications", AGENCY).then().extract().jsonPath().getList("$").size();
        int version = as(token("planner")).post(BASE + "/lkip/publications", AGENCY).then().statusCode(201)
                .body("publishedBy", is("planner.sec")).extract().path("version");
        assertEquals(published + 1, version);
        // published is published, for a planner as for anybody
        as(token("planner")).delete(BASE + "/lkip/publications/{v}", AGENCY, version).then().statusCode(409);
        asAdmin().get(BASE + "/lkip/publications", AGENCY).then().body("size()", is(published + 1));
    }

    /** Province-wide operations: builds of every agency and the rebuild are the admin's; the overview the province's. */
    @Test
    void the_province_wide_operations_are_the_provinces() throws Exception {
        seed();
        List<String> notAdmin = List.of(token("planner"), token("operator"), token("verifier"), token("viewer"),
                token("integration"), provinceViewer(), Tokens.user("sipd").roles("integration", "province").mint());
        for (String token : notAdmin) {
            as(token).post("/api/v1/builds?year=1999").then().statusCode(403).contentType("application/problem+json");
            as(token).post("/api/v1/admin/rebuild").then().statusCode(403).contentType("application/problem+json");
        }

        // the overview across agencies: an admin, or the province's own viewer; not an agency's viewer
        as(token("viewer")).get("/api/v1/province/years/2022/agencies").then().statusCode(403)
                .contentType("application/problem+json");
        as(token("planner")).get("/api/v1/province/years/2022/agencies").then().statusCode(403);
        as(Tokens.user("sipd").roles("integration", "province").mint()).get("/api/v1/province/years/2022/agencies").then()
                .statusCode(403);
        for (String province : List.of(provinceViewer(), Tokens.admin())) {
            as(province).get("/api/v1/province/years/2022/agencies?q={q}", AGENCY).then().statusCode(200)
                    .body("agencies.items.agency", hasItem(AGENCY))
                    .body("agencies.items.find { it.agency == '" + AGENCY + "' }.capaian", is(75.0f));
        }

        // a build run: triggered by an admin only, its builds read like the agency's drafts
        String run = as(Tokens.admin()).post("/api/v1/builds?year=1999").then().statusCode(202).extract().path("runId");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (run.equals(asAdmin().get("/api/v1/builds?run=" + run).then().extract().path("running"))) {
            assertTrue(System.nanoTime() < deadline, "the build run never finished");
            Thread.sleep(200);
        }
        JsonPath mine = as(token("viewer")).get("/api/v1/builds?agency={agency}&run={run}", AGENCY, run).then()
                .statusCode(200).body("items.agency", is(List.of(AGENCY))).extract().jsonPath();
        int build = mine.getInt("items[0].id");
        assertEquals("FAILED", mine.getString("items[0].status"));
        as(token("viewer")).get("/api/v1/builds").then().statusCode(403);
        as(token("viewer")).get("/api/v1/builds?agency=other-agency").then().statusCode(403);
        as(provinceViewer()).get("/api/v1/builds?run={run}", run).then().statusCode(200)
                .body("items.agency", hasItem(AGENCY));
        // the failed build has no document: the agency's viewer learns so, another agency's is refused first
        as(token("viewer")).accept("application/json").get("/api/v1/builds/{id}", build).then().statusCode(404);
        as(stranger()).accept("application/json").get("/api/v1/builds/{id}", build).then().statusCode(403);

        PoisonEventTests.discardEveryParkedEvent();
        JsonPath rebuilt = as(Tokens.admin()).post("/api/v1/admin/rebuild").then().log().ifValidationFails().statusCode(200).extract().jsonPath();
        assertTrue(rebuilt.getLong("applied") >= 5, rebuilt.prettify());
        as(token("viewer")).get(BASE + "/performance", AGENCY).then().statusCode(200)
                .body("sasaran[0].capaian", is(75.0f));
    }

    @Test
    void a_published_lkip_is_a_public_document() throws Exception {
        seed();
        int version = as(token("planner")).post(BASE + "/lkip/publications", AGENCY).then().statusCode(201)
                .extract().path("version");
        RestAssured.given().get(BASE + "/lkip/publications", AGENCY).then().statusCode(200)
                .body("version", hasItem(version));
        RestAssured.given().accept("text/html").get(BASE + "/lkip/publications/{v}", AGENCY, version).then()
                .statusCode(200).contentType(containsString("text/html")).body(containsString("75,00 %"));
        RestAssured.given().accept("application/pdf").get(BASE + "/lkip/publications/{v}", AGENCY, version).then()
                .statusCode(200).contentType("application/pdf");
        // a reader signed in elsewhere reads it as well
        as(stranger()).accept("application/json").get(BASE + "/lkip/publications/{v}", AGENCY, version).then()
                .statusCode(200);
        // the draft it came from is not public
        RestAssured.given().accept("text/html").get(BASE + "/lkip", AGENCY).then().statusCode(401);
    }

    @Test
    void every_accepted_write_is_recorded_with_the_subject_of_its_token() throws Exception {
        seed();
        String rina = Tokens.user("rina.planner").roles("planner").agency(AGENCY).mint();
        as(rina).contentType(ContentType.JSON).body(Map.of("text", "Saran untuk tahun berikutnya"))
                .put(BASE + "/lkip/narratives/saran", AGENCY).then().statusCode(200);
        as(Tokens.user("vera.viewer").roles("viewer").agency(AGENCY).mint()).contentType(ContentType.JSON)
                .body(Map.of("text", "Saran penonton")).put(BASE + "/lkip/narratives/saran", AGENCY).then().statusCode(403);
        asAdmin().get("/api/v1/request-audit?agency={agency}&subject=rina.planner", AGENCY).then().statusCode(200)
                .body("total", is(1))
                .body("items[0].subject", is("rina.planner"))
                .body("items[0].method", is("PUT"))
                .body("items[0].path", is("/api/v1/agencies/" + AGENCY + "/years/2022/lkip/narratives/saran"))
                .body("items[0].roles", is("planner")).body("items[0].tokenAgency", is(AGENCY))
                .body("items[0].agency", is(AGENCY)).body("items[0].status", is(200));
        // refused writes change nothing and are not in the audit of writes
        asAdmin().get("/api/v1/request-audit?subject=vera.viewer").then().statusCode(200).body("total", is(0));
        as(token("verifier")).get("/api/v1/request-audit?agency={agency}", AGENCY).then().statusCode(200);
        as(token("verifier")).get("/api/v1/request-audit?agency=other-agency").then().statusCode(403);
        as(token("planner")).get("/api/v1/request-audit?agency={agency}", AGENCY).then().statusCode(403);
        RestAssured.given().get("/api/v1/request-audit").then().statusCode(401);
    }

    @Test
    void a_browser_dashboard_may_send_its_token_across_origins() {
        RestAssured.given().header("Origin", "https://dashboard.example").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization,if-none-match")
                .options(BASE + "/performance", AGENCY).then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://dashboard.example")
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"));
        // the refusal reaches the page too, so it can ask the user to sign in
        RestAssured.given().header("Origin", "https://dashboard.example").get(BASE + "/performance", AGENCY).then()
                .statusCode(401).header("Access-Control-Allow-Origin", "https://dashboard.example");
    }
}
