package id.go.maluku.sakip.budget;

import id.go.maluku.sakip.budget.event.BudgetEvents;
import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.infra.OpenApiWalk;
import id.go.maluku.sakip.infra.PublishedEvents;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.platform.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox cannot be wedged: an event larger than the topic accepts is refused with its change
 * (413 naming the part), and a row the broker refuses anyway is marked failed while the events
 * after it flow; an operator sees it, sends it again or discards it.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class OutboxFailureTests {

    static final String LINE = "/api/v1/agencies/{agency}/years/2022/budget/lines/{code}";

    @Inject
    EntityManager em;

    @Test
    void a_change_whose_event_is_too_large_is_refused_whole_naming_the_part() {
        long before = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
        List<Map<String, Object>> outputs = new ArrayList<>();
        // about 1,035,000 bytes: under the 1 MiB a single-object write may have, over what an event may
        for (int i = 0; i < 500; i++) {
            outputs.add(Map.of("kind", "output", "statement", i + " " + "k".repeat(1990), "targetQuantity", 1,
                    "achievedQuantity", 1, "unit", "paket"));
        }
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Penyediaan Permakanan", "pagu", 199500000, "outputs", outputs))
                .put(LINE, "obx-large", "1.06.04.2.01.0001")
                .then().statusCode(413).contentType("application/problem+json")
                .body("errors.field", hasItem("outputs")).body("detail", containsString("bytes"));
        asAdmin().get("/api/v1/agencies/obx-large/years/2022/budget").then().statusCode(200).body("lines.size()", is(0));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count()));
    }

    @Test
    void a_row_the_broker_refuses_is_marked_failed_while_later_events_flow_and_an_operator_resolves_it() throws Exception {
        UUID forcedId = UUID.randomUUID();
        // a row no writer would make (1.5 MB, over the producer's limit), as an older version might have left it
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into outbox_event (event_id, aggregate_type, "
                        + "aggregate_id, event_type, payload, created_at) values (?1, 'budget-line', 'forced', "
                        + "'sakip.budget.line.upserted.v1', ?2, now())")
                .setParameter(1, forcedId).setParameter(2, "{\"pad\": \"" + "p".repeat(1_500_000) + "\"}").executeUpdate());

        String id = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Sesudahnya", "pagu", 1000, "realisasi", 10))
                .put(LINE, "obx-after", "1.06.04.2.01.0002").then().statusCode(201).extract().path("id");
        assertEquals(1, PublishedEvents.await("sakip.budget.events", PublishedEvents.ofType(BudgetEvents.LINE_UPSERTED, id),
                1, Duration.ofSeconds(20)).size());

        OutboxEvent forced = awaitFailed(forcedId);
        assertTrue(forced.lastError.contains("RecordTooLarge"), forced.lastError);
        assertEquals(1, forced.attempts);
        assertNull(forced.sentAt);
        long rowId = forced.id;

        // each answer is what the document promises a generated client, every property required (issue 24)
        JsonNode document = OpenApiWalk.document();
        List<String> mismatches = new ArrayList<>();
        mismatches.addAll(OpenApiWalk.strictMismatches(document, "GET /api/v1/admin/outbox/failed", 200,
                asAdmin().get("/api/v1/admin/outbox/failed?size=500").then().statusCode(200)
                        .body("items.eventId", hasItem(forcedId.toString())).extract().asString()));
        mismatches.addAll(OpenApiWalk.strictMismatches(document, "GET /api/v1/admin/outbox", 200,
                asAdmin().get("/api/v1/admin/outbox").then().statusCode(200).body("relayEnabled", is(true))
                        .body("relayAlive", is(true)).extract().asString()));
        // sent again: refused again, failed again, one attempt more
        mismatches.addAll(OpenApiWalk.strictMismatches(document, "POST /api/v1/admin/outbox/failed/{id}/retry", 200,
                asAdmin().post("/api/v1/admin/outbox/failed/{id}/retry", rowId).then().statusCode(200).extract().asString()));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (reload(forcedId).attempts < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(2, awaitFailed(forcedId).attempts);
        mismatches.addAll(OpenApiWalk.strictMismatches(document, "POST /api/v1/admin/outbox/failed/{id}/discard", 200,
                asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "written by hand in a test; never valid"))
                        .post("/api/v1/admin/outbox/failed/{id}/discard", rowId).then().statusCode(200).extract().asString()));
        mismatches.addAll(OpenApiWalk.strictMismatches(document, "POST /api/v1/admin/outbox/failed/retry", 200,
                asAdmin().post("/api/v1/admin/outbox/failed/retry").then().statusCode(200).extract().asString()));
        assertEquals(List.of(), mismatches);
        OutboxEvent discarded = reload(forcedId);
        assertNotNull(discarded.discardedAt);
        assertEquals("written by hand in a test; never valid", discarded.discardReason);
        asAdmin().get("/api/v1/admin/outbox/failed?size=500").then().statusCode(200)
                .body("items.eventId", not(hasItem(forcedId.toString())));
        asAdmin().post("/api/v1/admin/outbox/failed/{id}/retry", rowId).then().statusCode(404)
                .contentType("application/problem+json");
        asAdmin().contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/admin/outbox/failed/{id}/discard", rowId).then().statusCode(400);
    }

    private OutboxEvent awaitFailed(UUID eventId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            OutboxEvent row = reload(eventId);
            if (row.failedAt != null) {
                return row;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("outbox row " + eventId + " was never marked failed");
    }

    private static OutboxEvent reload(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find("eventId", eventId).firstResult());
    }
}
