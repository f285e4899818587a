package id.go.maluku.sakip.reporting;

import id.go.maluku.sakip.infra.PublishedEvents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.reporting.readmodel.RmDocument;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PerformanceTests {

    static KafkaProducer<String, String> producer;

    @BeforeAll
    static void producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    /** A JSON text of a value read from an answer, to read it again with JsonPath. */
    static final java.util.function.Function<Object, String> JSON_WRITER = value -> {
        try {
            return PublishedEvents.JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    };

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** A producer's checked-in sample with a fresh id, the given subject and data fields. */
    static ObjectNode event(String type, String subject, Map<String, Object> data) throws Exception {
        ObjectNode event = (ObjectNode) PublishedEvents.sample(type);
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", subject);
        event.put("time", java.time.OffsetDateTime.now().toString());
        ObjectNode body = (ObjectNode) event.get("data");
        data.forEach((k, v) -> body.set(k, PublishedEvents.JSON.valueToTree(v)));
        return event;
    }

    static void send(String topic, ObjectNode event) throws Exception {
        producer.send(new ProducerRecord<>(topic, event.path("subject").asText(), event.toString())).get();
    }

    record Plan(String agency, String sasaranId, String indicatorId) {
    }

    /** An agency with one sasaran and one indicator, as planning publishes them. */
    static Plan plan(String agency, String polarity, String unit) throws Exception {
        String agencyId = UUID.randomUUID().toString();
        String sasaranId = UUID.randomUUID().toString();
        String indicatorId = UUID.randomUUID().toString();
        send("sakip.planning.events", event("sakip.planning.agency.upserted.v1", agencyId,
                Map.of("agencyId", agencyId, "agencyCode", agency, "name", "Dinas " + agency)));
        send("sakip.planning.events", event("sakip.planning.sasaran.upserted.v1", sasaranId,
                Map.of("sasaranId", sasaranId, "agencyCode", agency, "code", "S1", "ordinal", 1)));
        send("sakip.planning.events", event("sakip.planning.indicator.upserted.v1", indicatorId,
                Map.of("indicatorId", indicatorId, "agencyCode", agency, "sasaranId", sasaranId, "sasaranCode", "S1",
                        "code", "IK1", "unit", unit, "polarity", polarity)));
        return new Plan(agency, sasaranId, indicatorId);
    }

    static ObjectNode target(Plan plan, int year, Object value, int revision) throws Exception {
        return event("sakip.planning.target.set.v1", plan.indicatorId(), Map.of("indicatorId", plan.indicatorId(),
                "agencyCode", plan.agency(), "indicatorCode", "IK1", "year", year, "value", value, "revision", revision));
    }

    static ObjectNode realisasi(Plan plan, int year, Object value, int revision) throws Exception {
        return event("sakip.realization.realisasi.recorded.v1", plan.indicatorId(), Map.of(
                "realisasiId", UUID.randomUUID().toString(), "indicatorId", plan.indicatorId(),
                "agencyCode", plan.agency(), "indicatorCode", "IK1", "year", year, "period", "Y", "value", value,
                "revision", revision));
    }

    /** Polls /performance until the condition holds. */
    static JsonPath awaitPerformance(String agency, int year, Predicate<JsonPath> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            var response = asAdmin().get("/api/v1/agencies/{a}/years/{y}/performance", agency, year);
            last = response.asString();
            if (response.statusCode() == 200 && condition.test(response.jsonPath())) {
                return response.jsonPath();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("performance never matched; last answer: " + last);
    }

    @Test
    void positive_polarity_capaian_is_computed_from_events() throws Exception {
        Plan plan = plan("rep-pos", "positive", "KK");
        send("sakip.planning.events", target(plan, 2022, 150, 1));
        send("sakip.realization.events", realisasi(plan, 2022, 300, 1));
        JsonPath p = awaitPerformance("rep-pos", 2022, j -> "COMPUTED".equals(j.getString("sasaran[0].indicators[0].status")));
        assertEquals("200.0", p.getString("sasaran[0].indicators[0].capaian"));
        assertEquals("200.0", p.getString("sasaran[0].capaian"));
        assertEquals(150, p.getInt("sasaran[0].indicators[0].target"));
        assertEquals(300, p.getInt("sasaran[0].indicators[0].realisasi"));
        assertTrue(p.getString("freshness") != null);
    }

    @Test
    void negative_polarity_uses_two_t_minus_r() throws Exception {
        Plan plan = plan("rep-neg", "negative", "%");
        send("sakip.planning.events", target(plan, 2022, 8, 1));
        send("sakip.realization.events", realisasi(plan, 2022, 9, 1));
        JsonPath p = awaitPerformance("rep-neg", 2022, j -> "COMPUTED".equals(j.getString("sasaran[0].indicators[0].status")));
        assertEquals(87.5f, p.getFloat("sasaran[0].indicators[0].capaian"));
    }

    @Test
    void a_redelivered_event_changes_nothing_and_an_older_revision_never_wins() throws Exception {
        Plan plan = plan("rep-idem", "positive", "kegiatan");
        send("sakip.planning.events", target(plan, 2022, 19, 1));
        ObjectNode first = realisasi(plan, 2022, 10, 1);
        send("sakip.realization.events", first);
        send("sakip.realization.events", first);
        ObjectNode second = realisasi(plan, 2022, 19, 2);
        send("sakip.realization.events", second);
        send("sakip.realization.events", first);
        send("sakip.realization.events", realisasi(plan, 2022, 5, 1)); // older revision, new id
        send("sakip.realization.events", second);
        // a marker after all of them: once it shows, everything before it was consumed
        send("sakip.planning.events", target(plan, 2023, 20, 1));
        awaitPerformance("rep-idem", 2023, j -> j.getInt("sasaran[0].indicators[0].target") == 20);
        JsonPath p = awaitPerformance("rep-idem", 2022, j -> true);
        assertEquals(100.0f, p.getFloat("sasaran[0].indicators[0].capaian"));
        assertEquals(19, p.getInt("sasaran[0].indicators[0].realisasi"));
        assertEquals(2, p.getInt("sasaran[0].indicators[0].realisasiUpdates"));
    }

    @Test
    void events_arriving_before_their_indicator_are_used_when_it_arrives() throws Exception {
        String indicatorId = UUID.randomUUID().toString();
        String sasaranId = UUID.randomUUID().toString();
        String agencyId = UUID.randomUUID().toString();
        Plan plan = new Plan("rep-order", sasaranId, indicatorId);
        send("sakip.realization.events", realisasi(plan, 2022, 3, 1));
        send("sakip.planning.events", target(plan, 2022, 3, 1));
        send("sakip.planning.events", event("sakip.planning.agency.upserted.v1", agencyId,
                Map.of("agencyId", agencyId, "agencyCode", "rep-order", "name", "Dinas")));
        send("sakip.planning.events", event("sakip.planning.sasaran.upserted.v1", sasaranId,
                Map.of("sasaranId", sasaranId, "agencyCode", "rep-order", "code", "S4", "ordinal", 4)));
        send("sakip.planning.events", event("sakip.planning.indicator.upserted.v1", indicatorId,
                Map.of("indicatorId", indicatorId, "agencyCode", "rep-order", "sasaranId", sasaranId,
                        "sasaranCode", "S4", "code", "IK1", "unit", "unit", "polarity", "positive")));
        JsonPath p = awaitPerformance("rep-order", 2022, j -> "COMPUTED".equals(j.getString("sasaran[0].status")));
        assertEquals(100.0f, p.getFloat("sasaran[0].capaian"));
        assertEquals("S4", p.getString("sasaran[0].code"));
    }

    @Test
    void unknown_versions_and_garbage_go_to_the_dead_letter_topic_and_consumption_goes_on() throws Exception {
        Plan plan = plan("rep-dlq", "positive", "KK");
        ObjectNode v9 = realisasi(plan, 2022, 1, 1);
        v9.put("type", "sakip.realization.realisasi.recorded.v9");
        send("sakip.realization.events", v9);
        producer.send(new ProducerRecord<>("sakip.realization.events", "garbage", "{\"id\": 12")).get();
        // a family reporting does not use is no error: not a dead letter
        ObjectNode otherFamily = event("sakip.realization.realisasi.status.changed.v1", "other-family", Map.of());
        send("sakip.realization.events", otherFamily);
        ObjectNode missingValue = realisasi(plan, 2022, 1, 1);
        ((ObjectNode) missingValue.get("data")).remove("value");
        send("sakip.realization.events", missingValue);

        send("sakip.planning.events", target(plan, 2022, 4, 1));
        send("sakip.realization.events", realisasi(plan, 2022, 2, 1));
        JsonPath p = awaitPerformance("rep-dlq", 2022, j -> "COMPUTED".equals(j.getString("sasaran[0].status")));
        assertEquals(50.0f, p.getFloat("sasaran[0].capaian"));

        List<ConsumerRecord<String, String>> dead = deadLetters(3, Duration.ofSeconds(20),
                r -> r.key().equals("garbage") || r.key().equals(plan.indicatorId()) || r.key().equals("other-family"));
        assertEquals(3, dead.size());
        assertTrue(dead.stream().noneMatch(r -> r.key().equals("other-family")));
        for (ConsumerRecord<String, String> record : dead) {
            Header reason = record.headers().lastHeader("dead-letter-reason");
            assertTrue(reason != null && new String(reason.value(), StandardCharsets.UTF_8).length() > 0,
                    "a dead letter carries its reason");
        }
        assertTrue(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)
                .contains("recorded.v9"));
    }

    /** A budget line of the plan's sasaran S1 as budget publishes it: the type's checked-in sample with these fields. */
    static ObjectNode budgetLine(String type, Plan plan, String code, int revision, Map<String, Object> fields)
            throws Exception {
        String lineId = UUID.nameUUIDFromBytes((plan.agency() + "/" + code).getBytes(StandardCharsets.UTF_8)).toString();
        Map<String, Object> data = new java.util.LinkedHashMap<>(Map.of("lineId", lineId, "agencyCode", plan.agency(),
                "fiscalYear", 2022, "code", code, "revision", revision,
                "links", List.of(Map.of("sasaranCode", "S1", "indicatorCode", "IK1"))));
        data.putAll(fields);
        return event(type, lineId, data);
    }

    static JsonPath exact(String agency) {
        return asAdmin().get("/api/v1/agencies/{a}/years/2022/performance", agency).jsonPath()
                .using(new io.restassured.path.json.config.JsonPathConfig(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static java.math.BigDecimal d(String value) {
        return new java.math.BigDecimal(value);
    }

    /** The same amount, whatever its scale (an amount sent through a JSON tree comes back as 4.9875E+7). */
    static void assertAmount(String expected, Object actual) {
        assertTrue(actual instanceof java.math.BigDecimal a && a.compareTo(d(expected)) == 0,
                () -> "expected " + expected + " but was " + actual);
    }

    /**
     * budget's v3 says whether a line's realisasi is known by month or only for the year. A year
     * total against a RAK per quarter is in no quarter: every quarter not computable, never
     * 198468000 / 49875000 = 397.93 % in Q4; a dated line's quarters are computed as before.
     */
    @Test
    void a_year_total_leaves_every_quarter_not_computable_and_dated_quarters_are_computed() throws Exception {
        Plan plan = plan("rep-quarters", "positive", "KK");
        send("sakip.planning.events", target(plan, 2022, 10, 1));
        List<java.math.BigDecimal> evenRak = java.util.Collections.nCopies(4, d("49875000.00"));
        send("sakip.budget.events", budgetLine("sakip.budget.line.changed.v3", plan, "1.06.06.2.01.0002", 1, Map.of(
                "pagu", d("199500000.00"), "realisasi", d("198468000.00"), "rak", evenRak,
                "realisasiKnownBy", "year", "realisasiUndated", d("198468000.00"),
                "realisasiByQuarter", java.util.Collections.nCopies(4, null))));
        send("sakip.budget.events", budgetLine("sakip.budget.line.changed.v3", plan, "1.06.06.2.01.0003", 1, Map.of(
                "pagu", d("199500000.00"), "realisasi", d("83125000.00"), "rak", evenRak,
                "realisasiKnownBy", "month", "realisasiUndated", d("0.00"),
                "realisasiByQuarter", List.of(d("49875000.00"), d("16625000.00"), d("16625000.00"), d("0.00")))));
        awaitPerformance("rep-quarters", 2022, j -> lines(j) == 2);
        JsonPath p = exact("rep-quarters");

        String total = "sasaran[0].budget.lines.find { it.code == '1.06.06.2.01.0002' }";
        for (int q = 0; q < 4; q++) {
            String quarter = total + ".quarters[" + q + "]";
            assertAmount("49875000", p.get(quarter + ".rak"));
            assertNull(p.get(quarter + ".realisasi"), quarter);
            assertNull(p.get(quarter + ".absorption"), quarter);
            assertEquals(false, p.getBoolean(quarter + ".computable"), quarter);
        }
        // the year's absorption counts the total: 198468000 / 199500000
        assertEquals(d("99.48"), p.get(total + ".absorption"));

        String dated = "sasaran[0].budget.lines.find { it.code == '1.06.06.2.01.0003' }";
        assertEquals(List.of(d("100.00"), d("33.33"), d("33.33"), d("0.00")), p.getList(dated + ".quarters.absorption"));
        assertEquals(List.of(true, true, true, true), p.getList(dated + ".quarters.computable"));
        assertAmount("16625000", p.get(dated + ".quarters[1].realisasi"));
    }

    /**
     * v2 stays readable (a rebuild replays the topic's history), with its quarters as it gave
     * them (summed by date), in the read model and as the LKIP's document; its next change, as
     * v3, replaces both. A v3 line without a RAK (four nulls) is applied; a v3 that contradicts
     * itself (known by the year, yet with a quarter's amount) is a dead letter.
     */
    @Test
    void a_v2_line_is_still_read_and_a_v3_of_it_replaces_it() throws Exception {
        Plan plan = plan("rep-v2-line", "positive", "KK");
        send("sakip.planning.events", target(plan, 2022, 10, 1));
        List<java.math.BigDecimal> evenRak = java.util.Collections.nCopies(4, d("49875000.00"));
        ObjectNode v2 = budgetLine("sakip.budget.line.changed.v2", plan, "1.06.06.2.01.0004", 1, Map.of(
                "pagu", d("199500000.00"), "realisasi", d("74812500.00"), "rak", evenRak,
                "realisasiByQuarter", List.of(d("24937500.00"), d("49875000.00"), d("0.00"), d("0.00"))));
        String lineId = v2.path("subject").asText();
        send("sakip.budget.events", v2);
        send("sakip.budget.events", budgetLine("sakip.budget.line.changed.v3", plan, "1.06.06.2.01.0005", 1, Map.of(
                "pagu", d("1000.00"), "realisasi", d("10.00"), "rak", java.util.Arrays.asList(null, null, null, null),
                "realisasiKnownBy", "month", "realisasiUndated", d("0.00"),
                "realisasiByQuarter", List.of(d("10.00"), d("0.00"), d("0.00"), d("0.00")))));
        awaitPerformance("rep-v2-line", 2022, j -> lines(j) == 2);
        JsonPath p = exact("rep-v2-line");
        String line = "sasaran[0].budget.lines.find { it.code == '1.06.06.2.01.0004' }";
        assertEquals(List.of(d("50.00"), d("100.00"), d("0.00"), d("0.00")), p.getList(line + ".quarters.absorption"));
        String noRak = "sasaran[0].budget.lines.find { it.code == '1.06.06.2.01.0005' }";
        assertEquals(java.util.Collections.nCopies(4, null), p.getList(noRak + ".quarters.rak"));
        assertEquals(java.util.Collections.nCopies(4, false), p.getList(noRak + ".quarters.computable"));
        assertAmount("10", p.get(noRak + ".quarters[0].realisasi"));
        assertEquals(74812500.0, document(lineId, 1).path("realisasi").doubleValue());

        ObjectNode contradiction = budgetLine("sakip.budget.line.changed.v3", plan, "1.06.06.2.01.0004", 2, Map.of(
                "pagu", d("199500000.00"), "realisasi", d("198468000.00"), "rak", evenRak,
                "realisasiKnownBy", "year", "realisasiUndated", d("198468000.00"),
                "realisasiByQuarter", List.of(d("0.00"), d("0.00"), d("0.00"), d("198468000.00"))));
        contradiction.put("subject", "line-contradiction");
        send("sakip.budget.events", contradiction);
        send("sakip.budget.events", budgetLine("sakip.budget.line.changed.v3", plan, "1.06.06.2.01.0004", 3, Map.of(
                "pagu", d("199500000.00"), "realisasi", d("198468000.00"), "rak", evenRak,
                "realisasiKnownBy", "year", "realisasiUndated", d("198468000.00"),
                "realisasiByQuarter", java.util.Collections.nCopies(4, null))));
        awaitPerformance("rep-v2-line", 2022, j -> Float.valueOf(99.48f).equals(j.get(
                "sasaran[0].budget.lines.find { it.code == '1.06.06.2.01.0004' }.absorption")));
        p = exact("rep-v2-line");
        assertEquals(java.util.Collections.nCopies(4, null), p.getList(line + ".quarters.realisasi"));
        assertEquals(java.util.Collections.nCopies(4, false), p.getList(line + ".quarters.computable"));
        assertEquals("year", document(lineId, 3).path("realisasiKnownBy").asText());
        assertEquals(1, deadLetters(1, Duration.ofSeconds(20), r -> "line-contradiction".equals(r.key())).size());
    }

    /** The number of budget lines under the first sasaran, 0 while there is none. */
    static int lines(JsonPath p) {
        List<Object> lines = p.getList("sasaran[0].budget.lines");
        return lines == null ? 0 : lines.size();
    }

    /** The budget line's document as the LKIP reads it, once its consumer has kept the revision (or a newer one). */
    static com.fasterxml.jackson.databind.JsonNode document(String lineId, long revision) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            var doc = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                    RmDocument.<RmDocument>findByIdOptional(new RmDocument.Key(RmDocument.BUDGET_LINE, lineId))
                            .filter(d -> d.revision >= revision).map(d -> d.content).orElse(null));
            if (doc != null) {
                return PublishedEvents.JSON.readTree(doc);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no document of budget line " + lineId + " at revision " + revision);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void unknown_agency_or_year_is_a_404_problem() throws Exception {
        asAdmin().get("/api/v1/agencies/nowhere/years/2022/performance").then().statusCode(404)
                .contentType("application/problem+json");
        Plan plan = plan("rep-404", "positive", "KK");
        send("sakip.planning.events", target(plan, 2022, 4, 1));
        awaitPerformance("rep-404", 2022, j -> true);
        asAdmin().get("/api/v1/agencies/rep-404/years/1999/performance").then().statusCode(404)
                .contentType("application/problem+json");
    }

    static List<ConsumerRecord<String, String>> deadLetters(int atLeast, Duration timeout,
                                                            Predicate<ConsumerRecord<String, String>> match) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("sakip.reporting.dlq"));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < atLeast && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key() != null && match.test(r)) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    @jakarta.inject.Inject
    id.go.maluku.sakip.reporting.service.PerformanceCache cache;

    @Test
    void the_kept_document_is_served_while_the_read_model_stands_still_and_rebuilt_when_it_moves() throws Exception {
        Plan plan = plan("rep-cache", "positive", "KK");
        send("sakip.planning.events", target(plan, 2022, 100, 1));
        send("sakip.realization.events", realisasi(plan, 2022, 50, 1));
        awaitPerformance("rep-cache", 2022, j -> "50.0".equals(j.getString("sasaran[0].indicators[0].capaian")));

        // Other tests' events may still be arriving: look for two reads with no event between them.
        boolean kept = false;
        for (int attempt = 0; attempt < 50 && !kept; attempt++) {
            var first = cache.performance("rep-cache", 2022);
            var second = cache.performance("rep-cache", 2022);
            if (first.version() == second.version()) {
                assertTrue(first == second, "an unchanged read model is served from the kept document");
                kept = true;
            } else {
                Thread.sleep(100);
            }
        }
        assertTrue(kept, "the read model never stood still for two reads");
        long before = cache.version();

        send("sakip.realization.events", realisasi(plan, 2022, 80, 2));
        JsonPath moved = awaitPerformance("rep-cache", 2022,
                j -> "80.0".equals(j.getString("sasaran[0].indicators[0].capaian")));
        assertEquals(80, moved.getInt("sasaran[0].indicators[0].realisasi"));
        assertTrue(cache.version() > before, "an applied event moves the read model's version");
    }

    /**
     * What the resource answers on the event loop: the kept document, only while the version
     * read it was checked against is under sakip.performance.version-max-age (5 ms) old.
     */
    @Test
    void right_after_a_read_of_the_version_the_kept_document_is_current_and_5_ms_later_no_longer() throws Exception {
        Plan plan = plan("rep-fast", "positive", "KK");
        send("sakip.planning.events", target(plan, 2022, 100, 1));
        send("sakip.realization.events", realisasi(plan, 2022, 40, 1));
        awaitPerformance("rep-fast", 2022, j -> "40.0".equals(j.getString("sasaran[0].indicators[0].capaian")));

        boolean checked = false;
        for (int attempt = 0; attempt < 50 && !checked; attempt++) {
            long start = System.nanoTime();
            var kept = cache.performance("rep-fast", 2022);
            var current = cache.keptAndCurrent("rep-fast", 2022);
            if (System.nanoTime() - start < java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(4)) {
                assertTrue(current == kept, "the document just built or kept is current");
                checked = true;
            }
        }
        assertTrue(checked, "never two calls within 4 ms");
        Thread.sleep(6);
        assertEquals(null, cache.keptAndCurrent("rep-fast", 2022), "5 ms after the read, the version is read again");
        assertEquals(null, cache.keptAndCurrent("rep-nowhere", 2022), "nothing kept, nothing current");

        // over HTTP, a poll right after another is answered alike, and 304 with the ETag
        var first = asAdmin().get("/api/v1/agencies/rep-fast/years/2022/performance").then().statusCode(200)
                .extract();
        asAdmin().get("/api/v1/agencies/rep-fast/years/2022/performance").then().statusCode(200)
                .header("ETag", first.header("ETag")).body("sasaran[0].indicators[0].capaian", org.hamcrest.Matchers.is(40.0f));
        asAdmin().header("If-None-Match", first.header("ETag")).get("/api/v1/agencies/rep-fast/years/2022/performance")
                .then().statusCode(304);
    }

    @Test
    void a_burst_of_realisasi_is_applied_whole_counted_once_each_and_shows_the_last() throws Exception {
        Plan plan = plan("rep-burst", "positive", "KK");
        send("sakip.planning.events", target(plan, 2022, 40, 1));
        for (int revision = 1; revision <= 40; revision++) {
            // sent without waiting: they reach the consumer together and are recalculated together
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("sakip.realization.events",
                    plan.indicatorId(), realisasi(plan, 2022, revision, revision).toString()));
        }
        producer.flush();
        JsonPath p = awaitPerformance("rep-burst", 2022,
                j -> "100.0".equals(j.getString("sasaran[0].indicators[0].capaian")));
        assertEquals(40, p.getInt("sasaran[0].indicators[0].realisasi"));
        assertEquals(40, p.getInt("sasaran[0].indicators[0].realisasiUpdates"));
        assertEquals("100.0", p.getString("sasaran[0].capaian"));
    }

    /**
     * Realisasi arriving together are applied set-wise (RealisasiRun) and recalculated per batch
     * (facts read and results written in one round trip each, ResultStore): duplicates, stale
     * revisions and several indicators of two sasaran in one burst must give what applying them
     * one at a time gives.
     */
    @Test
    void a_burst_over_several_indicators_with_redeliveries_and_stale_revisions_gives_the_one_by_one_result()
            throws Exception {
        String agency = "rep-burst-many";
        String agencyId = UUID.randomUUID().toString();
        String s1 = UUID.randomUUID().toString();
        String s2 = UUID.randomUUID().toString();
        String[] ik = {UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString()};
        String[] sasaranOf = {s1, s1, s2};
        send("sakip.planning.events", event("sakip.planning.agency.upserted.v1", agencyId,
                Map.of("agencyId", agencyId, "agencyCode", agency, "name", "Dinas " + agency)));
        for (int i = 0; i < 2; i++) {
            String id = i == 0 ? s1 : s2;
            send("sakip.planning.events", event("sakip.planning.sasaran.upserted.v1", id,
                    Map.of("sasaranId", id, "agencyCode", agency, "code", "S" + (i + 1), "ordinal", i + 1)));
        }
        int[] targets = {100, 50, 10};
        for (int i = 0; i < 3; i++) {
            send("sakip.planning.events", event("sakip.planning.indicator.upserted.v1", ik[i],
                    Map.of("indicatorId", ik[i], "agencyCode", agency, "sasaranId", sasaranOf[i],
                            "sasaranCode", sasaranOf[i].equals(s1) ? "S1" : "S2", "code", "IK" + (i + 1),
                            "unit", "orang", "polarity", "positive")));
            send("sakip.planning.events", event("sakip.planning.target.set.v1", ik[i], Map.of("indicatorId", ik[i],
                    "agencyCode", agency, "indicatorCode", "IK" + (i + 1), "year", 2022, "value", targets[i],
                    "revision", 1)));
        }
        awaitPerformance(agency, 2022, j -> j.getList("sasaran.indicators.flatten()").size() == 3);

        ObjectNode ik1First = realisasi(agency, ik[0], "IK1", 80, 1);
        ObjectNode ik1Second = realisasi(agency, ik[0], "IK1", 90, 2);
        List<ObjectNode> burst = List.of(
                ik1First, ik1Second, ik1First, // a redelivery after a newer revision
                realisasi(agency, ik[0], "IK1", 10, 1), // an older revision under a new id
                realisasi(agency, ik[1], "IK2", 25, 1), realisasi(agency, ik[1], "IK2", 50, 2),
                realisasi(agency, ik[1], "IK2", 5, 1),
                realisasi(agency, ik[2], "IK3", 5, 3), realisasi(agency, ik[2], "IK3", 9, 2),
                ik1Second);
        for (ObjectNode event : burst) {
            // not waited for: they reach the consumer together, as operators' input does
            producer.send(new ProducerRecord<>("sakip.realization.events", event.path("subject").asText(), event.toString()));
        }
        producer.flush();
        JsonPath p = awaitPerformance(agency, 2022, j -> "90.0".equals(j.getString("sasaran[0].indicators[0].capaian"))
                && "100.0".equals(j.getString("sasaran[0].indicators[1].capaian"))
                && "50.0".equals(j.getString("sasaran[1].indicators[0].capaian")));
        assertEquals(90, p.getInt("sasaran[0].indicators[0].realisasi"));
        assertEquals(2, p.getInt("sasaran[0].indicators[0].realisasiUpdates"));
        assertEquals(50, p.getInt("sasaran[0].indicators[1].realisasi"));
        assertEquals(2, p.getInt("sasaran[0].indicators[1].realisasiUpdates"));
        assertEquals(5, p.getInt("sasaran[1].indicators[0].realisasi"));
        assertEquals(1, p.getInt("sasaran[1].indicators[0].realisasiUpdates"));
        assertEquals("95.0", p.getString("sasaran[0].capaian")); // (90 + 100) / 2
        assertEquals("50.0", p.getString("sasaran[1].capaian"));
    }

    static ObjectNode realisasi(String agency, String indicatorId, String code, Object value, int revision) throws Exception {
        return event("sakip.realization.realisasi.recorded.v1", indicatorId, Map.of(
                "realisasiId", UUID.randomUUID().toString(), "indicatorId", indicatorId, "agencyCode", agency,
                "indicatorCode", code, "year", 2022, "period", "Y", "value", value, "revision", revision));
    }
}
