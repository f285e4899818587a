package id.go.maluku.sakip.planning;

import id.go.maluku.sakip.infra.PublishedEvents;

import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.planning.event.PlanningEvents;
import id.go.maluku.sakip.platform.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static id.go.maluku.sakip.infra.OpenApiWalk.management;
import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PlanningResourceTests {

    static final String TOPIC = "sakip.planning.events";

    private static void createPlan(String agency) {
        asAdmin().contentType(ContentType.JSON).body(Map.of("code", agency, "name", "Dinas " + agency))
                .post("/api/v1/agencies").then().statusCode(201).body("code", is(agency));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Terlindunginya korban bencana", "ordinal", 5))
                .put("/api/v1/agencies/{a}/sasaran/S5", agency).then().statusCode(201);
    }

    @Test
    void plan_is_stored_and_every_change_is_published_with_the_sample_shape() throws Exception {
        createPlan("plan-events");
        String indicatorId = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("sasaran", "S5", "name", "Tersalurnya bantuan", "unit", "KK", "polarity", "positive"))
                .put("/api/v1/agencies/plan-events/indicators/IK5")
                .then().statusCode(201).body("polarity", is("positive")).extract().path("id");
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 150))
                .put("/api/v1/agencies/plan-events/indicators/IK5/targets/2022")
                .then().statusCode(201).body("value", is(150));

        asAdmin().get("/api/v1/agencies/plan-events/indicators/IK5").then().statusCode(200)
                .body("sasaran", is("S5")).body("targets.year", contains(2022)).body("targets[0].value", is(150));

        List<PublishedEvents.Event> indicatorEvents = PublishedEvents.await(TOPIC,
                PublishedEvents.ofType(PlanningEvents.INDICATOR_UPSERTED, indicatorId), 1, Duration.ofSeconds(20));
        assertEquals(1, indicatorEvents.size());
        PublishedEvents.Event event = indicatorEvents.get(0);
        assertEquals(indicatorId, event.key(), "keyed by indicator id");
        assertEquals("positive", event.body().path("data").path("polarity").asText());
        assertEquals("S5", event.body().path("data").path("sasaranCode").asText());
        assertEquals(PublishedEvents.shape(PublishedEvents.sample(PlanningEvents.INDICATOR_UPSERTED)),
                PublishedEvents.shape(event.body()));

        List<PublishedEvents.Event> targetEvents = PublishedEvents.await(TOPIC,
                PublishedEvents.ofType(PlanningEvents.TARGET_SET, indicatorId), 1, Duration.ofSeconds(20));
        assertEquals(1, targetEvents.size());
        assertEquals(150, targetEvents.get(0).body().path("data").path("value").asInt());
        assertEquals(2022, targetEvents.get(0).body().path("data").path("year").asInt());
        assertEquals(PublishedEvents.shape(PublishedEvents.sample(PlanningEvents.TARGET_SET)),
                PublishedEvents.shape(targetEvents.get(0).body()));
    }

    @Test
    void the_same_upsert_twice_changes_nothing_and_publishes_once() throws Exception {
        createPlan("plan-idem");
        Map<String, Object> body = Map.of("sasaran", "S5", "name", "Bantuan", "unit", "KK", "polarity", "negative");
        String id = asAdmin().contentType(ContentType.JSON).body(body).put("/api/v1/agencies/plan-idem/indicators/N1")
                .then().statusCode(201).body("revision", is(1)).extract().path("id");
        long before = outboxRows();
        asAdmin().contentType(ContentType.JSON).body(body).put("/api/v1/agencies/plan-idem/indicators/N1")
                .then().statusCode(200).body("revision", is(1));
        assertEquals(before, outboxRows());
        assertEquals(1, PublishedEvents.await(TOPIC, PublishedEvents.ofType(PlanningEvents.INDICATOR_UPSERTED, id), 1,
                Duration.ofSeconds(20)).size());
    }

    @Test
    void bad_input_is_a_problem_naming_the_field_and_writes_nothing() {
        createPlan("plan-bad");
        long before = outboxRows();
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("sasaran", "S5", "name", "X", "unit", "KK", "polarity", "sideways"))
                .put("/api/v1/agencies/plan-bad/indicators/X1")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", is(400)).body("errors.field", hasItem("polarity"))
                .body("detail", org.hamcrest.Matchers.containsString("positive, negative"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("sasaran", "S5", "unit", "KK", "polarity", "positive"))
                .put("/api/v1/agencies/plan-bad/indicators/X1")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("name"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("sasaran", "S9", "name", "X", "unit", "KK", "polarity", "positive"))
                .put("/api/v1/agencies/plan-bad/indicators/X1")
                .then().statusCode(400).body("errors.field", hasItem("sasaran"));
        asAdmin().get("/api/v1/agencies/plan-bad/indicators/X1").then().statusCode(404)
                .contentType("application/problem+json");

        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("sasaran", "S5", "name", "X", "unit", "KK", "polarity", "positive"))
                .put("/api/v1/agencies/plan-bad/indicators/X2").then().statusCode(201);
        long afterIndicator = outboxRows();
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", -3))
                .put("/api/v1/agencies/plan-bad/indicators/X2/targets/2022")
                .then().statusCode(400).body("errors.field", hasItem("value"));
        asAdmin().contentType(ContentType.JSON).body("{\"value\": \"banyak\"}")
                .put("/api/v1/agencies/plan-bad/indicators/X2/targets/2022")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("value"));
        asAdmin().get("/api/v1/agencies/plan-bad/indicators/X2").then().body("targets.size()", is(0));
        assertEquals(afterIndicator, outboxRows());
        // an indicator is published twice: the slice's upserted.v1 and the full defined.v1
        assertEquals(before + 2, afterIndicator);

        asAdmin().get("/api/v1/agencies/nowhere").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("agency 'nowhere' does not exist"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("code", "plan-bad", "name", "again"))
                .post("/api/v1/agencies").then().statusCode(409).contentType("application/problem+json");
        asAdmin().get("/api/v1/agencies?size=500").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void agencies_are_paged_and_searchable() {
        createPlan("page-a");
        createPlan("page-b");
        asAdmin().get("/api/v1/agencies?q=page-&size=1&page=1").then().statusCode(200)
                .body("items.code", contains("page-b")).body("total", is(2)).body("size", is(1));
    }

    @Test
    void health_openapi_metrics_and_swagger_ui_are_served_on_the_management_port_only() {
        management().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"));
        management().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/agencies/{agency}/indicators/{code}/targets/{year}"));
        management().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("sakip_outbox_pending"));
        management().get("/q/swagger-ui/").then().statusCode(200);
        // The business port serves /api only: an operator's endpoint is not there, with or without a token.
        for (String path : List.of("/q/metrics", "/q/health/ready", "/q/openapi", "/q/swagger-ui/")) {
            asAdmin().get(path).then().statusCode(404).contentType("application/problem+json");
            RestAssured.given().get(path).then().statusCode(404).contentType("application/problem+json");
        }
    }

    private static long outboxRows() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
    }
}
