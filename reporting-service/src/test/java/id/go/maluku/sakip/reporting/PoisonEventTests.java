package id.go.maluku.sakip.reporting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static id.go.maluku.sakip.reporting.PerformanceTests.awaitPerformance;
import static id.go.maluku.sakip.reporting.PerformanceTests.event;
import static id.go.maluku.sakip.reporting.PerformanceTests.plan;
import static id.go.maluku.sakip.reporting.PerformanceTests.realisasi;
import static id.go.maluku.sakip.reporting.PerformanceTests.send;
import static id.go.maluku.sakip.reporting.PerformanceTests.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No event, however bad, stops the consumer for anyone else: each kind of poison is parked with
 * its reason (and copied to the dead-letter topic), and an event of another agency sent after
 * all of them is applied. Parked events can be listed, retried (applied once) and discarded.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PoisonEventTests {

    static final String PLANNING = "sakip.planning.events";
    static final String REALIZATION = "sakip.realization.events";

    @BeforeAll
    static void producer() {
        PerformanceTests.producer();
    }

    @AfterAll
    static void close() {
        PerformanceTests.close();
    }

    @Test
    void every_kind_of_poison_is_parked_with_its_reason_and_another_agencys_event_after_it_is_applied() throws Exception {
        PerformanceTests.Plan poisoned = plan("poison-a", "positive", "KK");
        send(PLANNING, target(poisoned, 2022, 20, 1));
        send(REALIZATION, realisasi(poisoned, 2022, 10, 1));
        awaitPerformance("poison-a", 2022, j -> "50.0".equals(j.getString("sasaran[0].indicators[0].capaian")));

        // 1. text longer than its column: a rating band's label of 102,400 characters (category varchar(100))
        ObjectNode policy = event("sakip.planning.capaian-policy.changed.v1", "poison-a-policy",
                Map.of("agencyCode", "poison-a", "version", 2));
        for (var band : (ArrayNode) policy.path("data").path("bands")) {
            ((ObjectNode) band).put("label", "x".repeat(102_400));
        }
        send(PLANNING, policy);
        // 2. a number the model cannot hold: capaian 10,000,000,000 / 20 x 100 overflows numeric(12,2)
        ObjectNode overflow = realisasi(poisoned, 2022, new java.math.BigDecimal("10000000000"), 2);
        overflow.put("subject", "poison-a-overflow");
        send(REALIZATION, overflow);
        // 3. a version this code does not know
        ObjectNode v9 = realisasi(poisoned, 2022, 11, 3);
        v9.put("type", "sakip.realization.realisasi.recorded.v9");
        v9.put("subject", "poison-a-v9");
        send(REALIZATION, v9);
        // 4. not JSON at all
        PerformanceTests.producer.send(new ProducerRecord<>(REALIZATION, "poison-a-garbage", "{\"id\": 12, \"type\":")).get();
        // 5. an event without its time
        ObjectNode timeless = realisasi(poisoned, 2022, 12, 4);
        timeless.remove("time");
        timeless.put("subject", "poison-a-timeless");
        send(REALIZATION, timeless);
        // 6. a realisasi from a source that does not own the topic (planning's credentials, say)
        ObjectNode forged = realisasi(poisoned, 2022, 20, 5);
        forged.put("source", "/sakip/planning-service");
        forged.put("subject", "poison-a-forged");
        send(REALIZATION, forged);
        // 7. a plan document on planning's topic from budget's source: refused by both consumers
        ObjectNode forgedSection = event("sakip.planning.section.upserted.v1", "poison-a-forged-section",
                Map.of("agencyCode", "poison-a"));
        forgedSection.put("source", "/sakip/budget-service");
        send(PLANNING, forgedSection);

        // another agency's events, sent after all of them
        PerformanceTests.Plan healthy = plan("poison-b", "positive", "KK");
        send(PLANNING, target(healthy, 2022, 150, 1));
        send(REALIZATION, realisasi(healthy, 2022, 300, 1));
        JsonPath b = awaitPerformance("poison-b", 2022, j -> "200.0".equals(j.getString("sasaran[0].indicators[0].capaian")));
        assertEquals("COMPUTED", b.getString("sasaran[0].status"));

        assertParked("poison-a-policy", "data", "22001");
        assertParked("poison-a-overflow", "data", "22003");
        assertParked("poison-a-v9", "unprocessable", "recorded.v9");
        assertParked("poison-a-garbage", "unprocessable", "could not be read");
        assertParked("poison-a-timeless", "unprocessable", "'time'");
        assertParked("poison-a-forged", "unprocessable", "source '/sakip/planning-service' does not own topic "
                + "sakip.realization.events: only /sakip/realization-service publishes there");
        assertParked("poison-a-forged-section", "unprocessable", "source '/sakip/budget-service' does not own topic "
                + "sakip.planning.events: only /sakip/planning-service publishes there");
        JsonPath document = find("poison-a-forged-section", "reporting-documents", 30);
        assertEquals("unprocessable", document.getString("reasonKind"));
        assertTrue(document.getString("reason").contains("only /sakip/planning-service publishes there"), document.getString("reason"));
        // the agency's last good figure stands
        assertEquals(0, new java.math.BigDecimal("50.00").compareTo(
                PerformanceTests.exact("poison-a").get("sasaran[0].indicators[0].capaian")));

        for (String key : List.of("poison-a-policy", "poison-a-overflow", "poison-a-v9", "poison-a-garbage", "poison-a-timeless",
                "poison-a-forged")) {
            List<ConsumerRecord<String, String>> dead = PerformanceTests.deadLetters(1, Duration.ofSeconds(20),
                    r -> key.equals(r.key()));
            assertEquals(1, dead.size(), key + " is on the dead-letter topic");
            assertTrue(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)
                    .length() > 0);
        }
    }

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    /**
     * A passing failure that does not pass: the event's row is locked by someone else for longer
     * than the retry bound (5 s in tests; each wait ends after lock_timeout, 1 s). It is retried,
     * then parked as retries-exhausted, and another agency's event sent after it is applied; once
     * the lock is gone, a retry applies it.
     */
    @Test
    void an_event_that_keeps_failing_for_a_passing_reason_is_parked_after_the_bound_and_holds_no_one_up() throws Exception {
        PerformanceTests.Plan locked = plan("poison-locked", "positive", "KK");
        send(PLANNING, target(locked, 2022, 100, 1));
        send(REALIZATION, realisasi(locked, 2022, 10, 1));
        awaitPerformance("poison-locked", 2022, j -> "10.0".equals(j.getString("sasaran[0].indicators[0].capaian")));
        try (java.sql.Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (java.sql.PreparedStatement lock = holder.prepareStatement(
                    "select 1 from rm_realisasi where indicator_id = ?::uuid and year = 2022 for update")) {
                lock.setString(1, locked.indicatorId());
                lock.executeQuery().close();
            }
            ObjectNode stuck = realisasi(locked, 2022, 20, 2);
            stuck.put("subject", "poison-locked-r2");
            send(REALIZATION, stuck);
            long sent = System.nanoTime();
            PerformanceTests.Plan other = plan("poison-unlocked", "positive", "KK");
            send(PLANNING, target(other, 2022, 100, 1));
            send(REALIZATION, realisasi(other, 2022, 30, 1));
            awaitPerformance("poison-unlocked", 2022, j -> "30.0".equals(j.getString("sasaran[0].indicators[0].capaian")));
            long waitedMillis = (System.nanoTime() - sent) / 1_000_000;
            assertTrue(waitedMillis < 25_000, "another agency's event waited " + waitedMillis + " ms, beyond the bound");
            JsonPath row = find("poison-locked-r2", 30);
            assertEquals("retries-exhausted", row.getString("reasonKind"));
            assertTrue(row.getString("reason").contains("55P03"), row.getString("reason"));
            holder.rollback();
        }
        asAdmin().post("/api/v1/admin/parked-events/{id}/retry", find("poison-locked-r2", 5).getLong("id")).then()
                .statusCode(200).body("status", org.hamcrest.Matchers.is("retried"));
        assertEquals(0, new java.math.BigDecimal("20.00").compareTo(
                PerformanceTests.exact("poison-locked").get("sasaran[0].indicators[0].capaian")));
    }

    @Test
    void a_retried_event_is_applied_once_and_a_later_revision_applied_meanwhile_is_not_undone() throws Exception {
        // parked, then a later revision applied meanwhile, then the parked one retried: it changes nothing
        PerformanceTests.Plan plan = plan("poison-order", "positive", "KK");
        send(PLANNING, target(plan, 2022, 20, 1));
        ObjectNode overflow = realisasi(plan, 2022, new java.math.BigDecimal("10000000000"), 1);
        overflow.put("subject", "poison-order-r1");
        send(REALIZATION, overflow);
        long parkedId = awaitParked("poison-order-r1");
        send(REALIZATION, realisasi(plan, 2022, 10, 2));
        awaitPerformance("poison-order", 2022, j -> "50.0".equals(j.getString("sasaran[0].indicators[0].capaian")));
        asAdmin().post("/api/v1/admin/parked-events/{id}/retry", parkedId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.is("retried"));
        assertEquals(0, new java.math.BigDecimal("50.00").compareTo(
                PerformanceTests.exact("poison-order").get("sasaran[0].indicators[0].capaian")));

        // parked, the cause fixed (a larger target), retried: applied, once
        PerformanceTests.Plan fixed = plan("poison-fixed", "positive", "KK");
        send(PLANNING, target(fixed, 2022, 20, 1));
        ObjectNode big = realisasi(fixed, 2022, new java.math.BigDecimal("10000000000"), 1);
        big.put("subject", "poison-fixed-r1");
        send(REALIZATION, big);
        long fixedId = awaitParked("poison-fixed-r1");
        asAdmin().post("/api/v1/admin/parked-events/{id}/retry", fixedId).then().statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("22003"));
        asAdmin().get("/api/v1/admin/parked-events/{id}", fixedId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.is("parked")).body("attempts", org.hamcrest.Matchers.is(2));
        send(PLANNING, target(fixed, 2022, 1_000_000_000, 2));
        awaitPerformance("poison-fixed", 2022, j -> j.getInt("sasaran[0].indicators[0].target") == 1_000_000_000);
        asAdmin().post("/api/v1/admin/parked-events/{id}/retry", fixedId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.is("retried"));
        JsonPath p = PerformanceTests.exact("poison-fixed");
        assertEquals(0, new java.math.BigDecimal("1000.00").compareTo(p.get("sasaran[0].indicators[0].capaian")));
        // once: a second retry is refused, and the same event sent again is a no-op by its id
        asAdmin().post("/api/v1/admin/parked-events/{id}/retry", fixedId).then().statusCode(409);
        send(REALIZATION, big);
        send(REALIZATION, realisasi(fixed, 2022, 5_000_000, 3));
        awaitPerformance("poison-fixed", 2022, j -> "0.5".equals(j.getString("sasaran[0].indicators[0].capaian")));
        asAdmin().get("/api/v1/admin/parked-events?consumer=reporting-events&status=parked&size=500").then().statusCode(200)
                .body("items.key", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("poison-fixed-r1")));
    }

    @Test
    void a_parked_event_is_discarded_with_a_reason_and_the_request_audit_names_who() throws Exception {
        PerformanceTests.producer.send(new ProducerRecord<>(REALIZATION, "poison-discard", "not json")).get();
        long id = awaitParked("poison-discard");
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "a test record sent by hand"))
                .post("/api/v1/admin/parked-events/{id}/discard", id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.is("discarded"))
                .body("resolution", org.hamcrest.Matchers.is("a test record sent by hand"))
                .body("resolvedBy", org.hamcrest.Matchers.notNullValue());
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/v1/admin/parked-events/{id}/discard", id).then().statusCode(409)
                .contentType("application/problem+json");
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", ""))
                .post("/api/v1/admin/parked-events/{id}/discard", id).then().statusCode(400)
                .contentType("application/problem+json");
        asAdmin().get("/api/v1/request-audit?size=500").then().statusCode(200)
                .body("items.path", org.hamcrest.Matchers.hasItem("/api/v1/admin/parked-events/" + id + "/discard"));
        asAdmin().get("/api/v1/admin/parked-events?status=nonsense").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.hasItem("status"));
        io.restassured.RestAssured.given().get("/api/v1/admin/parked-events").then().statusCode(401);
    }

    /**
     * Discards every event still parked, as an operator does before a rebuild: a rebuild stops at an
     * event that cannot be applied unless it was discarded. Other test classes leave poison behind.
     */
    static void discardEveryParkedEvent() {
        while (true) {
            List<Integer> ids = asAdmin().get("/api/v1/admin/parked-events?status=parked&size=500").then().statusCode(200)
                    .extract().jsonPath().getList("items.id", Integer.class);
            if (ids.isEmpty()) {
                return;
            }
            for (Integer id : ids) {
                asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "poison sent by a test"))
                        .post("/api/v1/admin/parked-events/{id}/discard", id).then().statusCode(200);
            }
        }
    }

    /** The id of the parked row of the record with this key, once it is there. */
    static long awaitParked(String key) throws InterruptedException {
        return find(key, 30).getLong("id");
    }

    static void assertParked(String key, String reasonKind, String reasonPart) throws InterruptedException {
        JsonPath row = find(key, 30);
        assertEquals(reasonKind, row.getString("reasonKind"), key);
        assertTrue(row.getString("reason").contains(reasonPart), key + ": " + row.getString("reason"));
        assertEquals(REALIZATION.equals(row.getString("topic")) || PLANNING.equals(row.getString("topic")), true);
    }

    private static JsonPath find(String key, int seconds) throws InterruptedException {
        return find(key, "reporting-events", seconds);
    }

    private static JsonPath find(String key, String consumer, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        Predicate<Map<String, Object>> match = row -> key.equals(row.get("key")) && consumer.equals(row.get("consumer"));
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> items = asAdmin().get("/api/v1/admin/parked-events?size=500").then().statusCode(200)
                    .extract().jsonPath().getList("items");
            for (int i = 0; i < items.size(); i++) {
                if (match.test(items.get(i))) {
                    return new JsonPath(PerformanceTests.JSON_WRITER.apply(items.get(i)));
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no parked event with key " + key);
    }
}
