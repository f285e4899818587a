package id.go.maluku.sakip.e2e;

import id.go.maluku.sakip.infra.RealInfrastructure;
import id.go.maluku.sakip.infra.ServiceProcess;
import id.go.maluku.sakip.infra.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path, through the services' REST APIs only: planning's plan and realization's
 * realisasi reach reporting through Kafka, and reporting computes capaian. The services are
 * the built applications, each its own process, on one real PostgreSQL and one real broker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    static final String AGENCY = "e2e-dinsos";
    static ServiceProcess planning;
    static ServiceProcess realization;
    static ServiceProcess budget;
    static ServiceProcess reporting;

    @BeforeAll
    static void startSystem() throws Exception {
        infra = RealInfrastructure.start();
        Path logs = Path.of("target", "e2e-logs");
        planning = new ServiceProcess("planning-service", ServiceProcess.config(infra, "planning"), logs);
        realization = new ServiceProcess("realization-service", ServiceProcess.config(infra, "realization"), logs);
        budget = new ServiceProcess("budget-service", ServiceProcess.config(infra, "budget"), logs);
        reporting = new ServiceProcess("reporting-service", ServiceProcess.config(infra, "reporting"), logs);
        for (ServiceProcess service : List.of(planning, realization, budget, reporting)) {
            service.start();
        }
        for (ServiceProcess service : List.of(planning, realization, budget, reporting)) {
            service.awaitReady(Duration.ofSeconds(90));
        }
    }

    static RealInfrastructure infra;


    @AfterAll
    static void stopSystem() throws InterruptedException {
        for (ServiceProcess service : new ServiceProcess[]{reporting, budget, realization, planning}) {
            if (service != null) {
                service.stop();
            }
        }
    }

    static void put(ServiceProcess service, String path, Map<String, ?> body, int... expected) {
        Response response = asAdmin().baseUri(service.url()).contentType(ContentType.JSON).body(body).put(path);
        for (int status : expected) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new AssertionError("PUT " + path + " answered " + response.statusCode() + ": " + response.asString());
    }

    /** realization knows an indicator only once planning's event reached it: retry the 404 until then. */
    static void recordRealisasi(String indicator, int year, Number value) throws InterruptedException {
        String path = "/api/v1/agencies/" + AGENCY + "/indicators/" + indicator + "/realisasi/" + year;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Response response = asAdmin().baseUri(realization.url()).contentType(ContentType.JSON)
                    .body(Map.of("value", value)).put(path);
            if (response.statusCode() == 200 || response.statusCode() == 201) {
                return;
            }
            if (response.statusCode() != 404 || System.nanoTime() > deadline) {
                throw new AssertionError("PUT " + path + " answered " + response.statusCode() + ": " + response.asString());
            }
            Thread.sleep(100);
        }
    }

    static JsonPath awaitPerformance(Predicate<JsonPath> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            try {
                Response response = asAdmin().baseUri(reporting.url())
                        .get("/api/v1/agencies/" + AGENCY + "/years/2022/performance");
                last = response.asString();
                if (response.statusCode() == 200 && condition.test(response.jsonPath())) {
                    return response.jsonPath();
                }
            } catch (Exception restarting) {
                last = restarting.toString();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("performance never matched; last answer: " + last);
    }

    static Float capaian(JsonPath p, String sasaran) {
        return p.getFloat("sasaran.find { it.code == '" + sasaran + "' }.capaian");
    }

    @Test
    @Order(1)
    void capaian_flows_from_plan_and_realisasi_to_reporting() throws Exception {
        asAdmin().baseUri(planning.url()).contentType(ContentType.JSON)
                .body(Map.of("code", AGENCY, "name", "Dinas Sosial (e2e)")).post("/api/v1/agencies")
                .then().statusCode(201);
        String base = "/api/v1/agencies/" + AGENCY;
        put(planning, base + "/sasaran/S1", Map.of("name", "Korban bencana tertangani", "ordinal", 1), 201);
        put(planning, base + "/sasaran/S2", Map.of("name", "Angka kemiskinan turun", "ordinal", 2), 201);
        put(planning, base + "/sasaran/S3", Map.of("name", "Realisasi yang terus masuk", "ordinal", 3), 201);
        put(planning, base + "/indicators/IK1", Map.of("sasaran", "S1", "name", "Bantuan tersalur", "unit", "KK",
                "polarity", "positive"), 201);
        put(planning, base + "/indicators/IK2", Map.of("sasaran", "S2", "name", "Persentase penduduk miskin",
                "unit", "%", "polarity", "negative"), 201);
        put(planning, base + "/indicators/IK3", Map.of("sasaran", "S3", "name", "Laporan masuk", "unit", "laporan",
                "polarity", "positive"), 201);
        put(planning, base + "/indicators/IK1/targets/2022", Map.of("value", 150), 201);
        put(planning, base + "/indicators/IK2/targets/2022", Map.of("value", 8), 201);
        put(planning, base + "/indicators/IK3/targets/2022", Map.of("value", 100), 201);

        recordRealisasi("IK1", 2022, 300);
        recordRealisasi("IK2", 2022, 9);

        JsonPath p = awaitPerformance(j -> capaian(j, "S1") != null && capaian(j, "S2") != null, Duration.ofSeconds(30));
        assertEquals(200.00f, capaian(p, "S1"));
        assertEquals(87.50f, capaian(p, "S2"));
        assertEquals(150, p.getInt("sasaran.find { it.code == 'S1' }.indicators[0].target"));
        assertEquals(300, p.getInt("sasaran.find { it.code == 'S1' }.indicators[0].realisasi"));
        assertEquals("negative", p.getString("sasaran.find { it.code == 'S2' }.indicators[0].polarity"));

        // the report renders in the packaged application too (its class path is not the tests')
        byte[] pdf = asAdmin().baseUri(reporting.url()).accept("application/pdf")
                .get("/api/v1/agencies/" + AGENCY + "/years/2022/lkip").then().statusCode(200).extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        asAdmin().baseUri(reporting.url()).accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get("/api/v1/agencies/" + AGENCY + "/years/2022/lkip").then().statusCode(200);
        asAdmin().baseUri(reporting.url()).accept("text/html")
                .get("/api/v1/agencies/" + AGENCY + "/years/2022/lkip").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("200,00 %"));
    }

    @Test
    @Order(2)
    void a_changed_realisasi_changes_the_capaian_within_a_second() throws Exception {
        List<Long> latencies = new ArrayList<>();
        int[] values = {225, 150, 75, 180, 300};
        for (int value : values) {
            long start = System.nanoTime();
            recordRealisasi("IK1", 2022, value);
            float expected = value * 100f / 150f;
            awaitPerformance(j -> Math.abs(capaian(j, "S1") - expected) < 0.01, Duration.ofSeconds(10));
            latencies.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(latencies);
        System.out.println("realisasi-to-capaian latencies (ms): " + latencies);
        // the median, so that one scheduling hiccup of a shared 2-core machine does not decide
        assertTrue(latencies.get(latencies.size() / 2) < 1000, "median latency " + latencies);
    }

    @Test
    @Order(3)
    void reporting_killed_while_realisasi_keep_arriving_applies_every_update_exactly_once() throws Exception {
        int updates = 60;
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> writing = writer.submit(() -> {
            for (int value = 1; value <= updates; value++) {
                recordRealisasi("IK3", 2022, value);
                Thread.sleep(40);
            }
            return null;
        });
        awaitPerformance(j -> j.get("sasaran.find { it.code == 'S3' }.indicators[0].realisasi") != null,
                Duration.ofSeconds(30));
        reporting.kill();
        Thread.sleep(1500); // updates keep arriving at realization while reporting is down
        reporting.start();
        reporting.awaitReady(Duration.ofSeconds(90));
        writing.get();
        writer.shutdown();

        JsonPath p = awaitPerformance(j -> Integer.valueOf(updates)
                .equals(j.get("sasaran.find { it.code == 'S3' }.indicators[0].realisasi")), Duration.ofSeconds(60));
        assertEquals(updates, p.getInt("sasaran.find { it.code == 'S3' }.indicators[0].realisasiUpdates"),
                "every update applied once: none lost, none applied twice");
        assertEquals(60.0f, capaian(p, "S3"));
        assertEquals(200.00f, capaian(p, "S1"), "the other sasaran are untouched by the restart");
    }

    /**
     * The built applications run in their production profile: each refuses a call without a
     * token, with a token of another issuer, and from another agency, and serves the agency's
     * own viewer.
     */
    @Test
    @Order(4)
    void the_packaged_services_admit_only_valid_tokens_of_the_agency() {
        Map<ServiceProcess, String> reads = Map.of(
                planning, "/api/v1/agencies/" + AGENCY + "/plan",
                realization, "/api/v1/agencies/" + AGENCY + "/years/2022/monitoring",
                budget, "/api/v1/agencies/" + AGENCY + "/years/2022/budget",
                reporting, "/api/v1/agencies/" + AGENCY + "/years/2022/performance");
        String viewer = Tokens.user("e2e.viewer").roles("viewer").agency(AGENCY).mint();
        String foreignIssuer = Tokens.user("e2e.viewer").roles("viewer").agency(AGENCY)
                .issuer("https://elsewhere.example/realms/x").mint();
        String otherAgency = Tokens.user("e2e.other").roles("viewer", "planner").agency("other-agency").mint();
        String otherAudience = Tokens.user("e2e.viewer").roles("viewer").agency(AGENCY)
                .audience("some-other-application").mint();
        String noAudience = Tokens.user("e2e.viewer").roles("viewer").agency(AGENCY).audience(null).mint();
        reads.forEach((service, path) -> {
            io.restassured.RestAssured.given().baseUri(service.url()).get(path).then().statusCode(401)
                    .contentType("application/problem+json");
            Tokens.as(foreignIssuer).baseUri(service.url()).get(path).then().statusCode(401);
            Tokens.as(otherAudience).baseUri(service.url()).get(path).then().statusCode(401)
                    .contentType("application/problem+json");
            Tokens.as(noAudience).baseUri(service.url()).get(path).then().statusCode(401);
            Tokens.as(otherAgency).baseUri(service.url()).get(path).then().statusCode(403)
                    .contentType("application/problem+json");
            Tokens.as(viewer).baseUri(service.url()).get(path).then().statusCode(200);
        });
    }

    @Test
    @Order(5)
    void a_change_accepted_while_kafka_is_unreachable_is_published_once_it_is_back() throws Exception {
        planning.stop();
        Map<String, String> unreachable = new java.util.HashMap<>(ServiceProcess.config(infra, "planning"));
        // nothing listens on port 1: the broker is "down" for this planning-service
        unreachable.put("kafka.bootstrap.servers", "127.0.0.1:1");
        ServiceProcess cutOff = new ServiceProcess("planning-service", unreachable, Path.of("target", "e2e-logs"));
        cutOff.start();
        cutOff.awaitLive(Duration.ofSeconds(90));
        String base = "/api/v1/agencies/" + AGENCY;
        put(cutOff, base + "/sasaran/S9", Map.of("name", "Diterima tanpa Kafka", "ordinal", 9), 201);
        put(cutOff, base + "/indicators/IK9", Map.of("sasaran", "S9", "name", "Indikator tanpa Kafka", "unit", "unit",
                "polarity", "positive"), 201);
        put(cutOff, base + "/indicators/IK9/targets/2022", Map.of("value", 40), 201);
        Thread.sleep(3000); // long enough for a relay that could reach a broker to have published
        JsonPath before = awaitPerformance(j -> true, Duration.ofSeconds(10));
        assertTrue(before.get("sasaran.find { it.code == 'S9' }") == null, "nothing can have left without a broker");
        cutOff.stop();

        planning = new ServiceProcess("planning-service", ServiceProcess.config(infra, "planning"), Path.of("target", "e2e-logs"));
        planning.start();
        planning.awaitReady(Duration.ofSeconds(90));
        recordRealisasi("IK9", 2022, 30);
        JsonPath after = awaitPerformance(j -> j.get("sasaran.find { it.code == 'S9' }.capaian") != null, Duration.ofSeconds(60));
        assertEquals(75.00f, capaian(after, "S9"));
        assertEquals(40, after.getInt("sasaran.find { it.code == 'S9' }.indicators[0].target"));
    }

    /**
     * Everything goes wrong at once while realisasi keep arriving at a steady rate (about 25 a
     * second for some 40 seconds, bounded): reporting is killed with kill -9 and started again, one
     * poison record is sent on each topic, PostgreSQL is down for 10 seconds, the broker restarts.
     * Afterwards every accepted write is in /performance once, with the last value, and each poison
     * is in the parked-events listing.
     */
    @Test
    @Order(6)
    void faults_while_realisasi_keep_arriving_lose_nothing_apply_nothing_twice_and_park_the_poison() throws Exception {
        String base = "/api/v1/agencies/" + AGENCY;
        put(planning, base + "/sasaran/S8", Map.of("name", "Realisasi di tengah gangguan", "ordinal", 8), 201, 200);
        put(planning, base + "/indicators/IK8", Map.of("sasaran", "S8", "name", "Laporan di tengah gangguan",
                "unit", "laporan", "polarity", "positive"), 201, 200);
        put(planning, base + "/indicators/IK8/targets/2022", Map.of("value", 2000), 201, 200);
        recordRealisasi("IK8", 2022, 1);
        JsonPath start = awaitPerformance(j -> j.get("sasaran.find { it.code == 'S8' }.indicators[0].realisasi") != null,
                Duration.ofSeconds(60));
        int updatesBefore = start.getInt("sasaran.find { it.code == 'S8' }.indicators[0].realisasiUpdates");

        int writes = 1000;
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        long writerDeadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        Future<?> writing = writer.submit(() -> {
            String path = base + "/indicators/IK8/realisasi/2022";
            for (int value = 2; value <= writes + 1; value++) {
                // each value until it is accepted: while the database is away the service refuses it
                while (true) {
                    if (System.nanoTime() > writerDeadline) {
                        throw new AssertionError("the writer could not place value " + value + " in time");
                    }
                    int status;
                    try {
                        status = asAdmin().baseUri(realization.url()).contentType(ContentType.JSON)
                                .body(Map.of("value", value)).put(path).statusCode();
                    } catch (Exception unreachable) {
                        status = -1;
                    }
                    if (status == 200 || status == 201) {
                        accepted.incrementAndGet();
                        break;
                    }
                    refused.incrementAndGet();
                    Thread.sleep(200);
                }
                Thread.sleep(40);
            }
            return null;
        });

        Thread.sleep(3000);
        reporting.kill();
        Thread.sleep(1000);
        reporting.start();
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", infra.bootstrapServers()), new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("sakip.planning.events",
                    "e2e-poison-planning", "{\"id\": \"half an event")).get();
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("sakip.realization.events",
                    "e2e-poison-realization", "{\"specversion\": \"1.0\", \"id\": \"" + java.util.UUID.randomUUID()
                            + "\", \"source\": \"/sakip/realization-service\", \"type\": \"sakip.realization.realisasi.recorded.v9\", \"time\": \"2022-12-31T00:00:00Z\", "
                            + "\"data\": {}}")).get();
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("sakip.budget.events",
                    "e2e-poison-budget", "not json at all")).get();
        }
        reporting.awaitReady(Duration.ofSeconds(90));
        infra.restartPostgres(Duration.ofSeconds(10));
        Thread.sleep(3000);
        infra.restartBroker(Duration.ofSeconds(5));
        writing.get();
        writer.shutdown();
        System.out.println("fault test: " + accepted.get() + " writes accepted, " + refused.get() + " refused while a part was down");
        assertEquals(writes, accepted.get());

        JsonPath p = awaitPerformance(j -> Integer.valueOf(writes + 1)
                .equals(j.get("sasaran.find { it.code == 'S8' }.indicators[0].realisasi")), Duration.ofSeconds(120));
        assertEquals(updatesBefore + writes, p.getInt("sasaran.find { it.code == 'S8' }.indicators[0].realisasiUpdates"),
                "every accepted write applied once: none lost, none applied twice");
        assertEquals(50.05f, capaian(p, "S8"));

        for (String key : List.of("e2e-poison-planning", "e2e-poison-realization", "e2e-poison-budget")) {
            assertTrue(parked(reporting, "reporting-events", key), key + " is parked in reporting");
        }
        assertTrue(parked(realization, "realization-planning", "e2e-poison-planning"), "and in realization");
        // nothing else was parked: the database and broker outages were waited out, not given up on
        JsonPath all = asAdmin().baseUri(reporting.url()).get("/api/v1/admin/parked-events?size=500").jsonPath();
        assertEquals(List.of(), all.getList("items.findAll { it.reasonKind == 'retries-exhausted' }.key"));
    }

    static boolean parked(ServiceProcess service, String consumer, String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                List<String> keys = asAdmin().baseUri(service.url())
                        .get("/api/v1/admin/parked-events?consumer=" + consumer + "&size=500").jsonPath().getList("items.key");
                if (keys != null && keys.contains(key)) {
                    return true;
                }
            } catch (Exception notYet) {
                // the service may be reconnecting
            }
            Thread.sleep(500);
        }
        return false;
    }
}
