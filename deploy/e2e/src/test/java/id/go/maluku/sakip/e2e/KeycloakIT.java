package id.go.maluku.sakip.e2e;

import id.go.maluku.sakip.infra.ServiceProcess;
import id.go.maluku.sakip.infra.RealInfrastructure;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The four built services against a real identity provider: Keycloak with the province's realm
 * (deploy/keycloak/realm-sakip.json). Every token comes from Keycloak's token endpoint, the
 * services read Keycloak's JWKS, its roles claim ({@code realm_access/roles}) and the agency and
 * unit it maps from user attributes, and each service accepts only tokens issued for it (its
 * client is the audience). Then the realm's signing key is rotated through Keycloak's admin API.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakIT {

    static final String DINSOS = "dinsos-maluku";
    static final String DINKES = "dinkes-maluku";
    static final String UNIT = "Bidang Perlindungan dan Jaminan Sosial";
    static final Path LOGS = Path.of("target", "e2e-logs", "keycloak-it");

    static KeycloakProcess keycloak;
    static RealInfrastructure infra;
    static ServiceProcess planning;
    static ServiceProcess realization;
    static ServiceProcess budget;
    static ServiceProcess reporting;

    @BeforeAll
    static void startSystem() throws Exception {
        long started = System.nanoTime();
        keycloak = new KeycloakProcess(LOGS);
        keycloak.start(Path.of(System.getProperty("sakip.root", "../.."), "deploy", "keycloak", "realm-sakip.json"));
        infra = RealInfrastructure.start();
        // the services need Keycloak only for the first token, so all start together
        planning = new ServiceProcess("planning-service", config("planning"), LOGS);
        realization = new ServiceProcess("realization-service", config("realization"), LOGS);
        budget = new ServiceProcess("budget-service", config("budget"), LOGS);
        reporting = new ServiceProcess("reporting-service", config("reporting"), LOGS);
        for (ServiceProcess service : services()) {
            service.start();
        }
        // the first start of an unpacked distribution re-augments it: minutes on a busy 2-core machine
        keycloak.awaitReady(Duration.ofMinutes(8));
        for (ServiceProcess service : services()) {
            service.awaitReady(Duration.ofSeconds(180));
        }
        System.out.println("Keycloak and the four services ready in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    static List<ServiceProcess> services() {
        return List.of(planning, realization, budget, reporting);
    }

    /**
     * Keycloak's layout, by configuration only: its JWKS URL, its roles claim, and the service's
     * own client as the audience. Keys are fetched again each minute (the default is an hour) and a
     * verified token is verified again after 15 seconds (the default is a minute), so that the
     * removal of a key shows within the test; a key the cache does not know yet is fetched at once.
     */
    static Map<String, String> config(String service) {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.database("kc_" + service));
        config.put("quarkus.datasource.username", infra.username());
        config.put("quarkus.datasource.password", infra.password());
        config.put("kafka.bootstrap.servers", infra.bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", keycloak.jwks());
        config.put("mp.jwt.verify.issuer", keycloak.issuer());
        config.put("mp.jwt.verify.audiences", service + "-service");
        config.put("smallrye.jwt.path.groups", "realm_access/roles");
        config.put("smallrye.jwt.jwks.refresh-interval", "1");
        config.put("sakip.security.verified-token-max-age", "PT15S");
        return config;
    }

    @AfterAll
    static void stopSystem() throws InterruptedException {
        for (ServiceProcess service : new ServiceProcess[]{reporting, budget, realization, planning}) {
            if (service != null) {
                service.stop();
            }
        }
        if (keycloak != null) {
            keycloak.stop();
        }
    }

    // ---- tokens from Keycloak's token endpoint: each user's password is its name (a test realm)

    final Map<String, String> tokens = new HashMap<>();

    @BeforeEach
    void freshTokens() {
        tokens.clear(); // Keycloak's access tokens live five minutes; a test takes less
    }

    String token(String user) {
        return tokens.computeIfAbsent(user, u -> keycloak.password("sakip-web", u, u));
    }

    RequestSpecification as(String user, ServiceProcess service) {
        return RestAssured.given().auth().oauth2(token(user)).baseUri(service.url());
    }

    static RequestSpecification with(String token, ServiceProcess service) {
        return RestAssured.given().auth().oauth2(token).baseUri(service.url());
    }

    static String agency(String code) {
        return "/api/v1/agencies/" + code;
    }

    @Test
    @Order(1)
    void keycloak_issues_tokens_with_the_audiences_roles_agency_and_unit_the_services_read() {
        JsonPath operator = KeycloakProcess.claims(token("operator.linjamsos"));
        assertEquals(keycloak.issuer(), operator.getString("iss"));
        assertEquals(List.of("budget-service", "planning-service", "realization-service", "reporting-service"),
                operator.getList("aud", String.class).stream().sorted().toList());
        assertEquals(List.of("operator"), operator.getList("realm_access.roles"));
        assertEquals(DINSOS, operator.getString("agency"));
        assertEquals(UNIT, operator.getString("unit"));
        assertEquals("operator.linjamsos", operator.getString("preferred_username"));

        JsonPath province = KeycloakProcess.claims(token("dasbor.provinsi"));
        assertEquals(List.of("province", "viewer"), province.getList("realm_access.roles", String.class).stream().sorted().toList());
        assertNull(province.get("agency"), "the province's dashboard belongs to no agency");

        JsonPath intranet = KeycloakProcess.claims(keycloak.password("intranet", "tamu.dinsos", "tamu.dinsos"));
        assertNull(intranet.get("aud"), "another application's token is issued for none of the services");
        assertEquals(DINSOS, intranet.getString("agency"));
    }

    @Test
    @Order(2)
    void the_admin_creates_agencies_and_a_planner_plans_only_their_own() {
        for (String code : List.of(DINSOS, DINKES)) {
            as("admin.provinsi", planning).contentType(ContentType.JSON).body(Map.of("code", code, "name", "Dinas " + code))
                    .post("/api/v1/agencies").then().statusCode(201);
        }
        put("perencana.dinsos", planning, agency(DINSOS) + "/sasaran/S1",
                Map.of("name", "Korban bencana tertangani", "ordinal", 1), 201);
        put("perencana.dinsos", planning, agency(DINSOS) + "/indicators/IK1",
                Map.of("sasaran", "S1", "name", "Bantuan tersalur", "unit", "KK", "polarity", "positive"), 201);
        put("perencana.dinsos", planning, agency(DINSOS) + "/indicators/IK1/targets/2022", Map.of("value", 150), 201);
        // the planner's agency is dinsos: dinkes' plan is not theirs; viewers and operators plan nothing
        put("perencana.dinsos", planning, agency(DINKES) + "/sasaran/S1", Map.of("name", "Bukan milik Dinsos", "ordinal", 1), 403);
        put("tamu.dinsos", planning, agency(DINSOS) + "/sasaran/S2", Map.of("name", "Tamu", "ordinal", 2), 403);
        put("operator.dinsos", planning, agency(DINSOS) + "/sasaran/S2", Map.of("name", "Operator", "ordinal", 2), 403);

        put("admin.provinsi", planning, agency(DINKES) + "/sasaran/S1", Map.of("name", "Layanan kesehatan", "ordinal", 1), 201);
        put("admin.provinsi", planning, agency(DINKES) + "/indicators/IK1",
                Map.of("sasaran", "S1", "name", "Puskesmas terakreditasi", "unit", "unit", "polarity", "positive"), 201);
        put("admin.provinsi", planning, agency(DINKES) + "/indicators/IK1/targets/2022", Map.of("value", 100), 201);

        JsonPath plan = as("tamu.dinsos", planning).get(agency(DINSOS) + "/indicators/IK1").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("Bantuan tersalur", plan.getString("name"));
    }

    @Test
    @Order(3)
    void an_operator_records_within_agency_and_unit_and_only_the_verifier_verifies() throws Exception {
        String path = agency(DINSOS) + "/indicators/IK1/realisasi/2022";
        Response recorded = awaitIndicator(() -> as("operator.dinsos", realization).contentType(ContentType.JSON)
                .body(Map.of("value", 120)).put(path));
        assertEquals(201, recorded.statusCode(), recorded.asString());
        assertEquals(KeycloakProcess.claims(token("operator.dinsos")).getString("sub"),
                recorded.jsonPath().getString("updatedBy"), "the change is recorded as Keycloak's subject of the operator");

        // a unit-bound operator: IK1 belongs to no unit, so to the agency itself, which the unit does not reach
        as("operator.linjamsos", realization).contentType(ContentType.JSON).body(Map.of("value", 121)).put(path)
                .then().statusCode(403);
        as("operator.dinsos", realization).contentType(ContentType.JSON).body(Map.of("value", 1))
                .put(agency(DINKES) + "/indicators/IK1/realisasi/2022").then().statusCode(403);
        as("tamu.dinsos", realization).contentType(ContentType.JSON).body(Map.of("value", 1)).put(path).then().statusCode(403);
        as("auditor.dinsos", realization).contentType(ContentType.JSON).body(Map.of("value", 1)).put(path).then().statusCode(403);

        as("operator.dinsos", realization).post(path + "/Y/submit").then().statusCode(200);
        as("operator.dinsos", realization).post(path + "/Y/verify").then().statusCode(403);
        as("tamu.dinsos", realization).post(path + "/Y/verify").then().statusCode(403);
        as("auditor.dinsos", realization).post(path + "/Y/verify").then().statusCode(200);
        JsonPath verified = as("tamu.dinsos", realization).get(path).then().statusCode(200).extract().jsonPath();
        assertEquals("verified", verified.getString("status"));
        assertEquals(120, verified.getInt("value"));

        Response dinkes = awaitIndicator(() -> as("admin.provinsi", realization).contentType(ContentType.JSON)
                .body(Map.of("value", 90)).put(agency(DINKES) + "/indicators/IK1/realisasi/2022"));
        assertEquals(201, dinkes.statusCode(), dinkes.asString());
    }

    @Test
    @Order(4)
    void viewers_read_their_own_agency_and_the_province_reads_every_agency() throws Exception {
        awaitCapaian(DINSOS, 80.00f);
        awaitCapaian(DINKES, 90.00f);

        assertEquals(80.00f, performance("tamu.dinsos", DINSOS).then().statusCode(200).extract().jsonPath()
                .getFloat("sasaran[0].capaian"));
        performance("tamu.dinsos", DINKES).then().statusCode(403).contentType("application/problem+json");
        assertEquals(90.00f, performance("tamu.dinkes", DINKES).then().statusCode(200).extract().jsonPath()
                .getFloat("sasaran[0].capaian"));
        performance("tamu.dinkes", DINSOS).then().statusCode(403);
        assertEquals(80.00f, performance("dasbor.provinsi", DINSOS).then().statusCode(200).extract().jsonPath()
                .getFloat("sasaran[0].capaian"));
        assertEquals(90.00f, performance("dasbor.provinsi", DINKES).then().statusCode(200).extract().jsonPath()
                .getFloat("sasaran[0].capaian"));
        // the province role widens a viewer's reach, not what it may do
        as("dasbor.provinsi", realization).contentType(ContentType.JSON).body(Map.of("value", 1))
                .put(agency(DINSOS) + "/indicators/IK1/realisasi/2022").then().statusCode(403);

        Map<ServiceProcess, String> reads = Map.of(
                planning, agency(DINSOS) + "/plan",
                realization, agency(DINSOS) + "/years/2022/monitoring",
                budget, agency(DINSOS) + "/years/2022/budget",
                reporting, agency(DINSOS) + "/years/2022/performance");
        String otherApplication = keycloak.password("intranet", "tamu.dinsos", "tamu.dinsos");
        reads.forEach((service, path) -> {
            RestAssured.given().baseUri(service.url()).get(path).then().statusCode(401)
                    .contentType("application/problem+json");
            with(otherApplication, service).get(path).then().statusCode(401).contentType("application/problem+json");
            as("tamu.dinkes", service).get(path).then().statusCode(403).contentType("application/problem+json");
            as("tamu.dinsos", service).get(path).then().statusCode(200);
            as("dasbor.provinsi", service).get(path).then().statusCode(200);
        });
    }

    @Test
    @Order(5)
    void the_e_budgeting_system_pushes_with_its_client_credentials_to_budget_only() {
        String sipd = keycloak.clientCredentials("sipd", keycloak.clientSecret("sipd"));
        JsonPath report = with(sipd, budget).contentType(ContentType.JSON).body(Map.of(
                        "batchId", "sipd-kc-001",
                        "lines", List.of(Map.of("sipdKey", "26510", "code", "1.06.04.2.01.0001", "name", "Penyediaan Permakanan",
                                "pagu", 199500000, "fundingSource", "APBD"))))
                .post(agency(DINSOS) + "/years/2022/budget/batches").then().statusCode(200).extract().jsonPath();
        assertEquals(1, report.getInt("created"));
        assertEquals(0, report.getInt("rejected"));
        assertEquals(199500000.00f, as("tamu.dinsos", budget).get(agency(DINSOS) + "/years/2022/budget").then().statusCode(200)
                .extract().jsonPath().getFloat("totalPagu"));
        // its client's token is issued for budget-service alone
        with(sipd, planning).get(agency(DINSOS) + "/plan").then().statusCode(401);
        with(sipd, realization).get(agency(DINSOS) + "/years/2022/monitoring").then().statusCode(401);
        with(sipd, reporting).get(agency(DINSOS) + "/years/2022/performance").then().statusCode(401);
        // and an agency's viewer may not push
        as("tamu.dinsos", budget).contentType(ContentType.JSON).body(Map.of("batchId", "tamu-001", "lines", List.of()))
                .post(agency(DINSOS) + "/years/2022/budget/batches").then().statusCode(403);
    }

    /**
     * Rotation as a province does it, through Keycloak's admin API: a new RSA key with a higher
     * priority signs from then on, and the services accept its tokens at once (an unknown kid
     * makes them fetch the JWKS again); once the old key is removed, its tokens are refused,
     * one that was used before as well as one that never was.
     */
    @Test
    @Order(6)
    void after_a_key_rotation_the_new_key_is_accepted_and_the_removed_key_refused() throws Exception {
        String oldKid = keycloak.activeSigningKid();
        String oldProvider = keycloak.keyProviderOf(oldKid);
        String usedBefore = keycloak.password("sakip-web", "tamu.dinsos", "tamu.dinsos");
        String neverUsed = keycloak.password("sakip-web", "tamu.dinsos", "tamu.dinsos");
        assertEquals(oldKid, KeycloakProcess.header(usedBefore).getString("kid"));
        for (ServiceProcess service : services()) {
            read(usedBefore, service).then().statusCode(200);
        }

        keycloak.addSigningKey("rsa-rotated", 200);
        String rotated = keycloak.password("sakip-web", "tamu.dinsos", "tamu.dinsos");
        String newKid = KeycloakProcess.header(rotated).getString("kid");
        assertNotEquals(oldKid, newKid, "the new key signs");
        assertEquals(newKid, keycloak.activeSigningKid());
        for (ServiceProcess service : services()) {
            read(rotated, service).then().statusCode(200);
            read(usedBefore, service).then().statusCode(200); // the old key is still published
        }

        long removed = System.nanoTime();
        keycloak.removeKeyProvider(oldProvider);
        assertTrue(!RestAssured.get(keycloak.jwks()).asString().contains(oldKid), "the JWKS no longer has the old key");
        // the services fetch the JWKS each minute, and keep a verified token 15 seconds at most
        for (ServiceProcess service : services()) {
            awaitStatus(usedBefore, service, 401, Duration.ofSeconds(120));
            read(neverUsed, service).then().statusCode(401).contentType("application/problem+json");
            read(rotated, service).then().statusCode(200);
        }
        System.out.println("a removed key's tokens refused by all four services after "
                + (System.nanoTime() - removed) / 1_000_000 + " ms");
        String fresh = keycloak.password("sakip-web", "tamu.dinsos", "tamu.dinsos");
        assertEquals(newKid, KeycloakProcess.header(fresh).getString("kid"));
        for (ServiceProcess service : services()) {
            read(fresh, service).then().statusCode(200);
        }
    }

    // ---- helpers

    void put(String user, ServiceProcess service, String path, Map<String, ?> body, int expected) {
        Response response = as(user, service).contentType(ContentType.JSON).body(body).put(path);
        assertEquals(expected, response.statusCode(), user + " PUT " + path + ": " + response.asString());
    }

    Response performance(String user, String agency) {
        return as(user, reporting).get(agency(agency) + "/years/2022/performance");
    }

    Response read(String token, ServiceProcess service) {
        String path = Map.of(
                planning, agency(DINSOS) + "/plan",
                realization, agency(DINSOS) + "/years/2022/monitoring",
                budget, agency(DINSOS) + "/years/2022/budget",
                reporting, agency(DINSOS) + "/years/2022/performance").get(service);
        return with(token, service).get(path);
    }

    void awaitStatus(String token, ServiceProcess service, int status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = read(token, service).statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(service.url() + " still answers " + last + ", not " + status + ", after " + timeout);
    }

    /** realization knows an indicator once planning's event reached it: a 404 until then. */
    static Response awaitIndicator(java.util.function.Supplier<Response> write) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Response response = write.get();
            if (response.statusCode() != 404 || System.nanoTime() > deadline) {
                return response;
            }
            Thread.sleep(100);
        }
    }

    void awaitCapaian(String agency, float expected) throws InterruptedException {
        Predicate<JsonPath> reached = j -> j.get("sasaran[0].capaian") != null && j.getFloat("sasaran[0].capaian") == expected;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            Response response = performance("admin.provinsi", agency);
            last = response.asString();
            if (response.statusCode() == 200 && reached.test(response.jsonPath())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(agency + ": capaian never reached " + expected + "; last answer: " + last);
    }
}
