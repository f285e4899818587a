package id.go.maluku.sakip.realization;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.maluku.sakip.infra.PublishedEvents;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.realization.domain.AuditEntry;
import id.go.maluku.sakip.realization.domain.Realisasi;
import id.go.maluku.sakip.realization.domain.RealisasiStatement;
import id.go.maluku.sakip.platform.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A period outside the plan (issue 4, bad input): the agency's Renstra years come from planning's
 * section.upserted.v1 (section "renstra"), fed on the real broker from its checked-in sample, and
 * a realisasi, a statement or an imported row of another year is refused with nothing changed.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PlanPeriodTests {

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

    static ObjectNode renstra(String agency, Map<String, Object> content, long revision) throws Exception {
        String agencyId = UUID.nameUUIDFromBytes(agency.getBytes()).toString();
        ObjectNode event = PlanningFeed.event("sakip.planning.section.upserted.v1", agencyId,
                Map.of("agencyCode", agency, "section", "renstra", "revision", revision));
        ((ObjectNode) event.get("data")).set("content", PublishedEvents.JSON.valueToTree(content));
        return event;
    }

    /** The stored Renstra years and revision, "none" when there is no row. */
    String stored(String agency) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select start_year, end_year, revision from plan_period where agency_code = ?1")
                    .setParameter(1, agency).getResultList();
            if (rows.isEmpty()) {
                return "none";
            }
            Object[] row = (Object[]) rows.get(0);
            return row[0] + "-" + row[1] + " r" + row[2];
        });
    }

    void sendAndAwait(ObjectNode event, String agency, String expected) throws Exception {
        planning.send(event);
        PlanningFeed.await("plan period " + expected + " of " + agency, () -> stored(agency).equals(expected));
    }

    static String path(String agency, String rest) {
        return "/api/v1/agencies/" + agency + "/indicators/IK1/realisasi/" + rest;
    }

    static long count(String what, String agency) {
        return QuarkusTransaction.requiringNew().call(() -> switch (what) {
            case "realisasi" -> Realisasi.count("indicator.agencyCode", agency);
            case "statements" -> RealisasiStatement.count("indicator.agencyCode", agency);
            case "audit" -> AuditEntry.count("agencyCode", agency);
            default -> OutboxEvent.count();
        });
    }

    /** What a refusal must leave as it was: the agency's rows, statements, audit and every outbox row. */
    static List<Long> state(String agency) {
        return List.of(count("realisasi", agency), count("statements", agency), count("audit", agency),
                count("outbox", agency));
    }

    static void refusedForTheYear(String method, String path, String body, String period) {
        asAdmin().contentType(ContentType.JSON).body(body).request(method, path).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("year"))
                .body("detail", containsString("outside the Renstra period " + period));
    }

    @Test
    void a_realisasi_or_statement_outside_the_renstra_is_refused_and_changes_nothing() throws Exception {
        String agency = "plan-a";
        planning.indicator(agency, "IK1", "kegiatan");
        // before planning publishes a Renstra: the fixed range only
        asAdmin().contentType(ContentType.JSON).body("{\"value\":7}").put(path(agency, "2030")).then().statusCode(201);
        sendAndAwait(renstra(agency, Map.of("code", "2019-2024", "startYear", 2019, "endYear", 2024), 1), agency,
                "2019-2024 r1");

        asAdmin().contentType(ContentType.JSON).body("{\"value\":5}").put(path(agency, "2019")).then().statusCode(201);
        asAdmin().contentType(ContentType.JSON).body("{\"value\":6}").put(path(agency, "2024/Q4")).then().statusCode(201);
        List<Long> before = state(agency);
        refusedForTheYear("PUT", path(agency, "2025/Q1"), "{\"value\":1}", "2019-2024");
        refusedForTheYear("PUT", path(agency, "2018"), "{\"value\":1}", "2019-2024");
        // a value recorded before the Renstra was known stays readable, and takes no change
        refusedForTheYear("PUT", path(agency, "2030"), "{\"value\":8}", "2019-2024");
        asAdmin().get(path(agency, "2030")).then().statusCode(200).body("value", is(7));
        refusedForTheYear("POST", path(agency, "2030/Y/statements"), "{\"value\":9,\"statedIn\":\"Tabel 3.1\"}",
                "2019-2024");
        assertEquals(before, state(agency), "a refused year leaves realisasi, statements, audit and outbox as they were");

        // the import rejects such a row and keeps the others
        JsonPath report = asAdmin().contentType(ContentType.JSON).body("""
                        {"rows":[{"indicator":"IK1","year":2023,"value":3},{"indicator":"IK1","year":2026,"value":4}]}""")
                .post("/api/v1/agencies/" + agency + "/realisasi/import").then().statusCode(200).extract().jsonPath();
        assertEquals(1, report.getInt("created"));
        assertEquals(1, report.getInt("rejected"));
        assertEquals(List.of(2), report.getList("rejections.row"));
        assertEquals(List.of("year"), report.getList("rejections.field"));
        assertEquals(before.get(0) + 1, count("realisasi", agency));
    }

    @Test
    void the_newest_renstra_wins_a_redelivered_or_older_one_changes_nothing() throws Exception {
        String agency = "plan-b";
        planning.indicator(agency, "IK1", "kegiatan");
        ObjectNode first = renstra(agency, Map.of("startYear", 2019, "endYear", 2024), 1);
        sendAndAwait(first, agency, "2019-2024 r1");
        ObjectNode extended = renstra(agency, Map.of("startYear", 2019, "endYear", 2026), 2);
        sendAndAwait(extended, agency, "2019-2026 r2");
        asAdmin().contentType(ContentType.JSON).body("{\"value\":1}").put(path(agency, "2026")).then().statusCode(201);

        // the older revision again (a new delivery of it), the newer one redelivered, another
        // section: none changes the period; a marker after them on the same key shows they were read
        ObjectNode older = renstra(agency, Map.of("startYear", 2019, "endYear", 2024), 1);
        planning.send(older);
        planning.send(extended);
        ObjectNode visi = renstra(agency, Map.of("text", "Terwujudnya ..."), 9);
        ((ObjectNode) visi.get("data")).put("section", "visi");
        planning.send(visi);
        sendAndAwait(renstra(agency, Map.of("startYear", 2019, "endYear", 2026, "note", "marker"), 3), agency,
                "2019-2026 r3");
        asAdmin().contentType(ContentType.JSON).body("{\"value\":2}").put(path(agency, "2025")).then().statusCode(201);

        // a Renstra that states no years: no bound but the fixed range
        sendAndAwait(renstra(agency, Map.of("code", "2019-2026"), 4), agency, "null-null r4");
        asAdmin().contentType(ContentType.JSON).body("{\"value\":3}").put(path(agency, "2030")).then().statusCode(201);
    }

    @Test
    void a_renstra_that_ends_before_it_starts_goes_to_the_dead_letter_topic() throws Exception {
        String agency = "plan-c";
        planning.indicator(agency, "IK1", "kegiatan");
        sendAndAwait(renstra(agency, Map.of("startYear", 2019, "endYear", 2024), 1), agency, "2019-2024 r1");
        ObjectNode backwards = renstra(agency, Map.of("startYear", 2024, "endYear", 2019), 2);
        planning.send(backwards);
        String key = backwards.path("subject").asText();
        String id = backwards.path("id").asText();
        List<PublishedEvents.Event> dead = PublishedEvents.awaitRaw("sakip.realization.dlq", key, Duration.ofSeconds(30));
        assertTrue(dead.stream().anyMatch(e -> e.body().asText().contains(id)), dead.toString());
        assertEquals("2019-2024 r1", stored(agency), "the period stays as it was");
        refusedForTheYear("PUT", path(agency, "2025"), "{\"value\":1}", "2019-2024");
    }
}
