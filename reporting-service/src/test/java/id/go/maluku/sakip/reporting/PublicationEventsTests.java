package id.go.maluku.sakip.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.maluku.sakip.infra.OpenApiWalk;
import id.go.maluku.sakip.infra.PublishedEvents;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.platform.outbox.OutboxEvent;
import id.go.maluku.sakip.reporting.event.ReportingEvents;
import id.go.maluku.sakip.reporting.messaging.ConsumedEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing an LKIP writes lkip.published.v1 through the outbox, in the publication's
 * transaction; realization's period.unlocked.v1 for a year it had locked for a publication
 * marks that publication as superseded by data, once, and a later version stays current.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PublicationEventsTests {

    static final String AGENCY = "pub-events";
    static final String LIST = "/api/v1/agencies/" + AGENCY + "/years/2022/lkip/publications";

    @Inject
    EntityManager em;

    static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    static ObjectNode event(String type, String subject, Map<String, ?> data) throws Exception {
        ObjectNode event = (ObjectNode) PublishedEvents.sample(type);
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", subject);
        event.put("time", OffsetDateTime.now().toString());
        ObjectNode body = (ObjectNode) event.get("data");
        data.forEach((k, v) -> body.set(k, PublishedEvents.JSON.valueToTree(v)));
        return event;
    }

    static void send(KafkaProducer<String, String> producer, String topic, ObjectNode event) throws Exception {
        producer.send(new ProducerRecord<>(topic, event.path("subject").asText(), event.toString())).get();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(200);
        }
    }

    boolean processed(ObjectNode event) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where event_id = cast(?1 as uuid)")
                .setParameter(1, event.path("id").asText()).getSingleResult()).longValue() == 1);
    }

    static ObjectNode unlocked(String period, Integer publicationVersion, String reason, String at) throws Exception {
        Map<String, Object> data = new HashMap<>(Map.of("lockId", UUID.randomUUID().toString(), "agencyCode", AGENCY,
                "year", 2022, "period", period, "reason", reason, "unlockedBy", "biro-organisasi@maluku", "unlockedAt", at));
        data.put("publicationVersion", publicationVersion);
        return event(ConsumedEvents.PERIOD_UNLOCKED, AGENCY + "/2022", data);
    }

    @Test
    void publishing_announces_the_lkip_and_an_unlock_supersedes_it() throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            String agencyId = UUID.randomUUID().toString();
            String sasaranId = UUID.randomUUID().toString();
            String indicatorId = UUID.randomUUID().toString();
            send(producer, "sakip.planning.events", event("sakip.planning.agency.upserted.v1", agencyId,
                    Map.of("agencyId", agencyId, "agencyCode", AGENCY, "name", "Dinas Publikasi")));
            send(producer, "sakip.planning.events", event("sakip.planning.sasaran.upserted.v1", sasaranId,
                    Map.of("sasaranId", sasaranId, "agencyCode", AGENCY, "code", "S1", "ordinal", 1)));
            send(producer, "sakip.planning.events", event("sakip.planning.indicator.upserted.v1", indicatorId,
                    Map.of("indicatorId", indicatorId, "agencyCode", AGENCY, "sasaranId", sasaranId, "sasaranCode", "S1",
                            "code", "IK1", "unit", "kegiatan", "polarity", "positive")));
            send(producer, "sakip.planning.events", event("sakip.planning.target.set.v1", indicatorId,
                    Map.of("indicatorId", indicatorId, "agencyCode", AGENCY, "indicatorCode", "IK1", "year", 2022, "value", 19)));
            send(producer, "sakip.realization.events", event("sakip.realization.realisasi.recorded.v1", indicatorId, Map.of(
                    "realisasiId", UUID.randomUUID().toString(), "indicatorId", indicatorId, "agencyCode", AGENCY,
                    "indicatorCode", "IK1", "year", 2022, "period", "Y", "value", 19)));
            await("the agency's result", () -> asAdmin().accept("application/json")
                    .get("/api/v1/agencies/" + AGENCY + "/years/2022/performance").asString().contains("\"realisasi\":19"));

            // publishing: the version, not superseded, and its event in the outbox of the same transaction
            long outboxBefore = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
            JsonPath v1 = asAdmin().post(LIST).then().statusCode(201).body("version", is(1))
                    .body("publishedBy", is("admin.provinsi")).body("supersededByData", nullValue()).extract().jsonPath();
            List<OutboxEvent> rows = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                    "eventType = ?1 and aggregateId = ?2", ReportingEvents.LKIP_PUBLISHED, AGENCY + "/2022"));
            assertEquals(1, rows.size());
            assertEquals(outboxBefore + 1, (long) QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count()));
            assertEquals("lkip-publication", rows.get(0).aggregateType);

            List<PublishedEvents.Event> published = PublishedEvents.await("sakip.reporting.events",
                    PublishedEvents.ofType(ReportingEvents.LKIP_PUBLISHED, AGENCY + "/2022"), 1, Duration.ofSeconds(20));
            assertEquals(1, published.size());
            assertEquals(AGENCY + "/2022", published.get(0).key());
            JsonNode envelope = published.get(0).body();
            assertEquals("/sakip/reporting-service", envelope.path("source").asText());
            JsonNode data = envelope.path("data");
            assertEquals(AGENCY, data.path("agencyCode").asText());
            assertEquals(2022, data.path("year").asInt());
            assertEquals(1, data.path("version").asInt());
            assertEquals("admin.provinsi", data.path("publishedBy").asText());
            assertEquals(v1.getString("checksum"), data.path("checksum").asText());
            assertEquals(OffsetDateTime.parse(v1.getString("publishedAt")).toInstant(),
                    OffsetDateTime.parse(data.path("publishedAt").asText()).toInstant());
            assertTrue(data.path("publicationId").asText().matches("\\d+"), data.toString());
            assertEquals(PublishedEvents.shape(PublishedEvents.sample(ReportingEvents.LKIP_PUBLISHED)),
                    PublishedEvents.shape(envelope));

            // an unlock of a lock set by hand names no publication: nothing is superseded
            ObjectNode byHand = unlocked("Q1", null, "Koreksi triwulan I", "2030-01-02T03:00:00Z");
            send(producer, "sakip.realization.events", byHand);
            await("the hand lock's unlock", () -> processed(byHand));
            asAdmin().get(LIST).then().statusCode(200).body("size()", is(1)).body("[0].supersededByData", nullValue());

            // the year locked for version 1 reopened: version 1 is superseded by data, once
            ObjectNode unlock = unlocked("Y", 1, "Koreksi realisasi IK1 atas temuan Inspektorat", "2030-01-03T04:05:06Z");
            send(producer, "sakip.realization.events", unlock);
            await("the unlock", () -> processed(unlock));
            JsonPath superseded = asAdmin().get(LIST).then().statusCode(200).body("size()", is(1))
                    .body("[0].version", is(1))
                    .body("[0].supersededByData.by", is("biro-organisasi@maluku"))
                    .body("[0].supersededByData.reason", is("Koreksi realisasi IK1 atas temuan Inspektorat"))
                    .body("[0].supersededByData.period", is("Y"))
                    .body("[0].checksum", is(v1.getString("checksum"))).extract().jsonPath();
            assertEquals(OffsetDateTime.parse("2030-01-03T04:05:06Z").toInstant(),
                    OffsetDateTime.parse(superseded.getString("[0].supersededByData.at")).toInstant());

            // the same event again, and a later unlock of the same version: the first one stays
            send(producer, "sakip.realization.events", unlock);
            ObjectNode later = unlocked("Y", 1, "lagi", "2030-02-01T00:00:00Z");
            send(producer, "sakip.realization.events", later); // same key: applied after the duplicate
            await("the later unlock", () -> processed(later));
            JsonPath again = asAdmin().get(LIST).then()
                    .body("[0].supersededByData.reason", is("Koreksi realisasi IK1 atas temuan Inspektorat")).extract().jsonPath();
            assertEquals(OffsetDateTime.parse("2030-01-03T04:05:06Z").toInstant(),
                    OffsetDateTime.parse(again.getString("[0].supersededByData.at")).toInstant());

            // a version published afterwards is current; the published document itself never changed
            asAdmin().post(LIST).then().statusCode(201).body("version", is(2)).body("supersededByData", nullValue());
            asAdmin().get(LIST).then().body("size()", is(2)).body("[0].supersededByData.period", is("Y"))
                    .body("[1].supersededByData", nullValue());
            asAdmin().accept("application/json").get(LIST + "/1").then().statusCode(200);

            // the list as a generated client reads it: every property there, every null one allowed
            JsonNode document = OpenApiWalk.document();
            JsonNode schema = document.path("paths").path("/api/v1/agencies/{agency}/years/{year}/lkip/publications")
                    .at("/get/responses/200/content/application~1json/schema");
            assertTrue(!schema.isMissingNode());
            assertEquals(List.of(), OpenApiWalk.answerMismatches(document, schema,
                    PublishedEvents.JSON.readTree(asAdmin().get(LIST).then().statusCode(200).extract().asString()), true));
        }
    }
}
