package id.go.maluku.sakip.budget;

import id.go.maluku.sakip.infra.PublishedEvents;

import id.go.maluku.sakip.budget.event.BudgetEvents;
import id.go.maluku.sakip.platform.outbox.OutboxEvent;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class BudgetResourceTests {

    @Test
    void lines_are_stored_with_computed_absorption_and_published() throws Exception {
        String id = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Penyediaan Permakanan", "pagu", 547279000, "realisasi", 436802132))
                .put("/api/v1/agencies/bud-a/years/2022/budget/lines/1.06.05.2.01.0001")
                .then().statusCode(201).body("absorption", is(79.81f)).extract().path("id");
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Bantuan Sarana Prasarana Lingkungan Sosial", "pagu", 0, "realisasi", 0))
                .put("/api/v1/agencies/bud-a/years/2022/budget/lines/1.06.04.2.01.0002")
                .then().statusCode(201).body("absorption", nullValue()).body("absorptionComputable", is(false));
        asAdmin().get("/api/v1/agencies/bud-a/years/2022/budget").then().statusCode(200)
                .body("lines.size()", is(2)).body("totalPagu", is(547279000.00f)).body("absorption", is(79.81f));

        List<PublishedEvents.Event> events = PublishedEvents.await("sakip.budget.events",
                PublishedEvents.ofType(BudgetEvents.LINE_UPSERTED, id), 1, Duration.ofSeconds(20));
        assertEquals(1, events.size());
        assertEquals(id, events.get(0).key());
        assertEquals(0, new java.math.BigDecimal("436802132.00")
                .compareTo(events.get(0).body().path("data").path("realisasi").decimalValue()));
        assertEquals(PublishedEvents.shape(PublishedEvents.sample(BudgetEvents.LINE_UPSERTED)),
                PublishedEvents.shape(events.get(0).body()));
    }

    @Test
    void bad_lines_are_problems_naming_the_field_and_write_nothing() {
        long before = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "X", "pagu", 100, "realisasi", 1))
                .put("/api/v1/agencies/bud-b/years/2022/budget/lines/1.6.2")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("code"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "X", "pagu", -100, "realisasi", 1))
                .put("/api/v1/agencies/bud-b/years/2022/budget/lines/1.06.02.2.01.0001")
                .then().statusCode(400).body("errors.field", hasItem("pagu"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "X", "pagu", 100, "realisasi", 101))
                .put("/api/v1/agencies/bud-b/years/2022/budget/lines/1.06.02.2.01.0001")
                .then().statusCode(400).body("errors.field", hasItem("realisasi"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "X", "pagu", 100.001, "realisasi", 1))
                .put("/api/v1/agencies/bud-b/years/2022/budget/lines/1.06.02.2.01.0001")
                .then().statusCode(400).body("errors.field", hasItem("pagu"));
        asAdmin().get("/api/v1/agencies/bud-b/years/2022/budget").then().statusCode(200).body("lines.size()", is(0));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count()));
    }
}
