package id.go.maluku.sakip.realization;

import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.platform.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays the realization requests of the demo data (deploy/demo/20-...) against this service,
 * as deploy/local/StackTool.java sends them, and checks what the seed states: the 2022 values
 * that drive capaian, the history, and sasaran 3's second statements. Loading twice changes nothing.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class DemoDataTests {

    static final Path DEMO = Path.of("..", "deploy", "demo", "20-dinsos-maluku-realisasi.requests");

    static int load() throws Exception {
        int sent = 0;
        for (String line : Files.readAllLines(DEMO)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 4);
            assertEquals("realization", parts[1], line);
            Response response = asAdmin().contentType(ContentType.JSON).body(parts.length == 4 ? parts[3] : "")
                    .request(parts[0], parts[2]);
            assertTrue(response.statusCode() >= 200 && response.statusCode() < 300, line + " -> " + response.asString());
            if (parts[2].endsWith("/import")) {
                assertEquals(0, response.jsonPath().getInt("rejected"), response.asString());
            }
            sent++;
        }
        return sent;
    }

    @Test
    void the_demo_realisasi_load_as_the_seed_states_them_and_loading_again_changes_nothing() throws Exception {
        try (PlanningFeed planning = new PlanningFeed()) {
            Map<String, String> units = Map.of("IK1", "kegiatan", "IK2", "kegiatan", "IK3", "lokasi", "IK4", "unit", "IK5", "KK");
            // the plan's aggregation: the four counts add up over periods, IK4 (a unit's state) takes the last
            Map<String, String> aggregations = Map.of("IK1", "sum", "IK2", "sum", "IK3", "sum", "IK4", "last", "IK5", "sum");
            for (var e : units.entrySet()) {
                String sasaran = "S" + e.getKey().substring(2);
                String id = planning.indicator("dinsos-maluku", e.getKey(), e.getValue(), Map.of("sasaranCode", sasaran));
                planning.definition(id, "dinsos-maluku", e.getKey(), e.getValue(), null, 1,
                        Map.of("sasaranCode", sasaran, "aggregation", aggregations.get(e.getKey())));
            }
        }
        assertEquals(8, load());
        long outbox = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
        load();
        assertEquals(outbox, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count()));

        JsonPath all = asAdmin().get("/api/v1/agencies/dinsos-maluku/realisasi").then().statusCode(200).extract().jsonPath();
        assertEquals(20, all.getList("$").size()); // 5 indicators x 2019-2022
        String base = "/api/v1/agencies/dinsos-maluku/indicators/";
        int[] values2022 = {19, 3, 0, 3, 300};
        for (int i = 0; i < 5; i++) {
            assertEquals(values2022[i], asAdmin().get(base + "IK" + (i + 1) + "/realisasi/2022").then().statusCode(200)
                    .extract().jsonPath().getInt("value"));
        }
        JsonPath ik3 = asAdmin().get(base + "IK3/realisasi/2022").then().extract().jsonPath();
        assertEquals("Tabel 3.9", ik3.getString("statedIn"));
        assertEquals(List.of(3), ik3.getList("otherStatements.value"));
        assertEquals(List.of("Tabel 3.10"), ik3.getList("otherStatements.statedIn"));
        JsonPath ik3of2021 = asAdmin().get(base + "IK3/realisasi/2021").then().extract().jsonPath();
        assertEquals(3, ik3of2021.getInt("value"));
        assertEquals("Tabel 3.11", ik3of2021.getString("statedIn"));
        assertEquals(List.of(2), ik3of2021.getList("otherStatements.value"));
        assertEquals(285, asAdmin().get(base + "IK5/realisasi/2021").then().extract().jsonPath().getInt("value"));
        assertEquals(14, asAdmin().get(base + "IK1/realisasi/2019").then().extract().jsonPath().getInt("value"));

        JsonPath monitoring = asAdmin().get("/api/v1/agencies/dinsos-maluku/years/2022/monitoring").then().statusCode(200)
                .extract().jsonPath();
        // IK4's plan says last: up to last year is 2021's 3, not 3 + 3 + 3
        assertEquals(List.of(14 + 24 + 24, 8 + 7 + 2, 2 + 2 + 3, 3, 16 + 16 + 285),
                monitoring.getList("indicators.realisasiUpToLastYear"));
        assertEquals(List.of("sum", "sum", "sum", "last", "sum"), monitoring.getList("indicators.aggregation"));
        assertEquals(List.of(19, 3, 0, 3, 300), monitoring.getList("indicators.thisYearTotal"));
    }
}
