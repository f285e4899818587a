package id.go.maluku.sakip.budget;

import id.go.maluku.sakip.budget.event.BudgetEvents;
import id.go.maluku.sakip.platform.outbox.OutboxEvent;
import id.go.maluku.sakip.infra.PublishedEvents;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.infra.Tokens;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An admin publishes every line of a year again: the current events, each line's revision one on, nothing else. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class RepublishTests {

    private static final String BASE = "/api/v1/agencies/bud-republish/years/2022/budget";

    @Test
    void every_line_of_the_year_is_published_again_with_the_next_revision() throws Exception {
        String first = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Penyediaan Permakanan", "pagu", 547279000, "realisasi", 436802132))
                .put(BASE + "/lines/1.06.05.2.01.0001").then().statusCode(201).extract().path("id");
        String second = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Pelayanan Dukungan Psikososial", "pagu", 921509332, "realisasi", 886979332))
                .put(BASE + "/lines/1.06.06.2.01.0005").then().statusCode(201).extract().path("id");
        // another year of the same agency is left alone
        String otherYear = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "X", "pagu", 100, "realisasi", 1))
                .put("/api/v1/agencies/bud-republish/years/2023/budget/lines/1.06.05.2.01.0001")
                .then().statusCode(201).extract().path("id");
        int revision = asAdmin().get(BASE).then().statusCode(200).extract().path("lines[0].revision");
        long outboxBefore = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());

        asAdmin().post(BASE + "/republish").then().statusCode(200)
                .body("agency", is("bud-republish")).body("year", is(2022)).body("lines", is(2));

        // two events per line (v1 and v3), and the lines moved on by one revision and nothing else
        assertEquals(outboxBefore + 4, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count()));
        asAdmin().get(BASE).then().statusCode(200)
                .body("lines.revision", is(List.of(revision + 1, revision + 1)))
                .body("lines.pagu", is(List.of(547279000.00f, 921509332.00f)))
                .body("totalRealisasi", is(1323781464.00f));
        asAdmin().get("/api/v1/agencies/bud-republish/years/2023/budget").then()
                .body("lines[0].revision", is(revision));

        for (String id : List.of(first, second)) {
            List<PublishedEvents.Event> changed = PublishedEvents.await("sakip.budget.events",
                    PublishedEvents.ofType(BudgetEvents.LINE_CHANGED, id), 2, Duration.ofSeconds(20));
            assertEquals(List.of((long) revision, (long) revision + 1),
                    changed.stream().map(e -> e.body().path("data").path("revision").asLong()).toList());
            // the republished v3 states the line as the first one did, revision apart
            assertEquals(without(changed.get(0)), without(changed.get(1)));
            List<PublishedEvents.Event> upserted = PublishedEvents.await("sakip.budget.events",
                    PublishedEvents.ofType(BudgetEvents.LINE_UPSERTED, id), 2, Duration.ofSeconds(20));
            assertEquals(2, upserted.size());
            assertEquals(revision + 1, upserted.get(1).body().path("data").path("revision").asInt());
        }
        assertEquals(1, PublishedEvents.await("sakip.budget.events",
                PublishedEvents.ofType(BudgetEvents.LINE_CHANGED, otherYear), 1, Duration.ofSeconds(5)).size());
    }

    @Test
    void a_year_without_lines_is_a_problem_and_only_an_admin_republishes() {
        long before = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
        asAdmin().post("/api/v1/agencies/bud-republish-none/years/2022/budget/republish").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("bud-republish-none"));
        Tokens.as(Tokens.user("planner").roles("planner").agency("bud-republish").mint())
                .post(BASE + "/republish").then().statusCode(403);
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count()));
    }

    private static com.fasterxml.jackson.databind.JsonNode without(PublishedEvents.Event event) {
        com.fasterxml.jackson.databind.node.ObjectNode data = event.body().path("data").deepCopy();
        data.remove("revision");
        return data;
    }
}
