package id.go.maluku.sakip.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.clients.reporting.model.IndicatorPerformance;
import id.go.maluku.sakip.clients.reporting.model.Performance;
import id.go.maluku.sakip.clients.reporting.model.SasaranPerformance;
import id.go.maluku.sakip.infra.RealInfrastructure;
import id.go.maluku.sakip.infra.ServiceProcess;
import id.go.maluku.sakip.infra.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract test of issue 24: the four services, built and started as in production, loaded
 * with the demo data the way {@code deploy/local/start.sh} loads it, and called only through the
 * Java clients openapi-generator made from their documents, with a {@link StrictMapper}: an answer
 * with a field its schema lacks, a null its schema does not allow, a missing required field or a
 * value of another type fails here, as it would fail a client generated in a language with
 * non-null types.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContractIT {

    static final String AGENCY = "dinsos-maluku";
    static final int YEAR = 2022;
    static final Path ROOT = Path.of(System.getProperty("sakip.root", "../.."));
    static final List<String> NAMES = List.of("planning", "realization", "budget", "reporting");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static RealInfrastructure infra;
    static final List<ServiceProcess> started = new ArrayList<>();
    static final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    static final Map<String, JsonNode> documents = new LinkedHashMap<>();
    static final Map<String, StrictMapper> mappers = new LinkedHashMap<>();
    static String token;

    @BeforeAll
    static void startAndLoadTheDemo() throws Exception {
        infra = RealInfrastructure.start();
        Path logs = Path.of("target", "contract-logs");
        for (String name : NAMES) {
            ServiceProcess service = new ServiceProcess(name + "-service", ServiceProcess.config(infra, name), logs);
            service.start();
            started.add(service);
            services.put(name, service);
            // the document the client was generated from, not the one the service serves
            documents.put(name, new ObjectMapper().readTree(ROOT.resolve(name + "-service/target/openapi/openapi.json").toFile()));
        }
        for (ServiceProcess service : started) {
            service.awaitReady(Duration.ofSeconds(120));
        }
        token = Tokens.admin();
        loadDemo(logs);
    }

    /** The demo files, in name order, sent by the same loader start.sh uses (deploy/local/StackTool.java). */
    static void loadDemo(Path logs) throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(ROOT.resolve("deploy/demo"))) {
            files = listing.filter(file -> file.toString().endsWith(".requests")).sorted().toList();
        }
        assertTrue(files.size() >= 4, "the demo data files: " + files);
        for (Path file : files) {
            ProcessBuilder loader = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    ROOT.resolve("deploy/local/StackTool.java").toString(), "load", file.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("demo-load.log").toFile()));
            loader.environment().put("SAKIP_TOKEN", token);
            for (String name : NAMES) {
                loader.environment().put(name.toUpperCase() + "_URL", services.get(name).url());
            }
            Process process = loader.start();
            assertEquals(0, process.waitFor(), "loading " + file + " (see " + logs.resolve("demo-load.log") + ")");
        }
    }

    @AfterAll
    static void stopSystem() throws InterruptedException {
        for (ServiceProcess service : started) {
            service.stop();
        }
    }

    /** The generated client of a service: its base URL, the admin's token, the strict mapper, and maybe an Accept. */
    static Consumer<HttpRequest.Builder> authorised(String accept) {
        return request -> {
            request.setHeader("Authorization", "Bearer " + token);
            if (accept != null) {
                // the generated methods list every type in Accept; a client picks one this way
                request.setHeader("Accept", accept);
            }
        };
    }

    static id.go.maluku.sakip.clients.planning.ApiClient planning() {
        var client = new id.go.maluku.sakip.clients.planning.ApiClient();
        client.updateBaseUri(services.get("planning").url());
        client.setRequestInterceptor(authorised(null));
        return client.setObjectMapper(strict("planning", client.getObjectMapper()));
    }

    static id.go.maluku.sakip.clients.realization.ApiClient realization() {
        var client = new id.go.maluku.sakip.clients.realization.ApiClient();
        client.updateBaseUri(services.get("realization").url());
        client.setRequestInterceptor(authorised(null));
        return client.setObjectMapper(strict("realization", client.getObjectMapper()));
    }

    static id.go.maluku.sakip.clients.budget.ApiClient budget() {
        var client = new id.go.maluku.sakip.clients.budget.ApiClient();
        client.updateBaseUri(services.get("budget").url());
        client.setRequestInterceptor(authorised(null));
        return client.setObjectMapper(strict("budget", client.getObjectMapper()));
    }

    static id.go.maluku.sakip.clients.reporting.ApiClient reporting(String accept) {
        var client = new id.go.maluku.sakip.clients.reporting.ApiClient();
        client.updateBaseUri(services.get("reporting").url());
        client.setRequestInterceptor(authorised(accept));
        return client.setObjectMapper(strict("reporting", client.getObjectMapper()));
    }

    static StrictMapper strict(String service, ObjectMapper generated) {
        return mappers.computeIfAbsent(service, name -> new StrictMapper(generated, documents.get(name),
                "id.go.maluku.sakip.clients." + name + ".model"));
    }

    /** reporting learns the plan, realisasi and budget from events: wait until the demo's last realisasi is there. */
    static Performance awaitPerformance() throws Exception {
        var api = new id.go.maluku.sakip.clients.reporting.api.PerformanceApi(reporting(null));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            Performance performance = api.getPerformance(AGENCY, YEAR);
            boolean complete = performance.getSasaran().size() == 5 && performance.getSasaran().stream()
                    .flatMap(s -> s.getIndicators().stream()).allMatch(i -> i.getRealisasi() != null)
                    && performance.getBudget() != null && performance.getBudget().getPagu() != null;
            if (complete || System.nanoTime() > deadline) {
                return performance;
            }
            Thread.sleep(300);
        }
    }

    @Test
    @Order(1)
    void the_demo_reads_through_the_generated_clients_with_its_real_figures() throws Exception {
        Performance performance = awaitPerformance();
        Map<String, BigDecimal> capaian = new TreeMap<>();
        for (SasaranPerformance sasaran : performance.getSasaran()) {
            for (IndicatorPerformance indicator : sasaran.getIndicators()) {
                capaian.put(indicator.getCode(), indicator.getCapaianRaw());
            }
        }
        // realisasi over target (deploy/demo/20-dinsos-maluku-realisasi.requests): 19/19, 3/3, 0/3, 3/3, 300/150
        Map<String, Integer> whole = new TreeMap<>();
        capaian.forEach((code, value) -> whole.put(code, value.stripTrailingZeros().intValueExact()));
        assertEquals(new TreeMap<>(Map.of("IK1", 100, "IK2", 100, "IK3", 0, "IK4", 100, "IK5", 200)), whole);

        var budget = new id.go.maluku.sakip.clients.budget.api.BudgetApi(budget()).getBudget(AGENCY, YEAR);
        BigDecimal pagu = budget.getLines().stream().map(line -> line.getPagu()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, pagu.compareTo(budget.getTotalPagu()), "the total pagu is the sum of the lines' pagu");
        BigDecimal absorption = budget.getTotalRealisasi().multiply(BigDecimal.valueOf(100))
                .divide(budget.getTotalPagu(), 2, RoundingMode.HALF_UP);
        assertEquals(0, absorption.compareTo(budget.getAbsorption().setScale(2, RoundingMode.HALF_UP)),
                "absorption is realisasi over pagu: " + budget.getAbsorption());
        assertEquals(0, budget.getTotalPagu().compareTo(performance.getBudget().getPagu()),
                "reporting's budget is budget-service's");

        var indicators = new id.go.maluku.sakip.clients.planning.api.PlanApi(planning())
                .listIndicators(AGENCY, null, null, null, null, null);
        int planned = new ObjectMapper().readTree(ROOT.resolve("deploy/demo/dinsos-maluku-plan.json").toFile())
                .get("indicators").size();
        assertEquals(planned, indicators.getTotal().intValue(), "the demo plan's indicators");
        var monitoring = new id.go.maluku.sakip.clients.realization.api.MonitoringApi(realization())
                .getMonitoring(AGENCY, YEAR, null);
        assertTrue(monitoring.toString().contains("IK5"), "the monitoring form lists IK5");
    }

    @Test
    @Order(2)
    void the_lkip_comes_in_each_of_its_four_formats_and_a_publication_too() throws Exception {
        var lkip = new id.go.maluku.sakip.clients.reporting.api.LkipApi(reporting(null));
        // a write through the generated client: publish the year's LKIP, answered as a typed summary
        var published = lkip.publishLkip(AGENCY, YEAR);
        assertEquals(1, published.getVersion().intValue(), "the first publication of the demo year");
        Map<String, String> starts = Map.of("text/html", "<!DOCTYPE html", "application/pdf", "%PDF-", XLSX, "PK",
                "application/json", "{");
        for (Map.Entry<String, String> format : starts.entrySet()) {
            var api = new id.go.maluku.sakip.clients.reporting.api.LkipApi(reporting(format.getKey()));
            byte[] draft = read(api.getLkip(AGENCY, YEAR, null));
            byte[] publication = read(api.getPublication(AGENCY, 1, YEAR));
            for (byte[] document : List.of(draft, publication)) {
                assertTrue(new String(document, 0, Math.min(document.length, 64), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .stripLeading().startsWith(format.getValue()), format.getKey() + " begins with " + format.getValue());
            }
            if (format.getKey().equals("application/json")) {
                // the JSON form agrees with the schema its answer declares
                JsonNode schema = documents.get("reporting").at("/paths/~1api~1v1~1agencies~1{agency}~1years~1{year}~1lkip"
                        + "/get/responses/200/content/application~1json/schema");
                assertEquals("#/components/schemas/LkipDocument", schema.path("$ref").asText());
                // and binds strictly to the generated model: typed blocks, cells and series
                var tree = mappers.get("reporting").readValue(new String(draft, java.nio.charset.StandardCharsets.UTF_8),
                        id.go.maluku.sakip.clients.reporting.model.LkipDocument.class);
                assertEquals(AGENCY, tree.getAgency());
                assertTrue(tree.getBlocks().stream().anyMatch(block -> "heading".equals(String.valueOf(block.getType()))
                        && "BAB I".equals(block.getNumber())), "chapter one, numbered by the generator");
                assertTrue(tree.getBlocks().stream().anyMatch(block -> "table".equals(String.valueOf(block.getType()))
                        && block.getRows().stream().flatMap(List::stream).anyMatch(cell -> cell.getValue() != null)),
                        "a table with figures");
            }
        }
    }

    @Test
    @Order(3)
    void every_read_operation_of_every_service_answers_through_its_generated_method() throws Exception {
        Map<String, Object> clients = Map.of("planning", planning(), "realization", realization(), "budget", budget(),
                "reporting", reporting(null));
        List<String> answered = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String service : NAMES) {
            JsonNode paths = documents.get(service).get("paths");
            for (var path : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
                JsonNode get = path.getValue().get("get");
                if (get == null) {
                    continue;
                }
                String id = get.get("operationId").asText();
                Method method = generatedMethod(service, get.path("tags").path(0).asText(), id);
                if (method == null) {
                    failures.add(service + " " + id + ": no generated method");
                    continue;
                }
                boolean unknownId = path.getKey().contains("{id}");
                Object api = method.getDeclaringClass().getConstructor(clients.get(service).getClass())
                        .newInstance(clients.get(service));
                Object[] arguments = Arrays.stream(method.getParameters()).map(p -> argument(path.getKey(), p)).toArray();
                try {
                    Object answer = method.invoke(api, arguments);
                    if (unknownId) {
                        failures.add(service + " " + id + ": answered for an id that does not exist");
                    } else if (answer instanceof File file) {
                        assertTrue(file.length() > 0, id + " gave an empty file");
                    }
                    answered.add(service + " " + id);
                } catch (InvocationTargetException e) {
                    Throwable cause = e.getCause();
                    int code = codeOf(cause);
                    if (unknownId && code == 404) {
                        // the refusal is a Problem, read strictly too
                        problem(service, cause);
                        answered.add(service + " " + id + " (404 for an unknown id)");
                    } else {
                        failures.add(service + " " + id + ": " + cause);
                    }
                }
            }
        }
        System.out.println("contract: " + answered.size() + " read operations answered through the generated clients:");
        answered.forEach(line -> System.out.println("  " + line));
        mappers.forEach((service, mapper) -> System.out.println("contract: " + service + " answers checked against "
                + mapper.checked.size() + " schemas; read untyped: " + mapper.unchecked));
        assertEquals(List.of(), failures);
        mappers.forEach((service, mapper) -> assertEquals(Set.of(), mapper.unchecked,
                service + ": an answer the document leaves untyped reaches a client as Object"));
        int reads = 0;
        for (String service : NAMES) {
            for (JsonNode path : documents.get(service).get("paths")) {
                reads += path.has("get") ? 1 : 0;
            }
        }
        assertTrue(reads >= 54, "the documents list their read operations: " + reads);
        assertEquals(reads, answered.size(), "every GET operation of the four documents: " + answered);
    }

    @Test
    @Order(4)
    void a_refusal_is_a_problem_the_client_can_read() throws Exception {
        var api = new id.go.maluku.sakip.clients.reporting.api.PerformanceApi(reporting(null));
        try {
            api.getPerformance("tidak-ada", YEAR);
            throw new AssertionError("an unknown agency answered");
        } catch (id.go.maluku.sakip.clients.reporting.ApiException e) {
            assertEquals(404, e.getCode());
            var problem = mappers.get("reporting").readValue(e.getResponseBody(),
                    id.go.maluku.sakip.clients.reporting.model.Problem.class);
            assertEquals(404, problem.getStatus());
            assertTrue(problem.getDetail().contains("tidak-ada"), problem.getDetail());
        }
        var planning = new id.go.maluku.sakip.clients.planning.api.PlanApi(planning());
        try {
            planning.listIndicators(AGENCY, null, -1, null, null, null);
            throw new AssertionError("page -1 answered");
        } catch (id.go.maluku.sakip.clients.planning.ApiException e) {
            assertEquals(400, e.getCode());
            var problem = mappers.get("planning").readValue(e.getResponseBody(),
                    id.go.maluku.sakip.clients.planning.model.Problem.class);
            assertTrue(problem.getErrors().stream().anyMatch(error -> error.getField().contains("page")), problem.toString());
        }
    }

    static byte[] read(File file) throws Exception {
        try {
            return Files.readAllBytes(file.toPath());
        } finally {
            Files.deleteIfExists(file.toPath());
        }
    }

    static int codeOf(Throwable error) {
        try {
            return (int) error.getClass().getMethod("getCode").invoke(error);
        } catch (ReflectiveOperationException notAnApiException) {
            return -1;
        }
    }

    static void problem(String service, Throwable error) throws Exception {
        String body = (String) error.getClass().getMethod("getResponseBody").invoke(error);
        Class<?> problem = Class.forName("id.go.maluku.sakip.clients." + service + ".model.Problem");
        mappers.get(service).readValue(body, problem);
    }

    /** The generated method of an operation: in the API class named after its first tag, without the headers map. */
    static Method generatedMethod(String service, String tag, String operationId) {
        StringBuilder name = new StringBuilder();
        for (String word : tag.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase());
            }
        }
        try {
            Class<?> api = Class.forName("id.go.maluku.sakip.clients." + service + ".api." + name + "Api");
            return Arrays.stream(api.getMethods())
                    .filter(m -> m.getName().equals(operationId))
                    .filter(m -> Arrays.stream(m.getParameterTypes()).noneMatch(Map.class::equals))
                    .findFirst().orElse(null);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** The demo's value of a path parameter, by its name and the segment before it; query parameters are left out. */
    static Object argument(String path, Parameter parameter) {
        String name = parameter.getName();
        Object value = switch (name) {
            case "agency" -> AGENCY;
            case "year" -> YEAR;
            case "indicator" -> "IK1";
            case "period" -> "Y";
            case "version" -> 1;
            case "code" -> path.contains("/sasaran/{code}") ? "S1" : path.contains("/indicators/{code}") ? "IK1" : null;
            case "id" -> UUID.randomUUID();
            default -> null;
        };
        if (value == null || !path.contains("{" + name + "}")) {
            return null;
        }
        if (parameter.getType() == UUID.class) {
            return value;
        }
        if (name.equals("id")) {
            return parameter.getType() == Long.class ? Long.valueOf(987654321L)
                    : parameter.getType() == Integer.class ? Integer.valueOf(987654321) : value.toString();
        }
        return value;
    }
}
