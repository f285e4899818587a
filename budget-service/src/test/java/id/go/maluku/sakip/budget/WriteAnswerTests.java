package id.go.maluku.sakip.budget;

import id.go.maluku.sakip.infra.RealInfrastructureResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every write on a line answers with the line as stored: exactly what a GET of the year's budget
 * shows of it right after, pagu versions, spending by month and quarter, outputs and links included.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class WriteAnswerTests {

    static final String AGENCY = "ans-a";
    static final String CODE = "1.06.04.2.01.0001";
    static final String LINE = "/api/v1/agencies/{agency}/years/2022/budget/lines/{code}";

    static final Map<String, Object> OUTPUT = Map.of("kind", "output",
            "statement", "Jumlah penerima manfaat yang mendapat permakanan", "targetQuantity", 68,
            "achievedQuantity", 68, "unit", "orang");
    static final Map<String, Object> LINK = Map.of("sasaran", "S4", "indicator", "IK4", "statedAbsorption", 98.91);

    @Test
    void every_write_answers_with_the_line_a_get_shows() {
        Map<String, Object> created = asStored(asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Penyediaan Permakanan", "pagu", 199500000, "sipdKey", "26510",
                        "outputs", List.of(OUTPUT), "links", List.of(LINK)))
                .put(LINE, AGENCY, CODE), 201, "");
        // not an empty list that happens to equal another empty list: the parts are there
        assertEquals(1, ((List<?>) created.get("paguVersions")).size());
        assertEquals(1, ((List<?>) created.get("outputs")).size());
        assertEquals(1, ((List<?>) created.get("links")).size());
        // as stored (numeric(20,4)), not as sent
        assertEquals(new BigDecimal("68.0000"), ((Map<?, ?>) ((List<?>) created.get("outputs")).get(0)).get("targetQuantity"));

        Map<String, Object> revised = asStored(asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Penyediaan Permakanan", "pagu", 200000000)).put(LINE, AGENCY, CODE), 200, "");
        assertEquals(2, ((List<?>) revised.get("paguVersions")).size());

        asStored(asAdmin().contentType(ContentType.JSON)
                .body(Map.of("q1", 50000000, "q2", 50000000, "q3", 50000000, "q4", 50000000))
                .put(LINE + "/rak", AGENCY, CODE), 200, "");

        Map<String, Object> spent = asStored(spend("SP2D-1", "2022-05-03", "16625000"), 201, "line");
        assertEquals(new BigDecimal("16625000.00"), ((List<?>) spent.get("months")).get(4));
        assertEquals(new BigDecimal("16625000.00"), ((Map<?, ?>) ((List<?>) spent.get("quarters")).get(1)).get("realisasi"));
        // sent again: unchanged, and still the whole line
        asStored(spend("SP2D-1", "2022-05-03", "16625000"), 200, "line");

        Map<String, Object> linked = asStored(asAdmin().contentType(ContentType.JSON)
                .body(Map.of("links", List.of(LINK, Map.of("sasaran", "S1")))).put(LINE + "/links", AGENCY, CODE),
                200, "");
        assertEquals(2, ((List<?>) linked.get("links")).size());

        Map<String, Object> outputs = asStored(asAdmin().contentType(ContentType.JSON)
                .body(Map.of("outputs", List.of(OUTPUT, Map.of("kind", "outcome",
                        "statement", "Persentase penerima manfaat yang terpenuhi kebutuhan dasarnya",
                        "targetQuantity", 100, "achievedQuantity", 100, "unit", "persen"))))
                .put(LINE + "/outputs", AGENCY, CODE), 200, "");
        assertEquals(2, ((List<?>) outputs.get("outputs")).size());
        assertEquals(2, ((List<?>) outputs.get("paguVersions")).size());
        Map<?, ?> outcome = (Map<?, ?>) ((List<?>) outputs.get("outputs")).get(1);
        assertEquals("outcome", outcome.get("kind"));
        assertEquals("Persentase penerima manfaat yang terpenuhi kebutuhan dasarnya", outcome.get("statement"));
        assertEquals(0, new BigDecimal("100").compareTo((BigDecimal) outcome.get("targetQuantity")));
        assertEquals(0, new BigDecimal("100").compareTo((BigDecimal) outcome.get("achievedQuantity")));
        assertEquals("persen", outcome.get("unit"));

        // the same line again changes nothing and still answers with all of it
        Map<String, Object> unchanged = asStored(asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Penyediaan Permakanan", "pagu", 200000000)).put(LINE, AGENCY, CODE), 200, "");
        assertEquals(outputs, unchanged);
    }

    /** Checks the status, then that the answer's line equals the line of a GET that follows; returns it. */
    private static Map<String, Object> asStored(Response answer, int status, String path) {
        answer.then().statusCode(status);
        Map<String, Object> written = answer.jsonPath().using(BudgetImportTests.BIG).getMap(path.isEmpty() ? "$" : path);
        Map<String, Object> read = BudgetImportTests.line(asAdmin().get("/api/v1/agencies/{agency}/years/2022/budget", AGENCY)
                .then().statusCode(200).extract().jsonPath().using(BudgetImportTests.BIG), CODE);
        assertEquals(read, written);
        return written;
    }

    private static Response spend(String key, String date, String amount) {
        return asAdmin().contentType(ContentType.JSON)
                .body("{\"sourceKey\":\"" + key + "\",\"date\":\"" + date + "\",\"amount\":" + amount + "}")
                .post(LINE + "/spending", AGENCY, CODE);
    }
}
