package id.go.maluku.sakip.realization;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.maluku.sakip.infra.PublishedEvents;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.realization.domain.IndicatorRef;
import id.go.maluku.sakip.platform.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * planning's removals (indicator.removed.v1, target.removed.v1), fed on the real broker from
 * their checked-in samples: a removed indicator takes no new realisasi and keeps its history.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PlanningRemovalTests {

    static PlanningFeed planning;

    @BeforeAll
    static void feed() {
        planning = new PlanningFeed();
    }

    @AfterAll
    static void close() {
        planning.close();
    }

    static ObjectNode removed(String indicatorId, String agency, String code, long revision) throws Exception {
        return PlanningFeed.event("sakip.planning.indicator.removed.v1", indicatorId, Map.of("indicatorId", indicatorId,
                "agencyCode", agency, "code", code, "sasaranCode", "S5", "revision", revision));
    }

    static ObjectNode targetRemoved(String indicatorId, String agency, String code, int year, long revision) throws Exception {
        return PlanningFeed.event("sakip.planning.target.removed.v1", indicatorId, Map.of("indicatorId", indicatorId,
                "agencyCode", agency, "indicatorCode", code, "year", year, "revision", revision));
    }

    static boolean isRemoved(String indicatorId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            IndicatorRef ref = IndicatorRef.findById(UUID.fromString(indicatorId));
            return ref != null && ref.removed;
        });
    }

    static long revision(String indicatorId) {
        return QuarkusTransaction.requiringNew().call(() -> IndicatorRef.<IndicatorRef>findById(UUID.fromString(indicatorId)).revision);
    }

    static long outboxRows() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
    }

    @Test
    void a_removed_indicator_takes_no_new_realisasi_and_its_history_stays_readable() throws Exception {
        String agency = "rm-real";
        String id = planning.indicator(agency, "IK5", "KK");
        String other = planning.indicator(agency, "IK1", "kegiatan");
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 120))
                .put("/api/v1/agencies/{a}/indicators/IK5/realisasi/2022", agency).then().statusCode(201);

        ObjectNode removal = removed(id, agency, "IK5", 2);
        planning.send(removal);
        PlanningFeed.await("removal of IK5", () -> isRemoved(id));

        long before = outboxRows();
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 130))
                .put("/api/v1/agencies/{a}/indicators/IK5/realisasi/2022", agency).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("indicator 'IK5' was removed from the plan of agency 'rm-real'"))
                .body("errors[0].field", is("indicator"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 30))
                .put("/api/v1/agencies/{a}/indicators/IK5/realisasi/2023/Q1", agency).then().statusCode(409);
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 125, "statedIn", "Tabel 3.10"))
                .post("/api/v1/agencies/{a}/indicators/IK5/realisasi/2022/Y/statements", agency).then().statusCode(409);
        asAdmin().contentType(ContentType.JSON)
                .body("{\"rows\":[{\"indicator\":\"IK5\",\"year\":2023,\"value\":5},{\"indicator\":\"IK1\",\"year\":2023,\"value\":7}]}")
                .post("/api/v1/agencies/{a}/realisasi/import", agency).then().statusCode(200)
                .body("created", is(1)).body("rejected", is(1))
                .body("rejections[0].indicator", is("IK5")).body("rejections[0].field", is("indicator"));
        assertEquals(before + 1, outboxRows(), "only IK1's realisasi");

        // the history: read as before, marked
        asAdmin().get("/api/v1/agencies/{a}/indicators/IK5/realisasi/2022", agency).then().statusCode(200)
                .body("value", is(120)).body("indicatorRemoved", is(true));
        asAdmin().get("/api/v1/agencies/{a}/realisasi?year=2022", agency).then().statusCode(200)
                .body("indicator", hasItem("IK5"));
        asAdmin().get("/api/v1/agencies/{a}/audit?indicator=IK5", agency).then().statusCode(200);
        // the monitoring form is the plan as it stands
        asAdmin().get("/api/v1/agencies/{a}/years/2023/monitoring", agency).then().statusCode(200)
                .body("indicators.indicator", not(hasItem("IK5"))).body("indicators.indicator", hasItem("IK1"));

        // redelivered: no change; an older upserted (revision 1) does not bring it back
        planning.send(removal);
        planning.send(PlanningFeed.event("sakip.planning.indicator.upserted.v1", id, Map.of("indicatorId", id,
                "agencyCode", agency, "code", "IK5", "unit", "KK", "revision", 1)));
        planning.target(id, agency, "IK5", 2019, 1, 1); // a marker on the same key, after both
        PlanningFeed.await("marker", () -> PlanningFeed.targetValue(id, 2019) != null);
        assertTrue(isRemoved(id));
        assertEquals(2, revision(id));

        // planning creates it again (an import naming it): the same id, a newer revision
        planning.send(PlanningFeed.event("sakip.planning.indicator.upserted.v1", id, Map.of("indicatorId", id,
                "agencyCode", agency, "code", "IK5", "unit", "KK", "revision", 3)));
        PlanningFeed.await("IK5 again", () -> !isRemoved(id));
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 130))
                .put("/api/v1/agencies/{a}/indicators/IK5/realisasi/2022", agency).then().statusCode(200)
                .body("value", is(130)).body("indicatorRemoved", is(false));
        assertTrue(!isRemoved(other));
    }

    @Test
    void a_removed_target_leaves_the_monitoring_form_and_an_older_target_does_not_bring_it_back() throws Exception {
        String agency = "rm-target-real";
        String id = planning.indicator(agency, "IK5", "KK");
        planning.target(id, agency, "IK5", 2022, 150, 1);
        planning.target(id, agency, "IK5", 2024, 200, 1);
        PlanningFeed.await("targets", () -> PlanningFeed.targetValue(id, 2022) != null
                && PlanningFeed.targetValue(id, 2024) != null);
        asAdmin().get("/api/v1/agencies/{a}/years/2022/monitoring", agency).then().statusCode(200)
                .body("indicators[0].thisYearTarget", is(150)).body("indicators[0].endOfPeriodYear", is(2024));

        planning.send(targetRemoved(id, agency, "IK5", 2024, 2));
        planning.send(targetRemoved(id, agency, "IK5", 2022, 2));
        // an older target.set, after the removal: nothing comes back
        planning.target(id, agency, "IK5", 2022, 999, 1);
        planning.target(id, agency, "IK5", 2021, 100, 1); // marker after all of them
        PlanningFeed.await("marker", () -> PlanningFeed.targetValue(id, 2021) != null);
        assertNull(PlanningFeed.targetValue(id, 2022));
        assertNull(PlanningFeed.targetValue(id, 2024));
        asAdmin().get("/api/v1/agencies/{a}/years/2022/monitoring", agency).then().statusCode(200)
                .body("indicators[0].thisYearTarget", nullValue())
                .body("indicators[0].endOfPeriodYear", is(2021));
        // a removal older than the target it meets changes nothing
        planning.send(targetRemoved(id, agency, "IK5", 2021, 1));
        // set again after the removal (planning continues the revision)
        planning.target(id, agency, "IK5", 2022, 160, 3);
        PlanningFeed.await("target set again", () -> PlanningFeed.targetValue(id, 2022) != null);
        assertEquals(0, new BigDecimal("160").compareTo(PlanningFeed.targetValue(id, 2022)));
        assertEquals(0, new BigDecimal("100").compareTo(PlanningFeed.targetValue(id, 2021)));
    }

    @Test
    void an_unknown_version_of_a_removal_goes_to_the_dead_letter_topic() throws Exception {
        String agency = "rm-dlq";
        String id = planning.indicator(agency, "IK5", "KK");
        ObjectNode v2 = removed(id, agency, "IK5", 2);
        v2.put("type", "sakip.planning.indicator.removed.v2");
        planning.send(v2);
        ObjectNode target = targetRemoved(id, agency, "IK5", 2022, 2);
        target.put("type", "sakip.planning.target.removed.v9");
        target.put("subject", "dlq-target-" + id);
        planning.send(target);
        List<PublishedEvents.Event> dead = PublishedEvents.awaitRaw("sakip.realization.dlq", id, Duration.ofSeconds(30));
        assertTrue(dead.stream().anyMatch(e -> e.body().asText().contains("indicator.removed.v2")), dead.toString());
        assertEquals(1, PublishedEvents.awaitRaw("sakip.realization.dlq", "dlq-target-" + id, Duration.ofSeconds(30)).size());
        assertTrue(!isRemoved(id), "an unknown version is never guessed at");
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 1))
                .put("/api/v1/agencies/{a}/indicators/IK5/realisasi/2022", agency).then().statusCode(201);
    }
}
