package id.go.maluku.sakip.realization;

import id.go.maluku.sakip.infra.PublishedEvents;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.realization.event.RealizationEvents;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static id.go.maluku.sakip.realization.RealisasiLifecycleTests.events;
import static id.go.maluku.sakip.realization.RealisasiLifecycleTests.path;
import static id.go.maluku.sakip.realization.RealisasiLifecycleTests.realisasiCount;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A grade indicator takes its kind and its levels from the plan (issue 23), not from the first
 * word of its unit: planning's indicator.defined.v1 states polarity "ordinal" and the ordered scale.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class GradeIndicatorTests {

    static PlanningFeed planning;

    @BeforeAll
    static void feed() {
        planning = new PlanningFeed();
    }

    @AfterAll
    static void close() {
        planning.close();
    }

    /** The plan's scale, lowest first. */
    static final List<String> OPINION = List.of("TMP", "TW", "WDP", "WTP");

    @Test
    void an_opinion_indicator_of_unit_status_records_wdp_and_refuses_x_naming_the_levels() throws Exception {
        String id = planning.indicator("grade-a", "OPINI", "status", Map.of("polarity", "ordinal"));
        planning.definition(id, "grade-a", "OPINI", "status", null, 1, Map.of("polarity", "ordinal", "scale", OPINION));

        asAdmin().contentType(ContentType.JSON).body("{\"value\":\"X\"}").put(path("grade-a", "OPINI", "2022"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.size()", is(1)).body("errors[0].field", is("value"))
                .body("errors[0].message", is("'X' is not a level of the status scale; allowed: TMP, TW, WDP, WTP"));
        // a number is not a level either, whatever it would rank
        asAdmin().contentType(ContentType.JSON).body("{\"value\":3}").put(path("grade-a", "OPINI", "2022"))
                .then().statusCode(400).body("errors[0].field", is("value"));
        assertEquals(0, realisasiCount("grade-a"));

        asAdmin().contentType(ContentType.JSON).body("{\"value\":\"wdp\"}").put(path("grade-a", "OPINI", "2022"))
                .then().statusCode(201).body("value", is("WDP"));
        asAdmin().get(path("grade-a", "OPINI", "2022")).then().statusCode(200).body("value", is("WDP"));
        // WDP is the third of TMP, TW, WDP, WTP: reporting compares ranks on the same scale
        List<PublishedEvents.Event> recorded = events(RealizationEvents.REALISASI_RECORDED, id, 1);
        assertEquals(3, recorded.get(0).body().path("data").path("value").asInt());
    }

    @Test
    void an_abc_scale_and_an_agency_own_scale_work_and_the_unit_word_no_longer_decides() throws Exception {
        String abc = planning.indicator("grade-b", "NILAI", "nilai", Map.of("polarity", "ordinal"));
        planning.definition(abc, "grade-b", "NILAI", "nilai", null, 1, Map.of("polarity", "ordinal",
                "scale", List.of("C", "B", "A")));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":\"b\"}").put(path("grade-b", "NILAI", "2022"))
                .then().statusCode(201).body("value", is("B"));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":\"BB\"}").put(path("grade-b", "NILAI", "2023"))
                .then().statusCode(400).body("errors[0].message", is("'BB' is not a level of the nilai scale; allowed: C, B, A"));

        String own = planning.indicator("grade-b", "LAYANAN", "kategori", Map.of("polarity", "ordinal"));
        planning.definition(own, "grade-b", "LAYANAN", "kategori", null, 1, Map.of("polarity", "ordinal",
                "scale", List.of("Kurang", "Cukup", "Baik", "Sangat Baik")));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":\"sangat baik\"}").put(path("grade-b", "LAYANAN", "2022"))
                .then().statusCode(201).body("value", is("Sangat Baik"));

        // unit "predikat", but the plan says positive: a number, as the plan's targets are
        String counted = planning.indicator("grade-b", "JUMLAH", "predikat");
        planning.definition(counted, "grade-b", "JUMLAH", "predikat", null, 1, Map.of("polarity", "positive"));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":4}").put(path("grade-b", "JUMLAH", "2022"))
                .then().statusCode(201).body("value", is(4));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":\"B\"}").put(path("grade-b", "JUMLAH", "2023"))
                .then().statusCode(400).body("errors[0].field", is("value"));
    }
}
