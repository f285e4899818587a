package id.go.maluku.sakip.realization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.maluku.sakip.infra.OpenApiWalk;
import id.go.maluku.sakip.infra.PublishedEvents;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.infra.Tokens;
import id.go.maluku.sakip.platform.outbox.OutboxEvent;
import id.go.maluku.sakip.realization.event.RealizationEvents;
import id.go.maluku.sakip.realization.event.ReportingEventsV1;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static id.go.maluku.sakip.infra.Tokens.as;
import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A published LKIP (reporting's lkip.published.v1 on the real broker) locks its agency's year;
 * an unlock afterwards is audited and published for reporting (period.unlocked.v1).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PublicationLockTests {

    static final String TOPIC = "sakip.reporting.events";

    /** Every period of a year, as realization's locks and realisasi know them. */
    static final List<String> PERIODS = periods();

    static PlanningFeed planning;

    @Inject
    EntityManager em;

    @BeforeAll
    static void feed() {
        planning = new PlanningFeed();
    }

    @AfterAll
    static void close() {
        planning.close();
    }

    static List<String> periods() {
        List<String> all = new ArrayList<>(List.of("Y", "Q1", "Q2", "Q3", "Q4"));
        for (int m = 1; m <= 12; m++) {
            all.add(String.format("M%02d", m));
        }
        return all;
    }

    static String path(String agency, String rest) {
        return "/api/v1/agencies/" + agency + "/indicators/IK1/realisasi/" + rest;
    }

    /** reporting's event from the checked-in sample, with a new id; sent keyed by agency/year as reporting keys it. */
    static ObjectNode published(String agency, int year, int version, String publicationId) throws Exception {
        ObjectNode event = (ObjectNode) PublishedEvents.sample(ReportingEventsV1.LKIP_PUBLISHED);
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", agency + "/" + year);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("agencyCode", agency);
        data.put("year", year);
        data.put("version", version);
        data.put("publicationId", publicationId);
        data.put("publishedBy", "rina.planner");
        return event;
    }

    void send(ObjectNode event) throws Exception {
        planning.producer.send(new ProducerRecord<>(TOPIC, event.path("subject").asText(), event.toString())).get();
    }

    boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where event_id = cast(?1 as uuid)").setParameter(1, eventId)
                .getSingleResult()).longValue() == 1);
    }

    static long outboxCount() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
    }

    static List<String> auditActions(String agency, int year) {
        return asAdmin().get("/api/v1/agencies/" + agency + "/audit?year=" + year + "&period=Y").then().statusCode(200)
                .extract().jsonPath().getList("action");
    }

    @Test
    void a_published_lkip_locks_every_period_of_its_agencys_year_once() throws Exception {
        planning.indicator("publ-a", "IK1", "KK");
        planning.indicator("publ-b", "IK1", "KK");
        // values recorded before the publication; the same periods of another agency
        asAdmin().contentType(ContentType.JSON).body("{\"value\":40}").put(path("publ-a", "2022/Q4")).then().statusCode(201);
        asAdmin().contentType(ContentType.JSON).body("{\"value\":40}").put(path("publ-b", "2022/Q4")).then().statusCode(201);
        String realisasiId = asAdmin().get(path("publ-a", "2022/Q4")).then().statusCode(200).extract().path("id");

        ObjectNode event = published("publ-a", 2022, 1, "41");
        send(event);
        PlanningFeed.await("the publication's lock", () -> processed(event.path("id").asText()));

        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Jayapura")).minusDays(1);
        asAdmin().get("/api/v1/agencies/publ-a/locks").then().statusCode(200)
                .body("size()", is(1)).body("[0].year", is(2022)).body("[0].period", is("Y"))
                .body("[0].locked", is(true)).body("[0].deadline", is(yesterday.toString()))
                .body("[0].createdBy", is("rina.planner")).body("[0].publicationVersion", is(1))
                .body("[0].unlockedBy", nullValue());
        // every period of the year is refused, each with a problem naming the period
        for (String period : PERIODS) {
            asAdmin().contentType(ContentType.JSON).body("{\"value\":41}").put(path("publ-a", "2022/" + period))
                    .then().statusCode(409).contentType("application/problem+json").body("errors.field", hasItem("period"))
                    .body("detail", is("period: the period 2022/" + period
                            + " of agency 'publ-a' is locked; unlock it with a reason before changing it"));
        }
        asAdmin().get(path("publ-a", "2022/Q4")).then().statusCode(200).body("value", is(40)).body("status", is("locked"));
        // another agency's year and the agency's next year stay open
        asAdmin().get("/api/v1/agencies/publ-b/locks").then().statusCode(200).body("size()", is(0));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":41}").put(path("publ-b", "2022/Q4")).then().statusCode(200)
                .body("value", is(41));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":7}").put(path("publ-a", "2023/Q1")).then().statusCode(201);

        // audited: the publisher as the actor, the publication as the reason
        JsonPath audit = asAdmin().get("/api/v1/agencies/publ-a/audit?year=2022&period=Y").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("locked-by-publication"), audit.getList("action"));
        assertEquals("rina.planner", audit.getString("[0].actor"));
        assertEquals("LKIP publ-a 2022 version 1 published (publication 41)", audit.getString("[0].reason"));
        assertEquals(1, audit.getInt("[0].newValue.publicationVersion"));
        // the locked value's status changed, by the publisher
        List<PublishedEvents.Event> locked = PublishedEvents.await("sakip.realization.events",
                e -> RealizationEvents.STATUS_CHANGED.equals(e.body().path("type").asText())
                        && realisasiId.equals(e.body().path("data").path("realisasiId").asText()), 1, Duration.ofSeconds(20));
        assertEquals(1, locked.size());
        assertEquals("draft>locked", locked.get(0).body().path("data").path("previousStatus").asText() + ">"
                + locked.get(0).body().path("data").path("status").asText());
        assertEquals("rina.planner", locked.get(0).body().path("data").path("changedBy").asText());

        // the same event again, and another event of the same publication: nothing changes
        long outbox = outboxCount();
        send(event);
        ObjectNode again = published("publ-a", 2022, 1, "41");
        send(again); // same key, so applied after the duplicate
        PlanningFeed.await("the publication's second event", () -> processed(again.path("id").asText()));
        assertEquals(List.of("locked-by-publication"), auditActions("publ-a", 2022));
        assertEquals(outbox, outboxCount());
        asAdmin().get("/api/v1/agencies/publ-a/locks").then().body("size()", is(1)).body("[0].publicationVersion", is(1))
                .body("[0].deadline", is(yesterday.toString()));
    }

    @Test
    void an_unlock_of_a_published_year_is_audited_and_published_for_reporting() throws Exception {
        planning.indicator("publ-c", "IK1", "KK");
        asAdmin().contentType(ContentType.JSON).body("{\"value\":5}").put(path("publ-c", "2021/M03")).then().statusCode(201);
        ObjectNode event = published("publ-c", 2021, 2, "77");
        send(event);
        PlanningFeed.await("the publication's lock", () -> processed(event.path("id").asText()));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":6}").put(path("publ-c", "2021/M03")).then().statusCode(409);

        // still allowed with a reason (admins only), and never without one
        String province = Tokens.user("biro-organisasi@maluku").roles("admin").mint();
        as(province).contentType(ContentType.JSON).body("{\"reason\":\" \"}")
                .post("/api/v1/agencies/publ-c/locks/2021/Y/unlock").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("reason"));
        as(province).contentType(ContentType.JSON).body("{\"reason\":\"Koreksi realisasi Maret atas temuan Inspektorat\"}")
                .post("/api/v1/agencies/publ-c/locks/2021/Y/unlock").then().statusCode(200)
                .body("locked", is(false)).body("publicationVersion", is(2))
                .body("unlockedBy", is("biro-organisasi@maluku"))
                .body("unlockReason", is("Koreksi realisasi Maret atas temuan Inspektorat"));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":6}").put(path("publ-c", "2021/M03")).then().statusCode(200)
                .body("value", is(6));

        JsonPath audit = asAdmin().get("/api/v1/agencies/publ-c/audit?year=2021&period=Y").then().extract().jsonPath();
        assertEquals(List.of("locked-by-publication", "unlocked"), audit.getList("action"));
        assertEquals("biro-organisasi@maluku", audit.getString("[1].actor"));
        assertEquals("Koreksi realisasi Maret atas temuan Inspektorat", audit.getString("[1].reason"));

        List<PublishedEvents.Event> unlocked = PublishedEvents.await("sakip.realization.events",
                PublishedEvents.ofType(RealizationEvents.PERIOD_UNLOCKED, "publ-c/2021"), 1, Duration.ofSeconds(20));
        assertEquals(1, unlocked.size());
        assertEquals("publ-c/2021", unlocked.get(0).key());
        JsonNode data = unlocked.get(0).body().path("data");
        assertEquals("publ-c", data.path("agencyCode").asText());
        assertEquals(2021, data.path("year").asInt());
        assertEquals("Y", data.path("period").asText());
        assertEquals(2, data.path("publicationVersion").asInt());
        assertEquals("biro-organisasi@maluku", data.path("unlockedBy").asText());
        assertEquals("Koreksi realisasi Maret atas temuan Inspektorat", data.path("reason").asText());
        assertEquals(PublishedEvents.shape(PublishedEvents.sample(RealizationEvents.PERIOD_UNLOCKED)),
                PublishedEvents.shape(unlocked.get(0).body()));

        // the lock as a generated client reads it: every property there, every null one allowed
        JsonNode document = OpenApiWalk.document();
        JsonNode schema = document.path("paths").path("/api/v1/agencies/{agency}/locks")
                .at("/get/responses/200/content/application~1json/schema");
        assertEquals(List.of(), OpenApiWalk.answerMismatches(document, schema, PublishedEvents.JSON.readTree(
                asAdmin().get("/api/v1/agencies/publ-c/locks").then().statusCode(200).extract().asString()), true));
    }

    @Test
    void a_year_locked_by_hand_is_named_after_the_publication_and_a_lock_set_later_by_hand_forgets_it() throws Exception {
        planning.indicator("publ-e", "IK1", "KK");
        asAdmin().contentType(ContentType.JSON).body("{\"deadline\":\"2021-01-31\"}").put("/api/v1/agencies/publ-e/locks/2020/Y")
                .then().statusCode(201).body("locked", is(true)).body("publicationVersion", nullValue());
        ObjectNode event = published("publ-e", 2020, 3, "90");
        send(event);
        PlanningFeed.await("the publication", () -> processed(event.path("id").asText()));
        // in force already: the deadline stays, the lock now names the publication
        asAdmin().get("/api/v1/agencies/publ-e/locks").then().body("size()", is(1)).body("[0].deadline", is("2021-01-31"))
                .body("[0].locked", is(true)).body("[0].publicationVersion", is(3)).body("[0].createdBy", is("admin.provinsi"));
        assertEquals(List.of("lock-created", "locked-by-publication"), auditActions("publ-e", 2020));
        // an older version's event afterwards changes nothing
        ObjectNode older = published("publ-e", 2020, 2, "89");
        send(older);
        PlanningFeed.await("the older publication", () -> processed(older.path("id").asText()));
        assertEquals(List.of("lock-created", "locked-by-publication"), auditActions("publ-e", 2020));

        asAdmin().contentType(ContentType.JSON).body("{\"reason\":\"koreksi\"}").post("/api/v1/agencies/publ-e/locks/2020/Y/unlock")
                .then().statusCode(200).body("publicationVersion", is(3));
        // closed again by hand: no publication holds the year now, so its unlock supersedes none
        asAdmin().contentType(ContentType.JSON).body("{\"deadline\":\"2021-02-28\"}").put("/api/v1/agencies/publ-e/locks/2020/Y")
                .then().statusCode(200).body("locked", is(true)).body("publicationVersion", nullValue());
        asAdmin().contentType(ContentType.JSON).body("{\"reason\":\"koreksi lagi\"}").post("/api/v1/agencies/publ-e/locks/2020/Y/unlock")
                .then().statusCode(200).body("publicationVersion", nullValue());
        List<PublishedEvents.Event> unlocks = PublishedEvents.await("sakip.realization.events",
                PublishedEvents.ofType(RealizationEvents.PERIOD_UNLOCKED, "publ-e/2020"), 2, Duration.ofSeconds(20));
        assertEquals(2, unlocks.size());
        assertEquals(3, unlocks.get(0).body().path("data").path("publicationVersion").asInt());
        assertTrue(unlocks.get(1).body().path("data").path("publicationVersion").isNull());
        assertEquals("koreksi lagi", unlocks.get(1).body().path("data").path("reason").asText());
    }

    @Test
    void a_publication_that_cannot_be_applied_is_dead_lettered_and_locks_nothing() throws Exception {
        ObjectNode event = published("publ-d", 1999, 1, "5"); // a year realization does not accept
        send(event);
        List<PublishedEvents.Event> dead = PublishedEvents.awaitRaw("sakip.realization.dlq", "publ-d/1999", Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertTrue(dead.get(0).body().asText().contains(event.path("id").asText()));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> id.go.maluku.sakip.realization.domain.PeriodLock
                .count("agencyCode", "publ-d")));
        // one whose source is not reporting-service is parked as well, never applied
        ObjectNode forged = published("publ-d", 2022, 1, "6");
        forged.put("source", "/sakip/planning-service");
        forged.put("subject", "publ-d/forged");
        send(forged);
        assertEquals(1, PublishedEvents.awaitRaw("sakip.realization.dlq", "publ-d/forged", Duration.ofSeconds(30)).size());
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> id.go.maluku.sakip.realization.domain.PeriodLock
                .count("agencyCode", "publ-d")));
    }
}
