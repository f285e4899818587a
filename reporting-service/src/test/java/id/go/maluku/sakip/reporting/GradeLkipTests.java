package id.go.maluku.sakip.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.maluku.sakip.infra.PublishedEvents;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LKIP of an agency with grade indicators (issue 23): the plan states polarity ordinal and
 * the ordered scale, realization publishes the rank of the level reached. The report prints
 * levels ("B"), never ranks, and the review sees a level target as a target.
 *
 * <p>Hand-computed: SAKIP on D, C, CC, B, BB, A, AA (unit "nilai"), target B (rank 4), realisasi
 * rank 4 = B, so 100 %; 2021 realisasi rank 3 = CC; 2023 target BB. OPINI on TMP, TW, WDP, WTP
 * (unit "status"), target WTP (rank 4), realisasi rank 3 = WDP: not reached, 0 % under the default
 * policy (an ordinal target not reached: zero).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class GradeLkipTests {

    static final String AGENCY = "lkip-grade";
    static KafkaProducer<String, String> producer;

    @BeforeAll
    static void seed() throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        JsonNode plan = PublishedEvents.JSON.readTree(Files.readString(Path.of("..", "deploy", "demo", "dinsos-maluku-plan.json")));
        String agencyId = UUID.randomUUID().toString();
        send("sakip.planning.events", "sakip.planning.agency.upserted.v1", agencyId,
                Map.of("agencyId", agencyId, "agencyCode", AGENCY, "name", "Inspektorat Provinsi Maluku"));
        for (String section : List.of("profile", "organisation", "personnel", "renstra")) {
            send("sakip.planning.events", "sakip.planning.section.upserted.v1", agencyId,
                    Map.of("agencyCode", AGENCY, "section", section, "content", plan.get(section), "revision", 1));
        }
        String sasaranId = UUID.randomUUID().toString();
        send("sakip.planning.events", "sakip.planning.sasaran.upserted.v1", sasaranId,
                Map.of("sasaranId", sasaranId, "agencyCode", AGENCY, "code", "S1", "ordinal", 1,
                        "name", "Meningkatnya akuntabilitas kinerja"));
        String sakip = grade(sasaranId, "SAKIP", "Nilai SAKIP", "nilai", List.of("D", "C", "CC", "B", "BB", "A", "AA"));
        String opini = grade(sasaranId, "OPINI", "Opini BPK", "status", List.of("TMP", "TW", "WDP", "WTP"));
        target(sakip, "SAKIP", 2022, "B");
        target(sakip, "SAKIP", 2023, "BB");
        target(opini, "OPINI", 2022, "WTP");
        send("sakip.planning.events", "sakip.planning.pk.changed.v1", agencyId, Map.of(
                "pkId", UUID.randomUUID().toString(), "agencyCode", AGENCY, "year", 2022, "version", 1, "kind", "original",
                "items", List.of(Map.of("sasaranCode", "S1", "indicatorCode", "SAKIP", "target", "B"),
                        Map.of("sasaranCode", "S1", "indicatorCode", "OPINI", "target", "WTP"))));
        realisasi(sakip, "SAKIP", 2021, 3);
        realisasi(sakip, "SAKIP", 2022, 4);
        realisasi(opini, "OPINI", 2022, 3);
        // a document that stated the opinion otherwise: WTP, rank 4
        send("sakip.realization.events", "sakip.realization.realisasi.statement.recorded.v1", opini, Map.of(
                "statementId", UUID.randomUUID().toString(), "indicatorId", opini, "agencyCode", AGENCY,
                "indicatorCode", "OPINI", "year", 2022, "period", "Y", "value", 4, "valueText", "WTP", "statedIn", "Tabel 3.2"));
    }

    /** A grade indicator as planning publishes it: upserted, then its definition with the scale. */
    static String grade(String sasaranId, String code, String name, String unit, List<String> scale) throws Exception {
        String id = UUID.randomUUID().toString();
        send("sakip.planning.events", "sakip.planning.indicator.upserted.v1", id,
                Map.of("indicatorId", id, "agencyCode", AGENCY, "sasaranId", sasaranId, "sasaranCode", "S1",
                        "code", code, "name", name, "unit", unit, "polarity", "ordinal"));
        Map<String, Object> definition = new HashMap<>(Map.of("indicatorId", id, "agencyCode", AGENCY, "sasaranCode", "S1",
                "code", code, "name", name, "unit", unit, "polarity", "ordinal", "scale", scale, "iku", false));
        send("sakip.planning.events", "sakip.planning.indicator.defined.v1", id, definition);
        return id;
    }

    static void target(String id, String code, int year, String level) throws Exception {
        send("sakip.planning.events", "sakip.planning.target.defined.v1", id, Map.of("indicatorId", id,
                "agencyCode", AGENCY, "indicatorCode", code, "year", year, "kind", "ordinal", "target", level));
    }

    static void realisasi(String id, String code, int year, int rank) throws Exception {
        send("sakip.realization.events", "sakip.realization.realisasi.recorded.v1", id, Map.of(
                "realisasiId", UUID.randomUUID().toString(), "indicatorId", id, "agencyCode", AGENCY,
                "indicatorCode", code, "year", year, "period", "Y", "value", rank));
    }

    /** As LkipTests sends: planning's or realization's sample with these fields, and the ce_type header. */
    static void send(String topic, String type, String subject, Map<String, ?> data) throws Exception {
        ObjectNode event = (ObjectNode) PublishedEvents.sample(type);
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", subject);
        event.put("time", OffsetDateTime.now().toString());
        ObjectNode body = (ObjectNode) event.get("data");
        data.forEach((k, v) -> body.set(k, PublishedEvents.JSON.valueToTree(v)));
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, event.toString());
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    /** The report once both indicators of 2022 have their target and realisasi. */
    static JsonPath awaitReport() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            var response = asAdmin().accept(ContentType.JSON).get("/api/v1/agencies/{a}/years/2022/lkip", AGENCY);
            last = response.asString();
            if (response.statusCode() == 200) {
                JsonPath json = response.jsonPath();
                List<String> realisasi = json.getList("blocks.find { it.key == 'capaian-S1' }.rows.collect { it[4].display }");
                List<String> lastYear = json.getList("blocks.find { it.key == 'perbandingan-S1' }.rows.collect { it[2].display }");
                if (realisasi != null && realisasi.equals(List.of("WDP", "B")) && lastYear.contains("CC")) {
                    return json;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the report never had both grades: " + last);
    }

    static List<String> row(JsonPath json, String table, int index) {
        return json.getList("blocks.find { it.key == '" + table + "' }.rows[" + index + "].display");
    }

    @Test
    void the_lkip_prints_the_grades_not_their_ranks() throws Exception {
        JsonPath json = awaitReport();
        // rows by indicator code: OPINI, SAKIP; No, name, unit, target, realisasi, capaian, recognised, category
        List<String> opini = row(json, "capaian-S1", 0);
        List<String> sakip = row(json, "capaian-S1", 1);
        assertEquals(List.of("Opini BPK", "status", "WTP", "WDP", "0,00 %"), opini.subList(1, 6));
        assertEquals(List.of("Nilai SAKIP", "nilai", "B", "B", "100,00 %"), sakip.subList(1, 6));
        // last year's comparison: 2021 CC, 2022 B
        assertEquals(List.of("Nilai SAKIP", "CC"), row(json, "perbandingan-S1", 1).subList(1, 3));
        assertEquals("B", row(json, "perbandingan-S1", 1).get(4));
        // the Renstra years: realisasi 2021 CC and 2022 B, target 2023 BB
        assertEquals(List.of("Realisasi 2021", "Realisasi 2022", "Target 2023"),
                json.getList("blocks.find { it.key == 'renstra-S1' }.columns").subList(2, 5));
        assertEquals(List.of("CC", "B", "BB"), row(json, "renstra-S1", 1).subList(2, 5));
        // the agreement prints the grade alone, and no grade is drawn as a quantity
        assertEquals(List.of("B", "WTP"), json.getList("blocks.find { it.key == 'perjanjian-kinerja' }.rows.collect { it[3].display }")
                .stream().sorted().toList());
        assertEquals(List.of(), json.getList("blocks.findAll { it.type == 'chart' && it.key.startsWith('tren-') }.key"));
        String analysis = json.getList("blocks.findAll { it.type == 'paragraph' }.text", String.class).stream()
                .filter(t -> t.contains("Nilai SAKIP")).findFirst().orElseThrow();
        assertTrue(analysis.contains("(target B, realisasi B)") && analysis.contains("(target WTP, realisasi WDP)")
                && analysis.contains("tahun 2021 realisasi CC"), analysis);

        // HTML is built from the same model
        String html = asAdmin().accept(ContentType.HTML).get("/api/v1/agencies/{a}/years/2022/lkip", AGENCY)
                .then().statusCode(200).body(containsString("(target B, realisasi B)")).extract().asString();
        assertTrue(html.contains("<td>WDP</td>") || html.contains(">WDP<"), "the HTML prints the level WDP");
    }

    /** /performance says a grade's level beside its rank: WDP is rank 3 of TMP, TW, WDP, WTP; B rank 4 of D..AA. */
    @Test
    void performance_names_a_grade_realisasi_by_its_level() throws Exception {
        awaitReport();
        String body = asAdmin().get("/api/v1/agencies/{a}/years/2022/performance", AGENCY).then().statusCode(200)
                .extract().asString();
        com.fasterxml.jackson.databind.JsonNode answer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        Map<String, String> levels = new java.util.TreeMap<>();
        for (com.fasterxml.jackson.databind.JsonNode sasaran : answer.get("sasaran")) {
            for (com.fasterxml.jackson.databind.JsonNode indicator : sasaran.get("indicators")) {
                levels.put(indicator.get("code").asText(), indicator.get("realisasi").asText() + " "
                        + indicator.get("realisasiLevel").asText());
            }
        }
        assertEquals("3 WDP", levels.get("OPINI"));
        assertEquals(List.of(), id.go.maluku.sakip.infra.OpenApiWalk.answerMismatches(id.go.maluku.sakip.infra.OpenApiWalk.document(),
                id.go.maluku.sakip.infra.OpenApiWalk.document().at("/paths/~1api~1v1~1agencies~1{agency}~1years~1{year}~1performance"
                        + "/get/responses/200/content/application~1json/schema"), answer, true));
        assertEquals("4 B", levels.get("SAKIP"), levels.toString());
    }

    @Test
    void the_review_sees_a_grade_target_as_a_target() throws Exception {
        awaitReport();
        List<Map<String, Object>> findings = asAdmin().get("/api/v1/agencies/{a}/years/2022/review", AGENCY)
                .then().statusCode(200).extract().jsonPath().getList("$");
        List<String> about = findings.stream().filter(f -> String.valueOf(f.get("where")).matches("(SAKIP|OPINI) 2022.*"))
                .map(f -> f.get("rule") + " " + f.get("where")).toList();
        assertEquals(List.of(), about, "no realisasi-without-target (nor any other) for the grade indicators: " + findings);

        // the same fact stated twice is named by its levels
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String sameFact;
        while ((sameFact = asAdmin().get("/api/v1/agencies/{a}/years/2022/review", AGENCY).jsonPath()
                .getString("find { it.rule == 'same-fact-different-values' }.stated")) == null) {
            assertTrue(System.nanoTime() < deadline, "the statement never reached the review");
            Thread.sleep(200);
        }
        assertEquals("nilai yang dihitung: WDP; Tabel 3.2: WTP", sameFact);
    }
}
