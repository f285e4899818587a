package id.go.maluku.sakip.realization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.maluku.sakip.infra.OpenApiWalk;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.infra.PublishedEvents;
import id.go.maluku.sakip.realization.domain.IndicatorRef;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.go.maluku.sakip.infra.OpenApiWalk.management;
import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * realization's copy of the plan is fed by the same consumer skeleton as reporting: a planning
 * event it cannot hold is parked with its reason, and the events after it are applied.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ParkedPlanningEventTests {

    static PlanningFeed feed;

    @BeforeAll
    static void open() {
        feed = new PlanningFeed();
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    @Test
    void a_planning_event_the_copy_cannot_hold_is_parked_and_the_next_agencys_events_are_applied() throws Exception {
        String agencyId = UUID.nameUUIDFromBytes("park-a".getBytes()).toString();
        feed.send(PlanningFeed.event("sakip.planning.agency.upserted.v1", agencyId,
                Map.of("agencyId", agencyId, "agencyCode", "park-a")));
        String indicatorId = UUID.randomUUID().toString();
        ObjectNode tooLong = PlanningFeed.event("sakip.planning.indicator.upserted.v1", "park-a-too-long", Map.of(
                "indicatorId", indicatorId, "agencyCode", "park-a", "code", "IK1", "unit", "u".repeat(100_000)));
        feed.send(tooLong);
        ObjectNode v7 = PlanningFeed.event("sakip.planning.target.set.v1", "park-a-v7", Map.of("indicatorId", indicatorId));
        v7.put("type", "sakip.planning.target.set.v7");
        feed.send(v7);
        feed.producer.send(new ProducerRecord<>("sakip.planning.events", "park-a-garbage", "{\"id\":")).get();

        // another agency's indicator, sent after all three, is known
        feed.indicator("park-b", "IK1", "KK");

        JsonPath tooLongRow = parked("park-a-too-long");
        assertEquals("data", tooLongRow.getString("reasonKind"));
        assertTrue(tooLongRow.getString("reason").startsWith("SQLSTATE 22001"), tooLongRow.getString("reason"));
        assertEquals("sakip.planning.indicator.upserted.v1", tooLongRow.getString("eventType"));
        assertEquals(tooLong.path("id").asText(), tooLongRow.getString("eventId"));
        assertEquals("unprocessable", parked("park-a-v7").getString("reasonKind"));
        assertTrue(parked("park-a-v7").getString("reason").contains("target.set.v7"));
        assertEquals("unprocessable", parked("park-a-garbage").getString("reasonKind"));

        // the readiness data count them, and so do the metrics
        management().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'consumers' }.status", org.hamcrest.Matchers.is("UP"));
        String metrics = management().get("/q/metrics").asString();
        assertTrue(metrics.contains("sakip_consumer_parked"), "parked events in /q/metrics");
        assertTrue(metrics.contains("sakip_outbox_pending"), "outbox rows in /q/metrics");
        // the lag per partition of the consumer group, measured from the broker
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!metrics.contains("sakip_consumer_lag{group=\"realization-service\",partition=\"") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            metrics = management().get("/q/metrics").asString();
        }
        assertTrue(metrics.contains("sakip_consumer_lag{group=\"realization-service\",partition=\""), "consumer lag in /q/metrics");
        management().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'consumers' }.data.'realization-service.lag'", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void a_planning_event_from_another_source_is_parked_naming_both_and_the_next_is_applied() throws Exception {
        // what budget-service would publish had it (or a tool with its credentials) written on planning's topic
        String agencyId = UUID.nameUUIDFromBytes("forged-a".getBytes()).toString();
        String indicatorId = UUID.randomUUID().toString();
        ObjectNode forged = PlanningFeed.event("sakip.planning.indicator.upserted.v1", "forged-a-indicator", Map.of(
                "indicatorId", indicatorId, "agencyCode", "forged-a", "code", "IK1", "unit", "KK"));
        forged.put("source", "/sakip/budget-service");
        feed.send(PlanningFeed.event("sakip.planning.agency.upserted.v1", agencyId,
                Map.of("agencyId", agencyId, "agencyCode", "forged-a")));
        feed.send(forged);

        // the genuine event after it is applied
        String genuine = feed.indicator("forged-b", "IK1", "KK");

        JsonPath row = parked("forged-a-indicator");
        assertEquals("unprocessable", row.getString("reasonKind"));
        assertEquals("UnprocessableEvent: source '/sakip/budget-service' does not own topic sakip.planning.events: "
                + "only /sakip/planning-service publishes there", row.getString("reason"));
        assertEquals(forged.path("id").asText(), row.getString("eventId"));
        assertEquals("sakip.planning.indicator.upserted.v1", row.getString("eventType"));
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> IndicatorRef.findById(UUID.fromString(indicatorId))),
                "the forged indicator is not in realization's copy of the plan");
        assertEquals("forged-b", QuarkusTransaction.requiringNew().call(
                () -> ((IndicatorRef) IndicatorRef.findById(UUID.fromString(genuine))).agencyCode));

        // and on the dead-letter topic, for watchers, with the same reason
        List<PublishedEvents.Event> dead = PublishedEvents.awaitRaw("sakip.realization.dlq", "forged-a-indicator",
                Duration.ofSeconds(30));
        assertEquals(1, dead.size(), dead.toString());
        assertTrue(dead.get(0).body().asText().contains(forged.path("id").asText()), dead.toString());

        // a retry goes through the same check: still refused, still parked
        asAdmin().post("/api/v1/admin/parked-events/{id}/retry", row.getLong("id")).then().statusCode(409);
        assertEquals("parked", parked("forged-a-indicator").getString("status"));

        // the platform's answers on this real parked row are what the document promises a generated
        // client, every property required, its nulls declared (issue 24)
        JsonNode document = OpenApiWalk.document();
        long id = row.getLong("id");
        List<String> mismatches = new java.util.ArrayList<>();
        mismatches.addAll(OpenApiWalk.strictMismatches(document, "GET /api/v1/admin/parked-events", 200,
                asAdmin().get("/api/v1/admin/parked-events?consumer=realization-planning&size=500").then().statusCode(200)
                        .extract().asString()));
        mismatches.addAll(OpenApiWalk.strictMismatches(document, "GET /api/v1/admin/parked-events/{id}", 200,
                asAdmin().get("/api/v1/admin/parked-events/{id}", id).then().statusCode(200).extract().asString()));
        mismatches.addAll(OpenApiWalk.strictMismatches(document, "POST /api/v1/admin/parked-events/retry", 200,
                asAdmin().post("/api/v1/admin/parked-events/retry?consumer=no-such-consumer").then().statusCode(200)
                        .extract().asString()));
        mismatches.addAll(OpenApiWalk.strictMismatches(document, "POST /api/v1/admin/parked-events/{id}/discard", 200,
                asAdmin().contentType(io.restassured.http.ContentType.JSON)
                        .body(Map.of("reason", "forged in a test: never to be applied"))
                        .post("/api/v1/admin/parked-events/{id}/discard", id).then().statusCode(200)
                        .body("status", org.hamcrest.Matchers.is("discarded")).extract().asString()));
        mismatches.addAll(OpenApiWalk.strictMismatches(document, "GET /api/v1/admin/parked-events", 200,
                asAdmin().get("/api/v1/admin/parked-events?status=discarded&size=500").then().statusCode(200)
                        .extract().asString()));
        assertEquals(List.of(), mismatches);
    }

    static JsonPath parked(String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath page = asAdmin().get("/api/v1/admin/parked-events?consumer=realization-planning&size=500")
                    .then().statusCode(200).extract().jsonPath();
            List<String> keys = page.getList("items.key");
            int at = keys.indexOf(key);
            if (at >= 0) {
                return new JsonPath(page.prettify()).setRootPath("items[" + at + "]");
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no parked event with key " + key);
    }
}
