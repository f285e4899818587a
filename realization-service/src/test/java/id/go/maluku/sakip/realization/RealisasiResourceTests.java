package id.go.maluku.sakip.realization;

import id.go.maluku.sakip.platform.outbox.OutboxEvent;

import id.go.maluku.sakip.infra.PublishedEvents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.realization.domain.IndicatorRef;
import id.go.maluku.sakip.realization.event.RealizationEvents;
import id.go.maluku.sakip.platform.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static id.go.maluku.sakip.infra.OpenApiWalk.management;
import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class RealisasiResourceTests {

    static KafkaProducer<String, String> producer;

    @BeforeAll
    static void producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    /** Planning's sample event with fresh ids, as planning would publish it. */
    static ObjectNode planningEvent(String type, Map<String, Object> data) throws Exception {
        ObjectNode event = (ObjectNode) PublishedEvents.sample(type);
        event.put("id", UUID.randomUUID().toString());
        ObjectNode body = (ObjectNode) event.get("data");
        data.forEach((k, v) -> body.set(k, PublishedEvents.JSON.valueToTree(v)));
        return event;
    }

    static void send(ObjectNode event) throws Exception {
        producer.send(new ProducerRecord<>("sakip.planning.events", event.path("subject").asText(),
                event.toString())).get();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Publishes an agency and one indicator and waits until realization knows them. */
    static String knownIndicator(String agency, String code, String unit) throws Exception {
        // planning gives one agency one id for good
        String agencyId = UUID.nameUUIDFromBytes(agency.getBytes()).toString();
        String indicatorId = UUID.randomUUID().toString();
        ObjectNode a = planningEvent("sakip.planning.agency.upserted.v1", Map.of("agencyId", agencyId, "agencyCode", agency));
        a.put("subject", agencyId);
        send(a);
        ObjectNode i = planningEvent("sakip.planning.indicator.upserted.v1",
                Map.of("indicatorId", indicatorId, "agencyCode", agency, "code", code, "unit", unit));
        i.put("subject", indicatorId);
        send(i);
        await("indicator " + code, () -> indicatorUnit(indicatorId) != null);
        return indicatorId;
    }

    static String indicatorUnit(String indicatorId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            IndicatorRef ref = IndicatorRef.findById(UUID.fromString(indicatorId));
            return ref == null ? null : ref.unit;
        });
    }

    @Test
    void realisasi_is_recorded_and_published_keyed_by_indicator() throws Exception {
        String indicatorId = knownIndicator("real-a", "IK5", "KK");
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 300))
                .put("/api/v1/agencies/real-a/indicators/IK5/realisasi/2022")
                .then().statusCode(201).body("value", is(300)).body("revision", is(1));
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 285.5))
                .put("/api/v1/agencies/real-a/indicators/IK5/realisasi/2022")
                .then().statusCode(200).body("value", is(285.5f)).body("revision", is(2));
        asAdmin().get("/api/v1/agencies/real-a/realisasi?year=2022").then().statusCode(200)
                .body("indicator", hasItem("IK5"));

        List<PublishedEvents.Event> events = PublishedEvents.await("sakip.realization.events",
                PublishedEvents.ofType(RealizationEvents.REALISASI_RECORDED, indicatorId), 2, Duration.ofSeconds(20));
        assertEquals(2, events.size());
        assertEquals(indicatorId, events.get(1).key());
        assertEquals("285.5", events.get(1).body().path("data").path("value").asText());
        assertEquals(2, events.get(1).body().path("data").path("revision").asInt());
        assertEquals(PublishedEvents.shape(PublishedEvents.sample(RealizationEvents.REALISASI_RECORDED)),
                PublishedEvents.shape(events.get(1).body()));

        // The relay marks what the broker acknowledged as sent (one statement per batch), and
        // nothing marked goes out again.
        await("outbox rows marked sent", () -> QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.count("aggregateId = ?1 and sentAt is null", indicatorId)) == 0);
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.count("aggregateId = ?1 and sentAt is not null", indicatorId)));
        Thread.sleep(1000); // several relay polls (0.2 s in tests)
        assertEquals(2, PublishedEvents.await("sakip.realization.events",
                PublishedEvents.ofType(RealizationEvents.REALISASI_RECORDED, indicatorId), 3, Duration.ofSeconds(3)).size());
    }

    @Test
    void a_redelivered_or_older_planning_event_changes_nothing() throws Exception {
        String indicatorId = knownIndicator("real-b", "IK1", "kegiatan");
        ObjectNode newer = planningEvent("sakip.planning.indicator.upserted.v1",
                Map.of("indicatorId", indicatorId, "agencyCode", "real-b", "code", "IK1", "unit", "lokasi", "revision", 3));
        newer.put("subject", indicatorId);
        send(newer);
        await("revision 3", () -> "lokasi".equals(indicatorUnit(indicatorId)));

        // The same event again, with other content under the same id: recorded once, so ignored.
        ObjectNode redelivered = newer.deepCopy();
        ((ObjectNode) redelivered.get("data")).put("unit", "unit").put("revision", 4);
        send(redelivered);
        // An older revision under a new id: ignored because the copy is newer.
        ObjectNode older = planningEvent("sakip.planning.indicator.upserted.v1",
                Map.of("indicatorId", indicatorId, "agencyCode", "real-b", "code", "IK1", "unit", "orang", "revision", 2));
        older.put("subject", indicatorId);
        send(older);
        // A marker after both on the same key (so the same partition, read in order): a newer
        // revision of the name alone. Once it is applied, the two before it have been consumed.
        ObjectNode marker = planningEvent("sakip.planning.indicator.upserted.v1",
                Map.of("indicatorId", indicatorId, "agencyCode", "real-b", "code", "IK1", "unit", "lokasi",
                        "name", "marker", "revision", 5));
        marker.put("subject", indicatorId);
        send(marker);
        await("the marker", () -> "marker".equals(indicatorRef(indicatorId).name));
        assertEquals("lokasi", indicatorUnit(indicatorId));
        assertEquals(5, indicatorRef(indicatorId).revision);
    }

    @Test
    void an_unreadable_event_goes_to_the_dead_letter_topic_and_consumption_goes_on() throws Exception {
        producer.send(new ProducerRecord<>("sakip.planning.events", "broken", "{not json")).get();
        List<PublishedEvents.Event> dead = PublishedEvents.awaitRaw("sakip.realization.dlq", "broken", Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        knownIndicator("real-c", "AFTER", "KK");
    }

    @Test
    void an_event_that_contradicts_the_stored_copy_is_a_dead_letter_not_a_stuck_consumer() throws Exception {
        knownIndicator("real-e", "IK1", "KK");
        String otherId = UUID.randomUUID().toString();
        ObjectNode clash = planningEvent("sakip.planning.agency.upserted.v1", Map.of("agencyId", otherId, "agencyCode", "real-e"));
        clash.put("subject", "clash-" + otherId);
        producer.send(new ProducerRecord<>("sakip.planning.events", "clash-" + otherId, clash.toString())).get();
        assertEquals(1, PublishedEvents.awaitRaw("sakip.realization.dlq", "clash-" + otherId, Duration.ofSeconds(30)).size());
        knownIndicator("real-e", "IK2", "KK");
    }

    static IndicatorRef indicatorRef(String indicatorId) {
        return QuarkusTransaction.requiringNew().call(() -> IndicatorRef.findById(UUID.fromString(indicatorId)));
    }

    static ObjectNode definition(String indicatorId, String agency, String code, String unit, String responsibleUnit,
                                 long revision) throws Exception {
        Map<String, Object> data = new java.util.HashMap<>(Map.of("indicatorId", indicatorId, "agencyCode", agency,
                "code", code, "unit", unit, "revision", revision));
        data.put("responsibleUnit", responsibleUnit);
        ObjectNode d = planningEvent("sakip.planning.indicator.defined.v1", data);
        d.put("subject", indicatorId);
        return d;
    }

    @Test
    void the_responsible_unit_comes_from_planning_definitions_and_the_newest_revision_wins() throws Exception {
        knownIndicator("real-f", "IK0", "KK"); // the agency
        // a definition that arrives before any upserted event of its indicator makes the copy
        String indicatorId = UUID.randomUUID().toString();
        send(definition(indicatorId, "real-f", "IK1", "KK", " Bidang Rehabilitasi Sosial ", 1));
        await("the definition", () -> indicatorUnit(indicatorId) != null);
        IndicatorRef ref = indicatorRef(indicatorId);
        assertEquals("Bidang Rehabilitasi Sosial", ref.responsibleUnit);
        assertEquals("IK1", ref.code);
        assertEquals("real-f", ref.agencyCode);
        assertEquals("S1", ref.sasaranCode);
        assertEquals(1, ref.definitionRevision);

        // planning's next revision: upserted, then defined, both revision 2; the unit is handed over
        ObjectNode upserted = planningEvent("sakip.planning.indicator.upserted.v1",
                Map.of("indicatorId", indicatorId, "agencyCode", "real-f", "code", "IK1", "unit", "lokasi", "revision", 2));
        upserted.put("subject", indicatorId);
        send(upserted);
        send(definition(indicatorId, "real-f", "IK1", "lokasi", "Bidang Perlindungan dan Jaminan Sosial", 2));
        await("definition 2", () -> indicatorRef(indicatorId).definitionRevision == 2);
        assertEquals("lokasi", indicatorUnit(indicatorId));
        assertEquals("Bidang Perlindungan dan Jaminan Sosial", indicatorRef(indicatorId).responsibleUnit);

        // revision 3 names no unit: the indicator belongs to the agency itself
        send(definition(indicatorId, "real-f", "IK1", "lokasi", null, 3));
        await("definition 3", () -> indicatorRef(indicatorId).definitionRevision == 3);
        assertEquals(null, indicatorRef(indicatorId).responsibleUnit);

        // an older definition changes nothing; a version this code does not know is a dead letter
        send(definition(indicatorId, "real-f", "IK1", "lokasi", "Sekretariat Dinas Sosial", 2));
        ObjectNode unknown = definition(indicatorId, "real-f", "IK1", "lokasi", "Sekretariat Dinas Sosial", 9);
        unknown.put("type", "sakip.planning.indicator.defined.v2");
        send(unknown);
        ObjectNode marker = planningEvent("sakip.planning.indicator.upserted.v1",
                Map.of("indicatorId", indicatorId, "agencyCode", "real-f", "code", "IK1", "unit", "orang", "revision", 4));
        marker.put("subject", indicatorId);
        send(marker);
        await("the marker", () -> "orang".equals(indicatorUnit(indicatorId)));
        assertEquals(null, indicatorRef(indicatorId).responsibleUnit);
        assertEquals(3, indicatorRef(indicatorId).definitionRevision);
        assertTrue(PublishedEvents.awaitRaw("sakip.realization.dlq", indicatorId, Duration.ofSeconds(30)).stream()
                .anyMatch(e -> e.body().toString().contains("indicator.defined.v2")));
    }

    @Test
    void bad_input_is_a_problem_and_writes_nothing() throws Exception {
        knownIndicator("real-d", "IK3", "lokasi");
        long before = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 3))
                .put("/api/v1/agencies/nowhere/indicators/IK3/realisasi/2022")
                .then().statusCode(404).contentType("application/problem+json");
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 3))
                .put("/api/v1/agencies/real-d/indicators/NOPE/realisasi/2022")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", is("indicator 'NOPE' does not exist"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", -1))
                .put("/api/v1/agencies/real-d/indicators/IK3/realisasi/2022")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("value"));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":\"tiga\"}")
                .put("/api/v1/agencies/real-d/indicators/IK3/realisasi/2022")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("value"));
        asAdmin().contentType(ContentType.JSON).body("{}")
                .put("/api/v1/agencies/real-d/indicators/IK3/realisasi/2022")
                .then().statusCode(400).body("errors.field", hasItem("value"));
        asAdmin().get("/api/v1/agencies/real-d/indicators/IK3/realisasi/2022").then().statusCode(404);
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count()));
    }

    @Test
    void readiness_covers_database_and_kafka() {
        // probes carry no token: health is not a business operation
        management().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"));
    }
}
