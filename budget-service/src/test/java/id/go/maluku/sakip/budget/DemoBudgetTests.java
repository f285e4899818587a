package id.go.maluku.sakip.budget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.infra.OpenApiWalk;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo file loads as deploy/local/StackTool.java sends it, and its totals are the seed's lines counted once. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class DemoBudgetTests {

    @Test
    void the_demo_budget_loads_and_counts_each_line_once() throws Exception {
        int sent = 0;
        for (String line : Files.readAllLines(Path.of("..", "deploy", "demo", "30-dinsos-maluku-budget.requests"))) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 4);
            assertEquals("budget", parts[1]);
            asAdmin().contentType(ContentType.JSON).body(parts[3]).request(parts[0], parts[2]).then().statusCode(201);
            sent++;
        }
        assertEquals(28, sent);
        JsonPath budget = asAdmin().get("/api/v1/agencies/dinsos-maluku/years/2022/budget").then().statusCode(200)
                .extract().jsonPath().using(BudgetImportTests.BIG);
        assertEquals(28, budget.getInt("lines.size()"));
        // 30 rows printed in tables 3.4, 3.8, 3.12 and 3.16; two of them twice: 28 lines
        assertEquals(new BigDecimal("10052661245.00"), budget.getObject("totalPagu", BigDecimal.class));
        assertEquals(new BigDecimal("8957626239.00"), budget.getObject("totalRealisasi", BigDecimal.class));
        assertEquals(new BigDecimal("89.11"), budget.getObject("absorption", BigDecimal.class));
        assertEquals(List.of("S1", "S2", "S3", "S4", "S5"), budget.getList("bySasaran.sasaran"));
        assertEquals(new BigDecimal("4393509942.00"), budget.getObject("bySasaran[0].pagu", BigDecimal.class));
        Map<String, Object> permakanan = BudgetImportTests.line(budget, "1.06.04.2.01.0010");
        assertEquals(new BigDecimal("79.81"), permakanan.get("absorption"));
        // the LKIP gives the year's realisasi only: it is in no month or quarter
        assertEquals("year", permakanan.get("realisasiKnownBy"));
        assertEquals(permakanan.get("realisasi"), permakanan.get("realisasiUndated"));
        assertNull(budget.get("lines.find { it.code == '1.06.04.2.01.0010' }.quarters[3].realisasi"));
        assertEquals(List.of("S1", "S4"), budget.getList("lines.find { it.code == '1.06.04.2.01.0010' }.links.sasaran"));
        assertEquals(List.of("80", "98.91"), budget.getList("lines.find { it.code == '1.06.04.2.01.0010' }.links.statedAbsorption")
                .stream().map(String::valueOf).toList());
        // the answer on the demo data is what the OpenAPI document promises a generated client (issue 24)
        JsonNode document = OpenApiWalk.document();
        JsonNode schema = document.at("/paths/~1api~1v1~1agencies~1{agency}~1years~1{year}~1budget/get/responses/200/content/application~1json/schema");
        JsonNode answer = new ObjectMapper().readTree(asAdmin().get("/api/v1/agencies/dinsos-maluku/years/2022/budget").asString());
        assertEquals(List.of(), OpenApiWalk.answerMismatches(document, schema, answer, true));
        // the check met nulls: a quarter whose realisasi is known only for the year
        JsonNode yearOnly = null;
        for (JsonNode line : answer.get("lines")) {
            yearOnly = line.get("code").asText().equals("1.06.04.2.01.0010") ? line : yearOnly;
        }
        assertTrue(yearOnly.at("/quarters/3/realisasi").isNull(), String.valueOf(yearOnly));
        Map<String, Object> kat = BudgetImportTests.line(budget, "1.06.02.2.01.0002");
        assertEquals(false, kat.get("absorptionComputable"));
        assertTrue(budget.getList("bySasaran[3].lines").contains("1.06.04.2.01.0010"));
        assertEquals(new BigDecimal("92.37"), BudgetImportTests.line(budget, "1.06.02.2.03.0001").get("absorption"));
    }
}
