package id.go.maluku.sakip.reporting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import static id.go.maluku.sakip.infra.OpenApiWalk.management;
import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed's plan (dinsos-maluku, S1..S5, IK1..IK5, 2021 and 2022) fed as planning, realization
 * and budget publish it, read back through /performance and the dashboard endpoints; policies,
 * periods, range and ordinal targets; and a rebuild from the topics compared with the live model.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardTests {

    static final String PLANNING = "sakip.planning.events";
    static final String REALIZATION = "sakip.realization.events";
    static final String BUDGET = "sakip.budget.events";
    static final String SEED = "dinsos-maluku";

    static KafkaProducer<String, String> producer;
    static boolean seeded;

    @Inject
    EntityManager em;

    @BeforeAll
    static void producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PerformanceTests.bootstrap());
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    static void send(String topic, ObjectNode event) throws Exception {
        producer.send(new ProducerRecord<>(topic, event.path("subject").asText(), event.toString())).get();
    }

    static void send(String topic, String type, String subject, Map<String, Object> data) throws Exception {
        send(topic, PerformanceTests.event(type, subject, data));
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** An agency as planning publishes it; the ids of its sasaran and indicators by code. */
    static final class Agency {
        final String code;
        final Map<String, String> ids = new LinkedHashMap<>();

        Agency(String code) throws Exception {
            this.code = code;
            String id = UUID.randomUUID().toString();
            send(PLANNING, "sakip.planning.agency.upserted.v1", id, map("agencyId", id, "agencyCode", code,
                    "name", "Dinas " + code, "revision", 1));
        }

        Agency renstra(int start, int end) throws Exception {
            send(PLANNING, "sakip.planning.section.upserted.v1", code, map("agencyCode", code, "section", "renstra",
                    "content", map("code", start + "-" + end, "startYear", start, "endYear", end), "revision", 1));
            return this;
        }

        Agency sasaran(String sasaran, int ordinal) throws Exception {
            String id = UUID.randomUUID().toString();
            ids.put(sasaran, id);
            send(PLANNING, "sakip.planning.sasaran.upserted.v1", id, map("sasaranId", id, "agencyCode", code,
                    "code", sasaran, "name", "Sasaran " + sasaran, "ordinal", ordinal, "revision", 1));
            return this;
        }

        /** indicator.upserted.v1 and indicator.defined.v1, as planning writes both. */
        Agency indicator(String sasaran, String indicator, String polarity, String aggregation, List<String> scale)
                throws Exception {
            String id = UUID.randomUUID().toString();
            ids.put(indicator, id);
            send(PLANNING, "sakip.planning.indicator.upserted.v1", id, map("indicatorId", id, "agencyCode", code,
                    "sasaranId", ids.get(sasaran), "sasaranCode", sasaran, "code", indicator, "name", "Indikator " + indicator,
                    "unit", "unit", "polarity", polarity, "revision", 1));
            send(PLANNING, "sakip.planning.indicator.defined.v1", id, map("indicatorId", id, "agencyCode", code,
                    "sasaranCode", sasaran, "code", indicator, "name", "Indikator " + indicator, "unit", "unit",
                    "polarity", polarity, "aggregation", aggregation, "weight", 1, "scale", scale, "revision", 1));
            return this;
        }

        /** A numeric target: target.set.v1 and target.defined.v1 at the same revision. */
        Agency target(String indicator, int year, Object value) throws Exception {
            String id = ids.get(indicator);
            send(PLANNING, "sakip.planning.target.set.v1", id, map("indicatorId", id, "agencyCode", code,
                    "indicatorCode", indicator, "year", year, "value", value, "revision", 1));
            return defined(indicator, year, "number", value);
        }

        Agency defined(String indicator, int year, String kind, Object value) throws Exception {
            String id = ids.get(indicator);
            send(PLANNING, "sakip.planning.target.defined.v1", id, map("indicatorId", id, "agencyCode", code,
                    "indicatorCode", indicator, "year", year, "kind", kind, "target", value, "revision", 1));
            return this;
        }

        Agency realisasi(String indicator, int year, String period, Object value, int revision) throws Exception {
            String id = ids.get(indicator);
            send(REALIZATION, "sakip.realization.realisasi.recorded.v1", id, map("realisasiId", UUID.randomUUID().toString(),
                    "indicatorId", id, "agencyCode", code, "indicatorCode", indicator, "year", year, "period", period,
                    "value", value, "revision", revision));
            return this;
        }

        Agency policy(int version, Object cap, String negativeFormula) throws Exception {
            send(PLANNING, "sakip.planning.capaian-policy.changed.v1", code, map("agencyCode", code, "version", version,
                    "cap", cap, "negativeFormula", negativeFormula, "zeroTarget", "NOT_COMPUTABLE", "ordinalNotMet", "ZERO",
                    // the open lower end left out, as a document that omits nulls writes it
                    "bands", List.of(map("to", 51, "label", "Sangat Kurang"),
                            map("from", 51, "to", null, "label", "Baik"))));
            return this;
        }
    }

    /**
     * A line as budget publishes it (line.changed.v3) with its realisasi given as a year total, as
     * the seed LKIP gives it: known by the year, in no quarter (the sample's RAK stays).
     */
    static void line(String agency, int year, String code, String program, String unit, String source, Object pagu,
                     Object realisasi, List<Map<String, Object>> links) throws Exception {
        String id = UUID.nameUUIDFromBytes((agency + code).getBytes()).toString();
        boolean total = new java.math.BigDecimal(realisasi.toString()).signum() > 0;
        java.math.BigDecimal zero = new java.math.BigDecimal("0.00");
        send(BUDGET, "sakip.budget.line.changed.v3", id, map("lineId", id, "agencyCode", agency, "fiscalYear", year,
                "code", code, "name", "Sub kegiatan " + code, "programCode", program, "programName", "Program " + program,
                "kegiatanCode", program + ".2.01", "unitCode", unit, "unitName", "Unit " + unit, "fundingSource", source,
                "pagu", pagu, "realisasi", realisasi, "realisasiKnownBy", total ? "year" : "month",
                "realisasiUndated", total ? realisasi : zero,
                "realisasiByQuarter", total ? java.util.Collections.nCopies(4, null) : java.util.Collections.nCopies(4, zero),
                "links", links, "revision", 1));
    }

    static JsonPath await(String path, Predicate<JsonPath> condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(40).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            Response response = asAdmin().get(path);
            last = response.asString();
            if (response.statusCode() == 200 && condition.test(response.jsonPath())) {
                return response.jsonPath();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " never matched; last answer: " + last);
    }

    static String s(String code) {
        return "sasaran.find { it.code == '" + code + "' }";
    }

    /** The seed: targets 2022 19, 3, 3, 3, 150; realisasi 2022 19, 3, 0, 3, 300; 2021 realisasi 24, 2, 3, 3, 285. */
    static synchronized void seed() throws Exception {
        if (seeded) {
            return;
        }
        Agency a = new Agency(SEED).renstra(2019, 2024);
        int[] target2021 = {17, 2, 3, 3, 150};
        int[] target2022 = {19, 3, 3, 3, 150};
        int[] realisasi2021 = {24, 2, 3, 3, 285};
        int[] realisasi2022 = {19, 3, 0, 3, 300};
        for (int i = 1; i <= 5; i++) {
            a.sasaran("S" + i, i).indicator("S" + i, "IK" + i, "positive", "last", null);
            a.target("IK" + i, 2021, target2021[i - 1]).target("IK" + i, 2022, target2022[i - 1]);
            a.realisasi("IK" + i, 2021, "Y", realisasi2021[i - 1], 1).realisasi("IK" + i, 2022, "Y", realisasi2022[i - 1], 1);
        }
        a.target("IK1", 2024, 20).target("IK3", 2024, 3).target("IK5", 2024, 200);
        // the seed's 547.279.000 line serves two sasaran
        line(SEED, 2022, "1.06.05.2.01.0003", "1.06.05", "uptd-psbr", "APBD", 547279000, 436802132,
                List.of(map("sasaranCode", "S1", "indicatorCode", "IK1"), map("sasaranCode", "S4", "indicatorCode", "IK4")));
        line(SEED, 2022, "1.06.04.2.02.0001", "1.06.04", "dinsos", "APBD", 199500000, 198468000,
                List.of(map("sasaranCode", "S5", "indicatorCode", "IK5")));
        // Rp 0 against Rp 0: the seed prints 100 %, which is not computable
        line(SEED, 2022, "1.06.06.2.01.0001", "1.06.06", "dinsos", "DAK", 0, 0, List.of());
        await("/api/v1/agencies/" + SEED + "/years/2022/performance",
                j -> j.getList("sasaran").size() == 5 && j.get(s("S5") + ".budget.absorption") != null
                        && j.get(s("S5") + ".indicators[0].renstra.progress.capaian") != null
                        && j.get(s("S1") + ".lastYear.capaian") != null && j.get(s("S1") + ".budget.absorption") != null
                        && j.get(s("S3") + ".indicators[0].renstra.progress.capaian") != null
                        && j.get("budget.pagu") != null && j.getFloat("budget.pagu") > 7.4e8f);
        seeded = true;
    }

    @Test
    @Order(1)
    void the_seed_plan_shows_target_realisasi_capaian_category_last_year_and_renstra_progress() throws Exception {
        seed();
        JsonPath p = asAdmin().get("/api/v1/agencies/{a}/years/2022/performance", SEED).jsonPath();
        // S1: 19 against 19; 2021: 24 against 17 = 141.18
        assertEquals(19, p.getInt(s("S1") + ".indicators[0].target"));
        assertEquals(19, p.getInt(s("S1") + ".indicators[0].realisasi"));
        assertEquals("positive", p.getString(s("S1") + ".indicators[0].polarity"));
        assertEquals(1, p.getInt(s("S1") + ".indicators[0].realisasiUpdates"));
        assertEquals(100.0f, p.getFloat(s("S1") + ".capaian"));
        assertEquals(100.0f, p.getFloat(s("S1") + ".capaianRaw"));
        assertEquals("Sangat Tinggi", p.getString(s("S1") + ".category"));
        assertEquals(24, p.getInt(s("S1") + ".indicators[0].lastYear.realisasi"));
        assertEquals(17, p.getInt(s("S1") + ".indicators[0].lastYear.target"));
        assertEquals(141.18f, p.getFloat(s("S1") + ".indicators[0].lastYear.capaian"));
        assertEquals(-41.18f, p.getFloat(s("S1") + ".indicators[0].lastYear.change"));
        assertEquals(141.18f, p.getFloat(s("S1") + ".lastYear.capaian"));
        // Renstra 2019-2024: realisasi up to 2022, targets after; 19 against the end target 20
        assertEquals(2019, p.getInt(s("S1") + ".indicators[0].renstra.startYear"));
        assertEquals(2024, p.getInt(s("S1") + ".indicators[0].renstra.endYear"));
        // a target is typed wherever it is written (issue 24): a number here, as the indicator's own
        assertEquals(20, p.getInt(s("S1") + ".indicators[0].renstra.endTarget"));
        assertEquals("realisasi", p.getString(s("S1") + ".indicators[0].renstra.years[2].kind"));
        assertEquals(24, p.getInt(s("S1") + ".indicators[0].renstra.years[2].realisasi"));
        assertEquals("target", p.getString(s("S1") + ".indicators[0].renstra.years[5].kind"));
        assertEquals(20, p.getInt(s("S1") + ".indicators[0].renstra.years[5].target"));
        assertEquals(95.0f, p.getFloat(s("S1") + ".indicators[0].renstra.progress.capaian"));

        // S2: 3 against 3; 2021 2 against 2; no end target
        assertEquals(100.0f, p.getFloat(s("S2") + ".capaian"));
        assertEquals(100.0f, p.getFloat(s("S2") + ".lastYear.capaian"));
        assertEquals(0.0f, p.getFloat(s("S2") + ".lastYear.change"));
        assertEquals("NO_TARGET", p.getString(s("S2") + ".indicators[0].renstra.progress.status"));

        // S3: 0 against 3
        assertEquals(0.0f, p.getFloat(s("S3") + ".capaian"));
        assertEquals("Sangat Rendah", p.getString(s("S3") + ".category"));
        assertEquals(100.0f, p.getFloat(s("S3") + ".lastYear.capaian"));
        assertEquals(-100.0f, p.getFloat(s("S3") + ".lastYear.change"));
        assertEquals(0.0f, p.getFloat(s("S3") + ".indicators[0].renstra.progress.capaian"));

        // S4
        assertEquals(100.0f, p.getFloat(s("S4") + ".capaian"));

        // S5: 300 KK against 150 is 200 %, uncapped; 2021 285 against 150 = 190; 300 against the end target 200
        assertEquals(150, p.getInt(s("S5") + ".indicators[0].target"));
        assertEquals(300, p.getInt(s("S5") + ".indicators[0].realisasi"));
        assertEquals(200.0f, p.getFloat(s("S5") + ".capaian"));
        assertEquals(200.0f, p.getFloat(s("S5") + ".capaianRaw"));
        assertEquals(190.0f, p.getFloat(s("S5") + ".indicators[0].lastYear.capaian"));
        assertEquals(10.0f, p.getFloat(s("S5") + ".lastYear.change"));
        assertEquals(150.0f, p.getFloat(s("S5") + ".indicators[0].renstra.progress.capaian"));

        // budget: the shared line counted once in the agency's total, once in each of S1 and S4
        assertEquals(79.81f, p.getFloat(s("S1") + ".budget.absorption"));
        assertEquals(79.81f, p.getFloat(s("S4") + ".budget.absorption"));
        // the line's realisasi is a year total: no quarter's realisasi against its RAK, not 436802132 / 136819750
        // = 319.25 % in Q4
        for (int q = 0; q < 4; q++) {
            String quarter = s("S1") + ".budget.lines[0].quarters[" + q + "]";
            assertEquals(136819750.0f, p.getFloat(quarter + ".rak"));
            assertNull(p.get(quarter + ".realisasi"), quarter);
            assertNull(p.get(quarter + ".absorption"), quarter);
            assertEquals(false, p.getBoolean(quarter + ".computable"), quarter);
        }
        assertEquals(99.48f, p.getFloat(s("S5") + ".budget.absorption"));
        JsonPath exact = asAdmin().get("/api/v1/agencies/{a}/years/2022/performance", SEED).jsonPath()
                .using(new io.restassured.path.json.config.JsonPathConfig(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertEquals(0, new java.math.BigDecimal("746779000").compareTo(exact.get("budget.pagu")));
        assertEquals(0, new java.math.BigDecimal("635270132").compareTo(exact.get("budget.realisasi")));
        assertEquals(85.07f, p.getFloat("budget.absorption"));
        // efficiency: S1 met its target with 79.81 % of the money
        assertEquals(125.30f, p.getFloat(s("S1") + ".efficiency.ratio"));
        assertEquals(20.19f, p.getFloat(s("S1") + ".efficiency.efficiency"));
        assertEquals(201.05f, p.getFloat(s("S5") + ".efficiency.ratio"));
        assertEquals(0.52f, p.getFloat(s("S5") + ".efficiency.efficiency"));

        // the agency: (100 + 100 + 0 + 100 + 200) / 5
        assertEquals(100.0f, p.getFloat("capaian"));
        assertEquals("Sangat Tinggi", p.getString("category"));
        assertEquals(0, p.getInt("policy.version"));
    }

    @Test
    @Order(2)
    void dashboards_overview_trends_absorption_and_sasaran_detail() throws Exception {
        seed();
        JsonPath overview = asAdmin().get("/api/v1/province/years/2022/agencies?q=dinsos-maluku").jsonPath();
        assertEquals(1, overview.getInt("agencies.total"));
        assertEquals(100.0f, overview.getFloat("agencies.items[0].capaian"));
        assertEquals(85.07f, overview.getFloat("agencies.items[0].absorption"));
        assertEquals(5, overview.getInt("agencies.items[0].sasaran"));

        new Agency("rep-second").sasaran("S1", 1).indicator("S1", "IK1", "positive", "last", null)
                .target("IK1", 2022, 4).realisasi("IK1", 2022, "Y", 2, 1);
        JsonPath sorted = await("/api/v1/province/years/2022/agencies?sort=-capaian&size=1&page=1",
                j -> j.getInt("agencies.total") >= 2 && j.get("agencies.items[0].capaian") != null);
        assertEquals(1, sorted.getList("agencies.items").size());
        JsonPath top = asAdmin().get("/api/v1/province/years/2022/agencies?sort=-capaian&size=1").jsonPath();
        assertTrue(top.getFloat("agencies.items[0].capaian") >= sorted.getFloat("agencies.items[0].capaian"));
        assertTrue(sorted.getInt("agencies.pages") >= 2);
        // descending or not, agencies without a computed capaian come last
        new Agency("rep-no-capaian").sasaran("S1", 1).indicator("S1", "IK1", "positive", "last", null)
                .target("IK1", 2022, 4);
        for (String sort : List.of("-capaian", "capaian")) {
            JsonPath all = await("/api/v1/province/years/2022/agencies?size=100&sort=" + sort,
                    j -> j.getList("agencies.items.agency").contains("rep-no-capaian"));
            List<Object> values = all.getList("agencies.items.capaian");
            int firstNull = values.indexOf(null);
            assertTrue(firstNull >= 1, sort + ": " + values);
            assertTrue(values.subList(firstNull, values.size()).stream().allMatch(java.util.Objects::isNull), sort + ": " + values);
        }

        JsonPath trends = asAdmin().get("/api/v1/agencies/{a}/trends", SEED).jsonPath();
        // 2021: (141.18 + 100 + 100 + 100 + 190) / 5 = 126.236
        assertEquals(126.24f, trends.getFloat("years.find { it.year == 2021 }.capaian"));
        assertEquals(100.0f, trends.getFloat("years.find { it.year == 2022 }.capaian"));
        assertEquals(85.07f, trends.getFloat("years.find { it.year == 2022 }.absorption"));
        assertEquals(190.0f, trends.getFloat("sasaran.find { it.code == 'S5' }.years[0].capaian"));

        JsonPath byProgram = asAdmin().get("/api/v1/agencies/{a}/years/2022/absorption?by=program", SEED).jsonPath();
        assertEquals(99.48f, byProgram.getFloat("items.find { it.key == '1.06.04' }.absorption"));
        assertEquals(79.81f, byProgram.getFloat("items.find { it.key == '1.06.05' }.absorption"));
        assertEquals(false, byProgram.getBoolean("items.find { it.key == '1.06.06' }.computable"));
        assertNull(byProgram.get("items.find { it.key == '1.06.06' }.absorption"));
        JsonPath bySource = asAdmin().get("/api/v1/agencies/{a}/years/2022/absorption?by=funding-source", SEED).jsonPath();
        assertEquals(85.07f, bySource.getFloat("items.find { it.key == 'APBD' }.absorption"));
        JsonPath byUnit = asAdmin().get("/api/v1/agencies/{a}/years/2022/absorption?by=unit&sort=-absorption", SEED).jsonPath();
        assertEquals("dinsos", byUnit.getString("items[0].key"));
        assertEquals(99.48f, byUnit.getFloat("items[0].absorption"));
        JsonPath bySasaran = asAdmin().get("/api/v1/agencies/{a}/years/2022/absorption?by=sasaran", SEED).jsonPath();
        assertEquals(79.81f, bySasaran.getFloat("items.find { it.key == 'S4' }.absorption"));
        JsonPath bySub = asAdmin().get("/api/v1/agencies/{a}/years/2022/absorption?by=sub-kegiatan&size=1&page=1", SEED)
                .jsonPath();
        assertEquals(3, bySub.getInt("total"));
        assertEquals(1, bySub.getList("items").size());

        JsonPath detail = asAdmin().get("/api/v1/agencies/{a}/years/2022/sasaran/S5", SEED).jsonPath();
        assertEquals(200.0f, detail.getFloat("capaian"));
        assertEquals(150, detail.getInt("indicators[0].target"));
        asAdmin().get("/api/v1/agencies/{a}/years/2022/sasaran/S9", SEED).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @Order(3)
    void bad_requests_are_problems() throws Exception {
        seed();
        asAdmin().get("/api/v1/province/years/2022/agencies?size=101").then().statusCode(400)
                .contentType("application/problem+json");
        asAdmin().get("/api/v1/province/years/2022/agencies?page=-1").then().statusCode(400);
        asAdmin().get("/api/v1/province/years/2022/agencies?sort=colour").then().statusCode(400);
        asAdmin().get("/api/v1/agencies/{a}/years/2022/absorption?size=500", SEED).then().statusCode(400)
                .contentType("application/problem+json");
        asAdmin().get("/api/v1/agencies/{a}/years/2022/absorption?by=mood", SEED).then().statusCode(400);
        asAdmin().get("/api/v1/agencies/nowhere/trends").then().statusCode(404).contentType("application/problem+json");
        asAdmin().get("/api/v1/agencies/{a}/years/1990/performance", SEED).then().statusCode(404)
                .contentType("application/problem+json");
        asAdmin().get("/api/v1/agencies/{a}/years/1990/absorption", SEED).then().statusCode(404);
    }

    @Test
    @Order(4)
    void dashboards_poll_cheaply_with_etags_and_cors() throws Exception {
        seed();
        Response first = asAdmin().get("/api/v1/agencies/{a}/years/2022/performance", SEED);
        String etag = first.header("ETag");
        assertNotNull(etag);
        asAdmin().header("If-None-Match", etag).get("/api/v1/agencies/{a}/years/2022/performance", SEED)
                .then().statusCode(304);
        asAdmin().header("If-None-Match", "\"something-else\"").get("/api/v1/agencies/{a}/years/2022/performance", SEED)
                .then().statusCode(200);
        String overviewTag = asAdmin().get("/api/v1/province/years/2022/agencies").header("ETag");
        asAdmin().header("If-None-Match", overviewTag).get("/api/v1/province/years/2022/agencies").then().statusCode(304);

        asAdmin().header("Origin", "https://dashboard.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/agencies/{a}/years/2022/performance", SEED)
                .then().header("Access-Control-Allow-Origin", "https://dashboard.example");
        asAdmin().header("Origin", "https://dashboard.example").get("/api/v1/agencies/{a}/years/2022/performance", SEED)
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://dashboard.example");
    }

    @Test
    @Order(5)
    void a_policy_change_recomputes_the_agency_cap_formula_and_bands() throws Exception {
        Agency a = new Agency("rep-policy").sasaran("S1", 1)
                .indicator("S1", "IK1", "positive", "last", null)
                .indicator("S1", "IK2", "negative", "last", null);
        a.target("IK1", 2022, 25).realisasi("IK1", 2022, "Y", 34.48, 1);
        a.target("IK2", 2022, 8).realisasi("IK2", 2022, "Y", 9, 1);
        String path = "/api/v1/agencies/rep-policy/years/2022/performance";
        JsonPath p = await(path, j -> j.get("sasaran[0].capaian") != null
                && j.getList("sasaran[0].indicators.findAll { it.status == 'COMPUTED' }").size() == 2);
        // no policy: uncapped, (2T - R) / T; (137.92 + 87.5) / 2 = 112.71
        assertEquals(137.92f, p.getFloat("sasaran[0].indicators[0].capaian"));
        assertEquals(87.5f, p.getFloat("sasaran[0].indicators[1].capaian"));
        assertEquals(112.71f, p.getFloat("sasaran[0].capaian"));

        // the agency caps at 100 and uses T / R: 100 (raw 137.92) and 88.89; (100 + 88.89) / 2 = 94.445
        a.policy(1, 100, "T_OVER_R");
        p = await(path, j -> j.getInt("policy.version") == 1 && j.get("sasaran[0].indicators[1].capaian") != null
                && j.getFloat("sasaran[0].indicators[1].capaian") == 88.89f);
        assertEquals(100.0f, p.getFloat("sasaran[0].indicators[0].capaian"));
        assertEquals(137.92f, p.getFloat("sasaran[0].indicators[0].capaianRaw"));
        assertEquals("Baik", p.getString("sasaran[0].indicators[0].category"));
        assertEquals(94.45f, p.getFloat("sasaran[0].capaian"));
        // raw: (137.92 + 88.89) / 2 = 113.405
        assertEquals(113.41f, p.getFloat("sasaran[0].capaianRaw"));

        // version 2 lifts the cap; version 1 delivered again changes nothing
        a.policy(2, null, "TWO_T_MINUS_R");
        a.policy(1, 100, "T_OVER_R");
        p = await(path, j -> j.getInt("policy.version") == 2 && j.getFloat("sasaran[0].capaian") == 112.71f);
        assertEquals(137.92f, p.getFloat("sasaran[0].indicators[0].capaian"));
    }

    @Test
    @Order(6)
    void quarters_aggregate_until_a_yearly_value_arrives() throws Exception {
        Agency a = new Agency("rep-periods").sasaran("S1", 1).indicator("S1", "IK1", "positive", "sum", null);
        a.target("IK1", 2022, 60).realisasi("IK1", 2022, "Q1", 10, 1).realisasi("IK1", 2022, "Q2", 20, 1);
        String path = "/api/v1/agencies/rep-periods/years/2022/performance";
        JsonPath p = await(path, j -> j.get("sasaran[0].indicators[0].realisasi") != null
                && j.getInt("sasaran[0].indicators[0].realisasi") == 30);
        assertEquals("Q", p.getString("sasaran[0].indicators[0].realisasiSource"));
        assertEquals(50.0f, p.getFloat("sasaran[0].capaian"));
        a.realisasi("IK1", 2022, "Y", 55, 1);
        p = await(path, j -> "Y".equals(j.getString("sasaran[0].indicators[0].realisasiSource")));
        assertEquals(55, p.getInt("sasaran[0].indicators[0].realisasi"));
        // 55 / 60
        assertEquals(91.67f, p.getFloat("sasaran[0].capaian"));
    }

    @Test
    @Order(7)
    void range_and_ordinal_targets_from_target_defined() throws Exception {
        Agency a = new Agency("rep-kinds").sasaran("S1", 1).sasaran("S2", 2)
                .indicator("S1", "IK1", "range", "last", null)
                .indicator("S2", "IK2", "ordinal", "last", List.of("D", "C", "CC", "B", "BB", "A", "AA"));
        a.defined("IK1", 2022, "range", map("low", 80, "high", 90)).realisasi("IK1", 2022, "Y", 95, 1);
        // realisasi of an ordinal indicator is the rank of the level: 3 is CC, below the target B
        a.defined("IK2", 2022, "ordinal", "B").realisasi("IK2", 2022, "Y", 3, 1);
        String path = "/api/v1/agencies/rep-kinds/years/2022/performance";
        JsonPath p = await(path, j -> j.getList("sasaran").size() == 2 && j.get(s("S1") + ".capaian") != null
                && j.get(s("S2") + ".capaian") != null);
        // above the range: (2 x 90 - 95) / 90
        assertEquals(94.44f, p.getFloat(s("S1") + ".capaian"));
        assertEquals("80-90", p.getString(s("S1") + ".indicators[0].targetText"));
        // the target itself typed: a range {low, high}, in the indicator and along the Renstra alike
        assertEquals(Map.of("low", 80, "high", 90), p.getMap(s("S1") + ".indicators[0].target"));
        assertEquals(Map.of("low", 80, "high", 90), p.getMap(s("S1") + ".indicators[0].renstra.endTarget"));
        assertEquals(0.0f, p.getFloat(s("S2") + ".capaian"));
        assertEquals("B", p.getString(s("S2") + ".indicators[0].targetText"));
        // an ordinal target is its level, not its rank
        assertEquals("B", p.getString(s("S2") + ".indicators[0].target"));
        assertEquals("B", p.getString(s("S2") + ".indicators[0].renstra.endTarget"));
        a.realisasi("IK2", 2022, "Y", 5, 2);
        p = await(path, j -> j.getFloat(s("S2") + ".capaian") == 100.0f);
        assertEquals(2, p.getInt(s("S2") + ".indicators[0].realisasiUpdates"));
    }

    @Test
    @Order(8)
    void older_revisions_and_plainer_twins_never_overwrite_and_freshness_is_the_event_time() throws Exception {
        Agency a = new Agency("rep-reorder").sasaran("S1", 1).indicator("S1", "IK1", "positive", "last", null);
        String id = a.ids.get("IK1");
        // revision 2 of the target first, then revision 1 of both families: 2 stays
        send(PLANNING, "sakip.planning.target.defined.v1", id, map("indicatorId", id, "agencyCode", a.code,
                "indicatorCode", "IK1", "year", 2022, "kind", "number", "target", 10, "revision", 2));
        send(PLANNING, "sakip.planning.target.set.v1", id, map("indicatorId", id, "agencyCode", a.code,
                "indicatorCode", "IK1", "year", 2022, "value", 5, "revision", 1));
        send(PLANNING, "sakip.planning.target.defined.v1", id, map("indicatorId", id, "agencyCode", a.code,
                "indicatorCode", "IK1", "year", 2022, "kind", "number", "target", 5, "revision", 1));
        ObjectNode late = PerformanceTests.event("sakip.realization.realisasi.recorded.v1", id, map(
                "realisasiId", UUID.randomUUID().toString(), "indicatorId", id, "agencyCode", a.code,
                "indicatorCode", "IK1", "year", 2022, "period", "Y", "value", 8, "revision", 1));
        late.put("time", "2030-01-02T03:04:05Z");
        send(REALIZATION, late);
        // the rich budget line, then its plain twin at the same revision: links and program stay
        line(a.code, 2022, "1.01", "1.06.01", "u1", "APBD", 100, 50, List.of(map("sasaranCode", "S1", "indicatorCode", "IK1")));
        String lineId = UUID.nameUUIDFromBytes((a.code + "1.01").getBytes()).toString();
        send(BUDGET, "sakip.budget.line.upserted.v1", lineId, map("lineId", lineId, "agencyCode", a.code,
                "fiscalYear", 2022, "code", "1.01", "name", "plain", "pagu", 100, "realisasi", 50, "revision", 1));
        // an unknown version of a family reporting uses is a dead letter, and consumption goes on
        ObjectNode v4 = PerformanceTests.event("sakip.budget.line.changed.v3", "line-v4", map("lineId", lineId));
        v4.put("type", "sakip.budget.line.changed.v4");
        send(BUDGET, v4);
        line(a.code, 2022, "1.02", "1.06.02", "u2", "DAK", 100, 100, List.of());

        String path = "/api/v1/agencies/rep-reorder/years/2022/performance";
        JsonPath p = await(path, j -> j.get("sasaran[0].capaian") != null && j.get("budget.pagu") != null
                && j.getFloat("budget.pagu") == 200.0f);
        assertEquals(10, p.getInt("sasaran[0].indicators[0].target"));
        assertEquals(80.0f, p.getFloat("sasaran[0].capaian"));
        assertEquals(50.0f, p.getFloat("sasaran[0].budget.absorption"));
        assertEquals("1.06.01", p.getString("sasaran[0].budget.lines[0].programCode"));
        assertEquals("Sub kegiatan 1.01", p.getString("sasaran[0].budget.lines[0].name"));
        // freshness: the time of the newest event the result is built from
        assertEquals("2030-01-02T03:04:05Z", java.time.OffsetDateTime.parse(
                p.getString("sasaran[0].indicators[0].freshness")).toInstant().toString());
        assertEquals(1, PerformanceTests.deadLetters(1, java.time.Duration.ofSeconds(20),
                r -> "line-v4".equals(r.key())).size());
    }

    @Test
    @Order(9)
    void every_operation_is_described_in_the_openapi_document() {
        String openapi = management().accept("application/json").get("/q/openapi").asString();
        for (String path : List.of("/api/v1/agencies/{agency}/years/{year}/performance",
                "/api/v1/agencies/{agency}/years/{year}/sasaran/{code}", "/api/v1/agencies/{agency}/years/{year}/absorption",
                "/api/v1/agencies/{agency}/trends", "/api/v1/province/years/{year}/agencies", "/api/v1/admin/rebuild")) {
            assertTrue(openapi.contains("\"" + path + "\""), path + " is in the OpenAPI document");
        }
        for (String summary : List.of("Capaian per sasaran and per indicator", "One sasaran in detail",
                "Budget absorption grouped by", "Capaian and absorption of an agency across years",
                "Province overview", "Rebuild the read model from the topics")) {
            assertTrue(openapi.contains(summary), summary);
        }
    }

    /** Every row the events built, without surrogate keys and the local processing time. */
    List<String> snapshot() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> rows = new java.util.ArrayList<>();
            for (String table : List.of("rm_agency", "rm_sasaran", "rm_indicator", "rm_indicator_definition", "rm_target",
                    "rm_realisasi", "rm_policy", "rm_renstra", "rm_budget_line", "rm_budget_link", "indicator_result",
                    "sasaran_result", "processed_event", "rm_removal", "rm_document")) {
                @SuppressWarnings("unchecked")
                List<Object> r = em.createNativeQuery("select '" + table
                        + "' || ':' || (to_jsonb(t) - 'id' - 'processed_at')::text from " + table + " t order by 1")
                        .getResultList();
                r.forEach(x -> rows.add(x.toString()));
            }
            return rows;
        });
    }

    /** Events after the poison, so that it stands in the middle of the replay, not at its end. */
    void seedAgainAfterPoison() throws Exception {
        Agency after = new Agency("rep-after-poison").sasaran("S1", 1).indicator("S1", "IK1", "positive", "last", null);
        after.target("IK1", 2022, 8).realisasi("IK1", 2022, "Y", 6, 1);
        await("/api/v1/agencies/rep-after-poison/years/2022/performance", j -> j.get("sasaran[0].capaian") != null);
    }

    /** A marker on each topic, applied when everything sent before it was. */
    void quiesce() throws Exception {
        Agency marker = new Agency("rep-marker-" + UUID.randomUUID().toString().substring(0, 8)).sasaran("S1", 1)
                .indicator("S1", "IK1", "positive", "last", null);
        marker.target("IK1", 2022, 10).realisasi("IK1", 2022, "Y", 5, 1);
        line(marker.code, 2022, "9.99", "9", "u", "APBD", 10, 5, List.of(map("sasaranCode", "S1", "indicatorCode", "IK1")));
        await("/api/v1/agencies/" + marker.code + "/years/2022/performance",
                j -> j.get("sasaran[0].capaian") != null && j.getFloat("sasaran[0].capaian") == 50.0f
                        && j.get("budget.absorption") != null);
        Thread.sleep(500);
    }

    @Test
    @Order(99)
    void a_rebuild_from_all_topics_gives_the_same_model_as_the_live_one() throws Exception {
        seed();
        quiesce();
        List<String> live = snapshot();
        String performance = asAdmin().get("/api/v1/agencies/{a}/years/2022/performance", SEED).asString();
        String overview = asAdmin().get("/api/v1/province/years/2022/agencies?size=100").asString();
        assertTrue(live.size() > 100, "the live model holds what the tests sent");

        // A record that cannot be applied, in the middle of the topics' history: the rebuild replays
        // up to it into its own schema, stops there, and the live model is exactly as it was.
        PoisonEventTests.discardEveryParkedEvent();
        producer.send(new ProducerRecord<>(PLANNING, "rebuild-poison", "{\"id\": \"not a whole event")).get();
        long poisonId = PoisonEventTests.awaitParked("rebuild-poison");
        seedAgainAfterPoison();
        quiesce();
        live = snapshot();
        performance = asAdmin().get("/api/v1/agencies/{a}/years/2022/performance", SEED).asString();
        asAdmin().post("/api/v1/admin/rebuild").then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("is parked in"))
                .body("detail", org.hamcrest.Matchers.containsString("live model is unchanged"));
        List<String> afterStoppedRebuild = snapshot();
        assertEquals(live.size(), afterStoppedRebuild.size());
        for (int i = 0; i < live.size(); i++) {
            assertEquals(live.get(i), afterStoppedRebuild.get(i));
        }
        assertEquals(performance, asAdmin().get("/api/v1/agencies/{a}/years/2022/performance", SEED).asString());
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from information_schema.schemata where schema_name = 'rm_rebuild'").getSingleResult()).longValue()),
                "the stopped rebuild's schema is gone");
        // the operator discards it; the rebuild then passes over it and swaps in
        asAdmin().contentType(io.restassured.http.ContentType.JSON).body(Map.of("reason", "half an event, sent by hand"))
                .post("/api/v1/admin/parked-events/{id}/discard", poisonId).then().statusCode(200);
        overview = asAdmin().get("/api/v1/province/years/2022/agencies?size=100").asString();

        JsonPath report = asAdmin().post("/api/v1/admin/rebuild").then().statusCode(200).extract().jsonPath();
        assertTrue(report.getLong("applied") > 50);
        assertTrue(report.getLong("records") >= report.getLong("applied"));
        assertTrue(report.getLong("skippedUnprocessable") >= 0);

        List<String> rebuilt = snapshot();
        assertEquals(live.size(), rebuilt.size());
        for (int i = 0; i < live.size(); i++) {
            assertEquals(live.get(i), rebuilt.get(i));
        }
        assertEquals(performance, asAdmin().get("/api/v1/agencies/{a}/years/2022/performance", SEED).asString());
        assertEquals(overview, asAdmin().get("/api/v1/province/years/2022/agencies?size=100").asString());

        // the live channel goes on after the rebuild, and counts each event once
        Agency seedAgain = new Agency("rep-after-rebuild").sasaran("S1", 1).indicator("S1", "IK1", "positive", "last", null);
        seedAgain.target("IK1", 2022, 4).realisasi("IK1", 2022, "Y", 3, 1);
        JsonPath p = await("/api/v1/agencies/rep-after-rebuild/years/2022/performance",
                j -> j.get("sasaran[0].capaian") != null);
        // one document is one snapshot: the sasaran's capaian and its indicator's count agree
        assertEquals(75.0f, p.getFloat("sasaran[0].capaian"));
        assertEquals(1, p.getInt("sasaran[0].indicators[0].realisasiUpdates"), p::prettify);
    }
}
