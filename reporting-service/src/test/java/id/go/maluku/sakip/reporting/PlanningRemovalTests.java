package id.go.maluku.sakip.reporting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.reporting.readmodel.RmDocument;
import id.go.maluku.sakip.reporting.readmodel.RmRemoval;
import id.go.maluku.sakip.reporting.readmodel.RmSasaran;
import id.go.maluku.sakip.reporting.readmodel.SasaranResult;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static id.go.maluku.sakip.reporting.PerformanceTests.awaitPerformance;
import static id.go.maluku.sakip.reporting.PerformanceTests.event;
import static id.go.maluku.sakip.reporting.PerformanceTests.plan;
import static id.go.maluku.sakip.reporting.PerformanceTests.realisasi;
import static id.go.maluku.sakip.reporting.PerformanceTests.send;
import static id.go.maluku.sakip.reporting.PerformanceTests.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * planning's removals on the real broker, from their checked-in samples: /performance drops a
 * removed indicator, target or sasaran, an older event does not bring it back, a re-creation
 * (the same id, a newer revision) does.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PlanningRemovalTests {

    static final String PLANNING = "sakip.planning.events";

    /** PerformanceTests' producer, which its own @AfterAll closes: opened again for this class. */
    @BeforeAll
    static void producer() {
        PerformanceTests.producer();
    }

    @AfterAll
    static void close() {
        PerformanceTests.close();
    }

    /** A second indicator of the plan's sasaran. */
    static String indicator(PerformanceTests.Plan plan, String code, long revision) throws Exception {
        String id = UUID.nameUUIDFromBytes((plan.agency() + "/" + code).getBytes(StandardCharsets.UTF_8)).toString();
        send(PLANNING, event("sakip.planning.indicator.upserted.v1", id, Map.of("indicatorId", id,
                "agencyCode", plan.agency(), "sasaranId", plan.sasaranId(), "sasaranCode", "S1", "code", code,
                "unit", "KK", "polarity", "positive", "revision", revision)));
        return id;
    }

    static ObjectNode targetOf(PerformanceTests.Plan plan, String id, String code, int year, Object value, long revision)
            throws Exception {
        return event("sakip.planning.target.set.v1", id, Map.of("indicatorId", id, "agencyCode", plan.agency(),
                "indicatorCode", code, "year", year, "value", value, "revision", revision));
    }

    static ObjectNode realisasiOf(PerformanceTests.Plan plan, String id, String code, int year, Object value)
            throws Exception {
        return event("sakip.realization.realisasi.recorded.v1", id, Map.of("realisasiId", UUID.randomUUID().toString(),
                "indicatorId", id, "agencyCode", plan.agency(), "indicatorCode", code, "year", year, "period", "Y",
                "value", value, "revision", 1));
    }

    static ObjectNode indicatorRemoved(PerformanceTests.Plan plan, String id, String code, long revision) throws Exception {
        return event("sakip.planning.indicator.removed.v1", id, Map.of("indicatorId", id, "agencyCode", plan.agency(),
                "sasaranId", plan.sasaranId(), "sasaranCode", "S1", "code", code, "revision", revision));
    }

    static ObjectNode targetRemoved(PerformanceTests.Plan plan, String id, String code, int year, long revision)
            throws Exception {
        return event("sakip.planning.target.removed.v1", id, Map.of("indicatorId", id, "agencyCode", plan.agency(),
                "indicatorCode", code, "year", year, "revision", revision));
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

    static boolean removed(String kind, String key) {
        return QuarkusTransaction.requiringNew().call(() -> RmRemoval.findById(new RmRemoval.Key(kind, key)) != null);
    }

    @Test
    void a_removed_indicator_leaves_the_performance_and_its_sasaran_is_the_mean_of_the_rest() throws Exception {
        PerformanceTests.Plan plan = plan("rm-rep-ind", "positive", "KK");
        String ik2 = indicator(plan, "IK2", 1);
        send(PLANNING, target(plan, 2022, 100, 1));
        send(PLANNING, targetOf(plan, ik2, "IK2", 2022, 100, 1));
        send("sakip.realization.events", realisasi(plan, 2022, 80, 1));
        send("sakip.realization.events", realisasiOf(plan, ik2, "IK2", 2022, 40));
        JsonPath both = awaitPerformance(plan.agency(), 2022, j -> j.getList("sasaran[0].indicators").size() == 2
                && "COMPUTED".equals(j.getString("sasaran[0].indicators[1].status")));
        assertEquals(60.0f, both.getFloat("sasaran[0].capaian"), "the mean of 80 and 40");

        // as planning publishes it: the indicator's targets, then the indicator
        send(PLANNING, targetRemoved(plan, ik2, "IK2", 2022, 2));
        ObjectNode removal = indicatorRemoved(plan, ik2, "IK2", 2);
        send(PLANNING, removal);
        JsonPath one = awaitPerformance(plan.agency(), 2022,
                j -> j.getList("sasaran[0].indicators.code").equals(List.of("IK1")));
        assertEquals(80.0f, one.getFloat("sasaran[0].capaian"), "the sasaran without IK2");
        assertEquals(80.0f, one.getFloat("capaian"));

        // redelivered, and older facts of IK2 after its removal: nothing comes back
        send(PLANNING, removal);
        indicator(plan, "IK2", 1);
        send(PLANNING, targetOf(plan, ik2, "IK2", 2022, 100, 1));
        send(PLANNING, event("sakip.planning.indicator.defined.v1", ik2, Map.of("indicatorId", ik2,
                "agencyCode", plan.agency(), "sasaranCode", "S1", "code", "IK2", "revision", 1)));
        // a marker behind them on IK2's key: the re-creation, which must apply
        indicator(plan, "IK2", 3);
        send(PLANNING, targetOf(plan, ik2, "IK2", 2022, 50, 3));
        // the re-created indicator and its new target are two events: wait for both
        JsonPath again = awaitPerformance(plan.agency(), 2022,
                j -> j.getList("sasaran[0].indicators.code").equals(List.of("IK1", "IK2"))
                        && "50".equals(j.getString("sasaran[0].indicators[1].target")));
        // IK2's realisasi (40) was kept: against the new target 50 it is 80 %
        assertEquals(80.0f, again.getFloat("sasaran[0].indicators[1].capaian"));
        assertEquals(50, again.getInt("sasaran[0].indicators[1].target"));
    }

    @Test
    void a_removed_target_leaves_its_year_and_a_year_without_realisasi_leaves_with_it() throws Exception {
        PerformanceTests.Plan plan = plan("rm-rep-target", "positive", "KK");
        String ik3 = indicator(plan, "IK3", 1);
        String ik4 = indicator(plan, "IK4", 1);
        send(PLANNING, target(plan, 2022, 100, 1));
        send(PLANNING, target(plan, 2023, 120, 1));
        send(PLANNING, targetOf(plan, ik3, "IK3", 2022, 10, 1));
        send(PLANNING, targetOf(plan, ik4, "IK4", 2022, 20, 1));
        send("sakip.realization.events", realisasi(plan, 2022, 90, 1));
        awaitPerformance(plan.agency(), 2022, j -> j.getList("sasaran[0].indicators").size() == 3
                && "COMPUTED".equals(j.getString("sasaran[0].indicators[0].status")));
        awaitPerformance(plan.agency(), 2023, j -> j.getInt("sasaran[0].indicators[0].target") == 120);

        // IK1 2022 has a realisasi: it stays, without a target; IK4 2022 has none: it leaves
        send(PLANNING, targetRemoved(plan, plan.indicatorId(), "IK1", 2022, 2));
        send(PLANNING, targetRemoved(plan, ik4, "IK4", 2022, 2));
        JsonPath p = awaitPerformance(plan.agency(), 2022, j -> j.getList("sasaran[0].indicators.code").equals(List.of("IK1", "IK3"))
                && j.get("sasaran[0].indicators[0].target") == null);
        assertEquals("NO_TARGET", p.getString("sasaran[0].indicators[0].status"));
        assertEquals(90, p.getInt("sasaran[0].indicators[0].realisasi"));
        asAdmin().get("/api/v1/agencies/{a}/years/2023/performance", plan.agency()).then().statusCode(200);

        // the last target of a year gone: the year has no performance
        send(PLANNING, targetRemoved(plan, plan.indicatorId(), "IK1", 2023, 2));
        await("2023 without targets", () -> asAdmin()
                .get("/api/v1/agencies/{a}/years/2023/performance", plan.agency()).statusCode() == 404);
        asAdmin().get("/api/v1/agencies/{a}/years/2023/performance", plan.agency()).then()
                .contentType("application/problem+json");
        // an older target.set after it does not bring it back; a newer one does
        send(PLANNING, target(plan, 2023, 999, 1));
        send(PLANNING, target(plan, 2023, 130, 3));
        JsonPath back = awaitPerformance(plan.agency(), 2023, j -> true);
        assertEquals(130, back.getInt("sasaran[0].indicators[0].target"));
    }

    @Test
    void a_removed_sasaran_leaves_the_model_and_an_older_upsert_does_not_bring_it_back() throws Exception {
        PerformanceTests.Plan plan = plan("rm-rep-sasaran", "positive", "KK");
        send(PLANNING, target(plan, 2022, 100, 1));
        send("sakip.realization.events", realisasi(plan, 2022, 70, 1));
        awaitPerformance(plan.agency(), 2022, j -> "COMPUTED".equals(j.getString("sasaran[0].status")));
        UUID sasaranId = UUID.fromString(plan.sasaranId());

        // planning removes the indicator first (it refuses to remove a sasaran still measured), then the sasaran
        send(PLANNING, targetRemoved(plan, plan.indicatorId(), "IK1", 2022, 2));
        send(PLANNING, indicatorRemoved(plan, plan.indicatorId(), "IK1", 2));
        await("the indicator's removal", () -> removed(RmRemoval.INDICATOR, plan.indicatorId()));
        await("the sasaran result without indicators", () -> QuarkusTransaction.requiringNew()
                .call(() -> SasaranResult.count("sasaranId", sasaranId) == 0));
        asAdmin().get("/api/v1/agencies/{a}/years/2022/performance", plan.agency()).then().statusCode(404);

        send(PLANNING, event("sakip.planning.sasaran.removed.v1", plan.sasaranId(), Map.of("sasaranId",
                plan.sasaranId(), "agencyCode", plan.agency(), "code", "S1", "revision", 2)));
        send(PLANNING, event("sakip.planning.sasaran.upserted.v1", plan.sasaranId(), Map.of("sasaranId",
                plan.sasaranId(), "agencyCode", plan.agency(), "code", "S1", "ordinal", 1, "revision", 1)));
        send(PLANNING, event("sakip.planning.sasaran.removed.v1", plan.sasaranId(), Map.of("sasaranId",
                plan.sasaranId(), "agencyCode", plan.agency(), "code", "S1", "revision", 1)));
        await("the sasaran's removal", () -> removed(RmRemoval.SASARAN, plan.sasaranId()));
        // a marker behind them on the sasaran's key
        String marker = UUID.randomUUID().toString();
        send(PLANNING, event("sakip.planning.sasaran.upserted.v1", plan.sasaranId(), Map.of("sasaranId", marker,
                "agencyCode", plan.agency(), "code", "S-MARK", "ordinal", 9, "revision", 1)));
        await("marker", () -> QuarkusTransaction.requiringNew().call(() -> RmSasaran.findById(UUID.fromString(marker)) != null));
        assertNull(QuarkusTransaction.requiringNew().call(() -> RmSasaran.findById(sasaranId)));
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> RmRemoval.<RmRemoval>findById(
                new RmRemoval.Key(RmRemoval.SASARAN, plan.sasaranId())).revision));
    }

    @Test
    void a_removed_perjanjian_kinerja_version_is_no_longer_a_document_of_the_agency() throws Exception {
        String agency = "rm-rep-pk";
        String agencyId = UUID.randomUUID().toString();
        String pkId = UUID.randomUUID().toString();
        send(PLANNING, event("sakip.planning.pk.changed.v1", agencyId, Map.of("pkId", pkId, "agencyCode", agency,
                "year", 2023, "version", 2, "kind", "revised", "revision", 1)));
        await("the PK document", () -> !pkDocuments(agency).isEmpty());
        send(PLANNING, event("sakip.planning.pk.removed.v1", agencyId, Map.of("pkId", pkId, "agencyCode", agency,
                "year", 2023, "version", 2, "revision", 2)));
        await("the PK's removal", () -> removed(RmRemoval.PK, agency + "/2023/2"));
        assertEquals(List.of(), pkDocuments(agency));
        // the same version made again by planning: a newer revision
        send(PLANNING, event("sakip.planning.pk.changed.v1", agencyId, Map.of("pkId", pkId, "agencyCode", agency,
                "year", 2023, "version", 2, "kind", "revised", "revision", 3)));
        await("the PK document again", () -> pkDocuments(agency).size() == 1);
    }

    @Test
    void an_unknown_version_of_a_removal_is_a_dead_letter_and_changes_nothing() throws Exception {
        PerformanceTests.Plan plan = plan("rm-rep-dlq", "positive", "KK");
        send(PLANNING, target(plan, 2022, 100, 1));
        ObjectNode v2 = indicatorRemoved(plan, plan.indicatorId(), "IK1", 2);
        v2.put("type", "sakip.planning.indicator.removed.v2");
        send(PLANNING, v2);
        ObjectNode noId = targetRemoved(plan, plan.indicatorId(), "IK1", 2022, 2);
        ((ObjectNode) noId.get("data")).remove("indicatorId");
        send(PLANNING, noId);
        List<ConsumerRecord<String, String>> dead = PerformanceTests.deadLetters(2, Duration.ofSeconds(30),
                r -> r.key().equals(plan.indicatorId()));
        assertEquals(2, dead.size());
        assertTrue(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)
                .contains("indicator.removed.v2"));
        send("sakip.realization.events", realisasi(plan, 2022, 50, 1));
        JsonPath p = awaitPerformance(plan.agency(), 2022, j -> "COMPUTED".equals(j.getString("sasaran[0].status")));
        assertEquals(List.of("IK1"), p.getList("sasaran[0].indicators.code"));
        assertEquals(100, p.getInt("sasaran[0].indicators[0].target"));
    }

    static List<RmDocument> pkDocuments(String agency) {
        return QuarkusTransaction.requiringNew().call(() -> RmDocument.of(agency, RmDocument.PK));
    }
}
