package id.go.maluku.sakip.e2e;

import id.go.maluku.sakip.infra.ServiceProcess;
import id.go.maluku.sakip.infra.RealInfrastructure;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of every service against one PostgreSQL and one broker (three partitions per
 * topic), as a province would run them behind a load balancer (docs/scale.md). Realisasi are
 * written through both realization instances at a steady rate and read through both reporting
 * instances; mid-load one instance of each service is killed with kill -9 and started again.
 * Afterwards every accepted write is in /performance exactly once with its newest value, on both
 * reporting instances; and a build run triggered on both reporting instances at once builds each
 * agency once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    static final String AGENCY = "dinsos-replika";
    /** Agencies with a target for 2022 besides AGENCY: what a build run builds. */
    static final List<String> OTHERS = List.of("replika-a", "replika-b", "replika-c", "replika-d", "replika-e");
    static final List<String> INDICATORS = List.of("IK1", "IK2", "IK3");
    static final Path LOGS = Path.of("target", "e2e-logs", "replicas");

    static RealInfrastructure infra;
    static final Map<String, List<ServiceProcess>> instances = new LinkedHashMap<>();

    @BeforeAll
    static void startSystem() throws Exception {
        infra = RealInfrastructure.start();
        for (String service : List.of("planning", "realization", "budget", "reporting")) {
            List<ServiceProcess> two = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                // both instances share the service's database and consumer group
                two.add(new ServiceProcess(service + "-service", ServiceProcess.config(infra, "replicas_" + service),
                        LOGS.resolve(service + "-" + i)));
            }
            instances.put(service, two);
        }
        for (ServiceProcess instance : all()) {
            instance.start();
        }
        for (ServiceProcess instance : all()) {
            instance.awaitReady(Duration.ofSeconds(240));
        }
    }

    static List<ServiceProcess> all() {
        return instances.values().stream().flatMap(List::stream).toList();
    }

    static ServiceProcess one(String service, int index) {
        return instances.get(service).get(index);
    }

    @AfterAll
    static void stopSystem() throws InterruptedException {
        for (ServiceProcess instance : all()) {
            instance.stop();
        }
    }

    /** A write through either instance: the one given first, the other if it is down (a load balancer's retry). */
    static Response write(String service, int first, String method, String path, Map<String, ?> body) {
        Exception lastFailure = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            ServiceProcess instance = one(service, (first + attempt) % 2);
            try {
                Response response = asAdmin().baseUri(instance.url()).contentType(ContentType.JSON).body(body)
                        .request(method, path);
                if (response.statusCode() < 500 && response.statusCode() != 404) {
                    return response;
                }
                lastFailure = new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.asString());
            } catch (Exception down) {
                // killed or starting (a refused connection comes through RestAssured unchecked): the other takes it
                lastFailure = down;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(method + " " + path + " failed on both instances", lastFailure);
    }

    static void plan(String agency, int indicators) {
        String base = "/api/v1/agencies/" + agency;
        assertEquals(201, write("planning", 0, "POST", "/api/v1/agencies",
                Map.of("code", agency, "name", "Dinas " + agency)).statusCode());
        assertTrue(write("planning", 1, "PUT", base + "/sasaran/S1", Map.of("name", "Sasaran replika", "ordinal", 1))
                .statusCode() < 300);
        for (String code : INDICATORS.subList(0, indicators)) {
            assertTrue(write("planning", 0, "PUT", base + "/indicators/" + code, Map.of("sasaran", "S1",
                    "name", "Indikator " + code, "unit", "laporan", "polarity", "positive")).statusCode() < 300);
            assertTrue(write("planning", 1, "PUT", base + "/indicators/" + code + "/targets/2022", Map.of("value", 100))
                    .statusCode() < 300);
        }
    }

    @Test
    @Order(1)
    void writes_through_both_instances_survive_one_instance_of_each_killed_and_reach_both_readers_once() throws Exception {
        plan(AGENCY, INDICATORS.size());
        // realization knows the indicators once planning's events reached it
        for (String code : INDICATORS) {
            String path = "/api/v1/agencies/" + AGENCY + "/indicators/" + code + "/realisasi/2022";
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (true) {
                try {
                    assertTrue(write("realization", 0, "PUT", path, Map.of("value", 1)).statusCode() < 300);
                    break;
                } catch (IllegalStateException notYetKnown) {
                    assertTrue(System.nanoTime() < deadline, code + " never reached realization: " + notYetKnown.getMessage());
                }
            }
        }
        int updates = 45;
        Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
        Map<String, Integer> newest = new ConcurrentHashMap<>();
        INDICATORS.forEach(code -> {
            accepted.put(code, new AtomicInteger(1)); // the first write above
            newest.put(code, 1);
        });
        ExecutorService writers = Executors.newFixedThreadPool(INDICATORS.size() + 1);
        List<Future<?>> writing = new ArrayList<>();
        for (String code : INDICATORS) {
            writing.add(writers.submit((Callable<Void>) () -> {
                String path = "/api/v1/agencies/" + AGENCY + "/indicators/" + code + "/realisasi/2022";
                for (int value = 2; value <= updates + 1; value++) {
                    // alternate the instances: writes of one indicator arrive through both
                    Response response = write("realization", value % 2, "PUT", path, Map.of("value", value));
                    assertTrue(response.statusCode() == 200 || response.statusCode() == 201,
                            code + " = " + value + ": " + response.statusCode() + " " + response.asString());
                    accepted.get(code).incrementAndGet();
                    newest.put(code, value);
                    Thread.sleep(60);
                }
                return null;
            }));
        }
        // mid-load: one instance of each service dies without a word and comes back
        Thread.sleep(1200);
        List<ServiceProcess> victims = List.of(one("realization", 0), one("reporting", 0), one("planning", 1), one("budget", 1));
        for (ServiceProcess victim : victims) {
            victim.kill();
        }
        Thread.sleep(2000);
        for (ServiceProcess victim : victims) {
            victim.start();
        }
        for (ServiceProcess victim : victims) {
            victim.awaitReady(Duration.ofSeconds(180));
        }
        for (Future<?> w : writing) {
            w.get();
        }
        writers.shutdown();

        for (int reader = 0; reader < 2; reader++) {
            JsonPath p = awaitPerformance(one("reporting", reader), j -> INDICATORS.stream().allMatch(code ->
                    newest.get(code).equals(j.get(indicator(code) + ".realisasi"))
                            && Integer.valueOf(accepted.get(code).get()).equals(j.get(indicator(code) + ".realisasiUpdates"))),
                    Duration.ofSeconds(120));
            for (String code : INDICATORS) {
                assertEquals(updates + 1, p.getInt(indicator(code) + ".realisasi"), code + " through reporting " + (reader + 1));
                assertEquals(updates + 1, p.getInt(indicator(code) + ".realisasiUpdates"),
                        code + ": every accepted write applied once, none lost, none twice");
            }
        }
    }

    static String indicator(String code) {
        return "sasaran.find { it.code == 'S1' }.indicators.find { it.code == '" + code + "' }";
    }

    static JsonPath awaitPerformance(ServiceProcess reporting, java.util.function.Predicate<JsonPath> condition,
                                     Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            try {
                Response response = asAdmin().baseUri(reporting.url()).get("/api/v1/agencies/" + AGENCY + "/years/2022/performance");
                last = response.asString();
                if (response.statusCode() == 200 && condition.test(response.jsonPath())) {
                    return response.jsonPath();
                }
            } catch (Exception notYet) {
                last = notYet.toString();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("performance never matched on " + reporting.url() + "; last answer: " + last);
    }

    @Test
    @Order(2)
    void a_build_triggered_on_both_reporting_instances_at_once_builds_each_agency_once() throws Exception {
        for (String agency : OTHERS) {
            plan(agency, 1);
        }
        // every agency's target reached reporting before the run lists them
        for (String agency : OTHERS) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (asAdmin().baseUri(one("reporting", 1).url()).get("/api/v1/agencies/" + agency + "/years/2022/performance")
                    .statusCode() != 200) {
                assertTrue(System.nanoTime() < deadline, agency + " never reached reporting");
                Thread.sleep(200);
            }
        }
        ExecutorService triggers = Executors.newFixedThreadPool(2);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ServiceProcess reporting = one("reporting", i);
            answers.add(triggers.submit(() -> asAdmin().baseUri(reporting.url()).contentType(ContentType.JSON)
                    .post("/api/v1/builds?year=2022")));
        }
        List<Integer> statuses = new ArrayList<>();
        String runId = null;
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            statuses.add(response.statusCode());
            if (response.statusCode() == 202) {
                runId = response.jsonPath().getString("runId");
            }
        }
        triggers.shutdown();
        statuses.sort(Integer::compare);
        assertEquals(List.of(202, 409), statuses, "one run opened, the second trigger refused");

        // the run ends once every agency is built; each is built once, by either instance
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        JsonPath page;
        do {
            assertTrue(System.nanoTime() < deadline, "the run never finished");
            Thread.sleep(500);
            page = asAdmin().baseUri(one("reporting", 0).url()).get("/api/v1/builds?run=" + runId + "&size=200").jsonPath();
        } while (page.get("running") != null);
        List<String> built = page.getList("items.agency");
        Map<String, Long> perAgency = built.stream().collect(Collectors.groupingBy(a -> a, Collectors.counting()));
        for (String agency : OTHERS) {
            assertEquals(1L, perAgency.get(agency), agency + " built once: " + perAgency);
        }
        assertEquals(1L, perAgency.get(AGENCY), AGENCY + " built once: " + perAgency);
        assertTrue(perAgency.values().stream().allMatch(n -> n == 1L), "no agency built twice: " + perAgency);
    }
}
