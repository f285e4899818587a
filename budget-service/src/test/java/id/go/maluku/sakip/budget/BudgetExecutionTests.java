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
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class BudgetExecutionTests {

    static final String LINE = "/api/v1/agencies/{agency}/years/2022/budget/lines/{code}";

    @Test
    void a_line_with_structure_pagu_versions_cash_plan_and_spending_rolls_up_and_is_published() throws Exception {
        String id = asAdmin().contentType(ContentType.JSON).body(Map.of(
                        "name", "Penyediaan Permakanan", "pagu", 547279000, "sipdKey", "26510",
                        "fundingSource", "APBD", "unit", Map.of("code", "uptd-hiti", "name", "UPTD PSBR Hiti-Hiti Hala-Hala"),
                        "programName", "Program Rehabilitasi Sosial",
                        "outputs", List.of(Map.of("kind", "output", "statement", "Permakanan bagi klien dalam panti",
                                "targetQuantity", 68, "achievedQuantity", 68, "unit", "orang")),
                        "links", List.of(Map.of("sasaran", "S1", "indicator", "IK1", "statedAbsorption", 80),
                                Map.of("sasaran", "S4", "statedAbsorption", 98.91))))
                .put(LINE, "exe-a", "1.06.05.2.01.0003")
                .then().statusCode(201).body("program.code", is("1.06.05")).body("kegiatan.code", is("1.06.05.2.01"))
                .body("urusan.code", is("1")).body("bidangUrusan.code", is("1.06"))
                .body("unit.name", is("UPTD PSBR Hiti-Hiti Hala-Hala")).extract().path("id");

        asAdmin().contentType(ContentType.JSON).body(Map.of("q1", 136819750, "q2", 136819750, "q3", 136819750, "q4", 136819750))
                .put(LINE + "/rak", "exe-a", "1.06.05.2.01.0003").then().statusCode(200);
        spend("exe-a", "SP2D-1", "2022-02-10", "100000000").then().statusCode(201);
        spend("exe-a", "SP2D-2", "2022-05-03", "200000000").then().statusCode(201);
        spend("exe-a", "SP2D-3", "2022-11-20", "136802132").then().statusCode(201).body("line.realisasi", is(436802132.00f));
        // the same entry again changes nothing and counts nothing twice
        spend("exe-a", "SP2D-1", "2022-02-10", "100000000").then().statusCode(200).body("outcome", is("unchanged"))
                .body("line.realisasi", is(436802132.00f));

        JsonPath budget = asAdmin().get("/api/v1/agencies/exe-a/years/2022/budget").then().statusCode(200).extract().jsonPath().using(BudgetImportTests.BIG);
        assertEquals(new BigDecimal("79.81"), budget.getObject("lines[0].absorption", BigDecimal.class));
        // quarterly absorption = realisasi of the quarter / RAK of the quarter
        assertEquals(new BigDecimal("100000000.00"), budget.getObject("lines[0].quarters[0].realisasi", BigDecimal.class));
        assertEquals(new BigDecimal("73.09"), budget.getObject("lines[0].quarters[0].absorption", BigDecimal.class));
        assertEquals(new BigDecimal("146.18"), budget.getObject("lines[0].quarters[1].absorption", BigDecimal.class));
        assertEquals(new BigDecimal("0.00"), budget.getObject("lines[0].quarters[2].absorption", BigDecimal.class));
        assertEquals(new BigDecimal("99.99"), budget.getObject("lines[0].quarters[3].absorption", BigDecimal.class));
        assertEquals(new BigDecimal("100000000.00"), budget.getObject("lines[0].months[1]", BigDecimal.class));
        assertEquals(new BigDecimal("136802132.00"), budget.getObject("lines[0].months[10]", BigDecimal.class));
        assertEquals("month", budget.getString("lines[0].realisasiKnownBy"));
        assertEquals(new BigDecimal("0.00"), budget.getObject("lines[0].realisasiUndated", BigDecimal.class));
        assertEquals(List.of("S1", "S4"), budget.getList("lines[0].links.sasaran"));
        assertEquals(new BigDecimal("98.91"), budget.getObject("lines[0].links[1].statedAbsorption", BigDecimal.class));
        assertEquals(new BigDecimal("80"), budget.getObject("lines[0].links[0].statedAbsorption", BigDecimal.class));
        assertEquals("orang", budget.getString("lines[0].outputs[0].unit"));

        // a revised pagu keeps the original as version 1
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Penyediaan Permakanan", "pagu", 600000000))
                .put(LINE, "exe-a", "1.06.05.2.01.0003").then().statusCode(200)
                .body("pagu", is(600000000.00f)).body("paguOriginal", is(547279000.00f)).body("absorption", is(72.80f));
        asAdmin().get("/api/v1/agencies/exe-a/years/2022/budget").then()
                .body("lines[0].paguVersions.kind", contains("murni", "perubahan"))
                .body("lines[0].paguVersions.amount", contains(547279000.00f, 600000000.00f))
                .body("totalPaguOriginal", is(547279000.00f)).body("totalPagu", is(600000000.00f));

        List<PublishedEvents.Event> v1 = PublishedEvents.await("sakip.budget.events",
                e -> PublishedEvents.ofType(BudgetEvents.LINE_UPSERTED, id).test(e)
                        && e.body().path("data").path("pagu").decimalValue().compareTo(new BigDecimal("600000000")) == 0,
                1, Duration.ofSeconds(20));
        assertEquals(1, v1.size());
        assertEquals(id, v1.get(0).key());
        assertEquals("1.06.05.2.01.0003", v1.get(0).body().path("data").path("code").asText(), "the sub kegiatan it is of");
        assertEquals(0, new BigDecimal("436802132").compareTo(v1.get(0).body().path("data").path("realisasi").decimalValue()));
        assertEquals(PublishedEvents.shape(PublishedEvents.sample(BudgetEvents.LINE_UPSERTED)),
                PublishedEvents.shape(v1.get(0).body()));
        List<PublishedEvents.Event> v3 = PublishedEvents.await("sakip.budget.events",
                e -> PublishedEvents.ofType(BudgetEvents.LINE_CHANGED, id).test(e)
                        && e.body().path("data").path("paguVersion").asInt() == 2, 1, Duration.ofSeconds(20));
        assertEquals(1, v3.size());
        assertEquals(id, v3.get(0).key());
        assertEquals("sakip.budget.line.changed.v3", v3.get(0).body().path("type").asText());
        assertEquals(PublishedEvents.shape(PublishedEvents.sample(BudgetEvents.LINE_CHANGED)),
                PublishedEvents.shape(v3.get(0).body()));
        var data = v3.get(0).body().path("data");
        assertEquals(2, data.path("links").size());
        // every rupiah dated: the quarters as the budget view shows them
        assertEquals("month", data.path("realisasiKnownBy").asText());
        assertEquals(new BigDecimal("0.00"), amount(data.path("realisasiUndated")));
        assertEquals(List.of(new BigDecimal("100000000.00"), new BigDecimal("200000000.00"), new BigDecimal("0.00"),
                new BigDecimal("136802132.00")), quarters(data));
        assertEquals(v1.get(0).body().path("data").path("revision").asLong(), data.path("revision").asLong());
        // v2 is no longer published
        assertEquals(0, PublishedEvents.await("sakip.budget.events", PublishedEvents.ofType(
                "sakip.budget.line.changed.v2", id), 1, Duration.ofSeconds(1)).size());
    }

    /** An event's realisasiByQuarter, null where the quarter's realisasi is not known. */
    static List<BigDecimal> quarters(com.fasterxml.jackson.databind.JsonNode data) {
        assertEquals(4, data.path("realisasiByQuarter").size(), data::toString);
        List<BigDecimal> quarters = new java.util.ArrayList<>();
        data.path("realisasiByQuarter").forEach(q -> quarters.add(q.isNull() ? null : amount(q)));
        return quarters;
    }

    /** An amount of an event at the scale of money (the test reads numbers as doubles; these are exact). */
    static BigDecimal amount(com.fasterxml.jackson.databind.JsonNode node) {
        assertTrue(node.isNumber(), () -> node + " is not a number");
        return node.decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    /**
     * The seed LKIP gives a line's realisasi for the year only. Against a RAK per quarter, no
     * quarter's spending is known: not the whole year in the fourth quarter (198468000 / 49875000
     * = 397.93 %), but no realisasi and no absorption per quarter; the year's absorption stays.
     */
    @Test
    void a_year_total_is_in_no_quarter_and_leaves_the_quarterly_absorption_not_computable() throws Exception {
        String id = put("exe-e", "1.06.06.2.01.0002", Map.of("name", "Penyediaan Permakanan", "pagu", 199500000,
                "realisasi", 198468000));
        JsonPath answer = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("q1", 49875000, "q2", 49875000, "q3", 49875000, "q4", 49875000))
                .put(LINE + "/rak", "exe-e", "1.06.06.2.01.0002").then().statusCode(200)
                .extract().jsonPath().using(BudgetImportTests.BIG);
        JsonPath budget = asAdmin().get("/api/v1/agencies/exe-e/years/2022/budget").then().statusCode(200)
                .extract().jsonPath().using(BudgetImportTests.BIG);
        for (String line : List.of("", "lines[0].")) {
            JsonPath json = line.isEmpty() ? answer : budget;
            assertEquals("year", json.getString(line + "realisasiKnownBy"));
            assertEquals(new BigDecimal("198468000.00"), json.getObject(line + "realisasiUndated", BigDecimal.class));
            assertEquals(new BigDecimal("198468000.00"), json.getObject(line + "realisasi", BigDecimal.class));
            // 198468000 / 199500000 x 100 = 99.48, as before
            assertEquals(new BigDecimal("99.48"), json.getObject(line + "absorption", BigDecimal.class));
            assertEquals(true, json.getBoolean(line + "absorptionComputable"));
            for (int q = 0; q < 4; q++) {
                String quarter = line + "quarters[" + q + "].";
                assertEquals(new BigDecimal("49875000.00"), json.getObject(quarter + "rak", BigDecimal.class));
                assertNull(json.get(quarter + "realisasi"), quarter);
                assertNull(json.get(quarter + "absorption"), quarter);
                assertEquals(false, json.getBoolean(quarter + "absorptionComputable"), quarter);
            }
            assertEquals(Collections.nCopies(12, null), json.getList(line + "months"));
        }

        // the line's v3 event says the same: known by the year, no quarter's realisasi (not the total in Q4)
        var withRak = PublishedEvents.await("sakip.budget.events", e -> PublishedEvents.ofType(BudgetEvents.LINE_CHANGED,
                id).test(e) && e.body().path("data").path("revision").asLong() == 2, 1, Duration.ofSeconds(20));
        assertEquals(1, withRak.size());
        var data = withRak.get(0).body().path("data");
        assertEquals("year", data.path("realisasiKnownBy").asText());
        assertEquals(new BigDecimal("198468000.00"), amount(data.path("realisasiUndated")));
        assertEquals(new BigDecimal("198468000.00"), amount(data.path("realisasi")));
        assertEquals(Collections.nCopies(4, null), quarters(data));
        assertEquals(Collections.nCopies(4, new BigDecimal("49875000.00")), List.of(amount(data.path("rak").get(0)),
                amount(data.path("rak").get(1)), amount(data.path("rak").get(2)), amount(data.path("rak").get(3))));
        // the checked-in sample is such a line: the same shape, the same way of saying it
        var sample = PublishedEvents.sample(BudgetEvents.LINE_CHANGED);
        assertEquals(PublishedEvents.shape(sample), PublishedEvents.shape(withRak.get(0).body()));
        assertEquals(sample.path("data").path("realisasiKnownBy"), data.path("realisasiKnownBy"));
        assertEquals(quarters(sample.path("data")), quarters(data));
        assertEquals(0, sample.path("data").path("realisasiUndated").decimalValue()
                .compareTo(sample.path("data").path("realisasi").decimalValue()));

        // the total taken back to 0: nothing is undated, every quarter spent 0.00 of its RAK
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Penyediaan Permakanan", "pagu", 199500000,
                        "realisasi", 0)).put(LINE, "exe-e", "1.06.06.2.01.0002").then().statusCode(200)
                .body("realisasiKnownBy", is("month")).body("realisasiUndated", is(0.00f))
                .body("quarters[3].realisasi", is(0.00f)).body("quarters[3].absorption", is(0.00f))
                .body("quarters[3].absorptionComputable", is(true));
        var cleared = PublishedEvents.await("sakip.budget.events", e -> PublishedEvents.ofType(BudgetEvents.LINE_CHANGED,
                id).test(e) && e.body().path("data").path("revision").asLong() == 3, 1, Duration.ofSeconds(20));
        assertEquals(1, cleared.size());
        assertEquals("month", cleared.get(0).body().path("data").path("realisasiKnownBy").asText());
        assertEquals(new BigDecimal("0.00"), amount(cleared.get(0).body().path("data").path("realisasiUndated")));
        assertEquals(Collections.nCopies(4, new BigDecimal("0.00")), quarters(cleared.get(0).body().path("data")));
    }

    @Test
    void a_line_serving_two_sasaran_is_counted_once_in_totals() {
        put("exe-b", "1.06.05.2.01.0003", Map.of("name", "Penyediaan Permakanan", "pagu", 547279000, "realisasi", 436802132,
                "links", List.of(Map.of("sasaran", "S1", "statedAbsorption", 80), Map.of("sasaran", "S4", "statedAbsorption", 98.91))));
        put("exe-b", "1.06.06.2.01.0002", Map.of("name", "Penyediaan Permakanan", "pagu", 199500000, "realisasi", 198468000,
                "links", List.of(Map.of("sasaran", "S5"))));
        put("exe-b", "1.06.04.2.01.0002", Map.of("name", "Bantuan Sarana Prasarana Lingkungan Sosial", "pagu", 0,
                "realisasi", 0, "links", List.of(Map.of("sasaran", "S3", "statedAbsorption", 100))));
        asAdmin().get("/api/v1/agencies/exe-b/years/2022/budget").then().statusCode(200)
                .body("lines.size()", is(3))
                .body("totalPagu", is(746779000.00f)).body("totalRealisasi", is(635270132.00f))
                .body("absorption", is(85.07f))
                .body("bySasaran.sasaran", contains("S1", "S3", "S4", "S5"))
                .body("bySasaran[0].pagu", is(547279000.00f)).body("bySasaran[2].pagu", is(547279000.00f))
                .body("bySasaran[2].absorption", is(79.81f))
                // 0 / 0 is not computable, never 100 % (the seed prints 100 %)
                .body("bySasaran[1].absorption", nullValue()).body("bySasaran[1].absorptionComputable", is(false))
                .body("lines.find { it.code == '1.06.04.2.01.0002' }.links[0].statedAbsorption", is(100));
    }

    @Test
    void changing_links_or_outputs_publishes_both_events_and_an_unchanged_set_publishes_nothing() throws Exception {
        // an older 2-digit sub kegiatan code is a valid code too
        String id = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Penyediaan Sandang", "pagu", 13750000,
                        "realisasi", 13750000)).put(LINE, "exe-d", "1.06.04.2.01.11")
                .then().statusCode(201).body("subKegiatan.code", is("1.06.04.2.01.11")).extract().path("id");
        asAdmin().contentType(ContentType.JSON).body(Map.of("links", List.of(Map.of("sasaran", "S4", "indicator", "IK4"))))
                .put(LINE + "/links", "exe-d", "1.06.04.2.01.11").then().statusCode(200).body("revision", is(2));
        asAdmin().contentType(ContentType.JSON).body(Map.of("outputs", List.of(Map.of("kind", "output",
                        "statement", "25 anak mendapatkan pendampingan", "targetQuantity", 25, "achievedQuantity", 25,
                        "unit", "anak")))).put(LINE + "/outputs", "exe-d", "1.06.04.2.01.11").then().statusCode(200)
                .body("revision", is(3));
        long before = BudgetImportTests.outboxCount();
        asAdmin().contentType(ContentType.JSON).body(Map.of("links", List.of(Map.of("sasaran", "S4", "indicator", "IK4"))))
                .put(LINE + "/links", "exe-d", "1.06.04.2.01.11").then().statusCode(200).body("revision", is(3));
        assertEquals(before, BudgetImportTests.outboxCount());

        List<PublishedEvents.Event> v2 = PublishedEvents.await("sakip.budget.events",
                PublishedEvents.ofType(BudgetEvents.LINE_CHANGED, id), 3, Duration.ofSeconds(20));
        assertEquals(3, v2.size());
        assertEquals(0, v2.get(0).body().path("data").path("links").size());
        assertEquals("IK4", v2.get(1).body().path("data").path("links").get(0).path("indicatorCode").asText());
        assertEquals(25, v2.get(2).body().path("data").path("outputs").get(0).path("achievedQuantity").asInt());
        List<PublishedEvents.Event> v1 = PublishedEvents.await("sakip.budget.events",
                PublishedEvents.ofType(BudgetEvents.LINE_UPSERTED, id), 3, Duration.ofSeconds(20));
        assertEquals(List.of(1L, 2L, 3L), v1.stream().map(e -> e.body().path("data").path("revision").asLong()).toList());
    }

    @Test
    void bad_input_is_a_problem_naming_the_field_and_changes_nothing() {
        put("exe-c", "1.06.05.2.01.0001", Map.of("name", "X", "pagu", 1000));
        spend("exe-c", "K1", "2022-03-01", "600").then().statusCode(201);
        long before = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());

        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "X", "pagu", 1)).put(LINE, "exe-c", "1.06.5.2.01.0001")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("code"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "X", "pagu", 1)).put(LINE, "exe-c", "1.06.05.2.01.001")
                .then().statusCode(400).body("errors.field", hasItem("code"));
        spend("exe-c", "K2", "2022-03-01", "-5").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("amount"));
        // beyond the pagu: 600 spent, 401 more would make 1001 of 1000
        spend("exe-c", "K2", "2022-03-02", "401").then().statusCode(400).body("errors.field", hasItem("amount"))
                .body("detail", org.hamcrest.Matchers.containsString("above its pagu"));
        // a revised pagu below what was spent
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "X", "pagu", 500)).put(LINE, "exe-c", "1.06.05.2.01.0001")
                .then().statusCode(400).body("errors.field", hasItem("pagu"));
        // a year total on a line that has dated entries
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "X", "pagu", 1000, "realisasi", 700))
                .put(LINE, "exe-c", "1.06.05.2.01.0001").then().statusCode(400).body("errors.field", hasItem("realisasi"));
        spend("exe-c", "K3", "2021-12-31", "1").then().statusCode(400).body("errors.field", hasItem("date"));
        spend("exe-c", "K4", "2022-03-01", "1.001").then().statusCode(400).body("errors.field", hasItem("amount"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("sourceKey", "K5", "date", "2022-01-01", "amount", 1))
                .post(LINE + "/spending", "exe-c", "1.06.05.2.01.0099").then().statusCode(404)
                .contentType("application/problem+json");
        asAdmin().contentType(ContentType.JSON).body(Map.of("q1", 1000, "q2", 1, "q3", 0, "q4", 0))
                .put(LINE + "/rak", "exe-c", "1.06.05.2.01.0001").then().statusCode(400).body("errors.field", hasItem("rak"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("links", List.of(Map.of("sasaran", "S 1"))))
                .put(LINE + "/links", "exe-c", "1.06.05.2.01.0001").then().statusCode(400)
                .body("errors.field", hasItem("links[0].sasaran"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("outputs", List.of(Map.of("kind", "result", "statement", "x"))))
                .put(LINE + "/outputs", "exe-c", "1.06.05.2.01.0001").then().statusCode(400)
                .body("errors.field", hasItem("outputs[0].kind"));

        asAdmin().get("/api/v1/agencies/exe-c/years/2022/budget").then().body("lines.size()", is(1))
                .body("totalRealisasi", is(600.00f)).body("totalPagu", is(1000.00f));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count()));
        assertTrue(before > 0);
    }

    @Test
    void spending_is_bounded_by_the_revised_pagu_whether_lowered_or_raised() throws Exception {
        put("exe-r", "1.06.05.2.01.0001", Map.of("name", "X", "pagu", 1000));
        spend("exe-r", "R1", "2022-02-01", "600").then().statusCode(201);
        // lowered to 800 (not below the 600 spent): 850 in all would fit the original 1000, not the revision
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "X", "pagu", 800)).put(LINE, "exe-r", "1.06.05.2.01.0001")
                .then().statusCode(200);
        long outbox = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
        spend("exe-r", "R2", "2022-03-01", "250").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("amount")).body("detail", org.hamcrest.Matchers.containsString("above its pagu"));
        BigDecimal spent = asAdmin().get("/api/v1/agencies/exe-r/years/2022/budget").then().extract()
                .jsonPath().getObject("totalRealisasi", BigDecimal.class);
        assertEquals(0, spent.compareTo(new BigDecimal("600")), "nothing of the refused entry is counted: " + spent);
        assertEquals(outbox, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count()));
        spend("exe-r", "R2", "2022-03-01", "200").then().statusCode(201); // exactly the revised pagu
        spend("exe-r", "R3", "2022-03-02", "0.01").then().statusCode(400).body("errors.field", hasItem("amount"));

        // raised to 1200: 1100 in all goes beyond the original 1000 but not the revision
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "X", "pagu", 1200)).put(LINE, "exe-r", "1.06.05.2.01.0001")
                .then().statusCode(200);
        spend("exe-r", "R3", "2022-04-01", "300").then().statusCode(201);
        io.restassured.path.json.JsonPath budget = asAdmin().get("/api/v1/agencies/exe-r/years/2022/budget").then()
                .statusCode(200).extract().jsonPath();
        BigDecimal realisasi = budget.getObject("lines[0].realisasi", BigDecimal.class);
        BigDecimal pagu = budget.getObject("lines[0].pagu", BigDecimal.class);
        assertEquals(0, realisasi.compareTo(new BigDecimal("1100")), realisasi.toString());
        assertEquals(0, pagu.compareTo(new BigDecimal("1200")), pagu.toString());
        assertEquals(0, budget.getObject("lines[0].paguOriginal", BigDecimal.class).compareTo(new BigDecimal("1000")));
        assertEquals(realisasi.multiply(new BigDecimal("100")).divide(pagu, 2, java.math.RoundingMode.HALF_UP),
                budget.getObject("lines[0].absorption", BigDecimal.class));
        assertEquals(List.of("murni", "perubahan", "perubahan"), budget.getList("lines[0].paguVersions.kind"));
    }

    /** Creates the line; returns its id. */
    static String put(String agency, String code, Map<String, Object> body) {
        return asAdmin().contentType(ContentType.JSON).body(body).put(LINE, agency, code).then().statusCode(201)
                .extract().path("id");
    }

    static io.restassured.response.Response spend(String agency, String key, String date, String amount) {
        return asAdmin().contentType(ContentType.JSON)
                .body("{\"sourceKey\":\"" + key + "\",\"date\":\"" + date + "\",\"amount\":" + amount + ",\"reference\":\"" + key + "/SP2D\"}")
                .post(LINE + "/spending", agency, agency.equals("exe-a") ? "1.06.05.2.01.0003" : "1.06.05.2.01.0001");
    }
}
