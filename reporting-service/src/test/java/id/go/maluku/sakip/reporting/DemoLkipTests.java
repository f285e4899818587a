package id.go.maluku.sakip.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.maluku.sakip.infra.OpenApiWalk;
import id.go.maluku.sakip.infra.PublishedEvents;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.infra.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Properties;
import java.util.UUID;

import static id.go.maluku.sakip.infra.Tokens.as;
import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed reproduced from the demo data (deploy/demo): the plan (10-), the realisasi (20-) and the
 * budget (30-) reach reporting as the events planning, realization and budget publish for those
 * requests; the reporting requests (40- narratives, 45- stated figures) are sent to this service
 * line by line, as deploy/local/StackTool.java sends them. The agency is renamed in every path and
 * event (dinsos-maluku becomes {@value #AGENCY}) so that the other tests' agency of that code is
 * left alone. Checked: the stated figures as kept, the review's findings on them, the draft's
 * findings annex, every table of the seed with the computed figures, and bad input.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoLkipTests {

    static final String AGENCY = "demo-dinsos";
    static final Path DEMO = Path.of("..", "deploy", "demo");
    static final String BASE = "/api/v1/agencies/" + AGENCY + "/years/2022";

    record Request(String method, String service, String path, String body) {
    }

    /** The requests of a demo-data file, as StackTool reads them, with the agency renamed. */
    static List<Request> requests(String file) throws Exception {
        List<Request> requests = new ArrayList<>();
        for (String line : Files.readAllLines(DEMO.resolve(file))) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 4);
            String body = parts.length == 4 ? parts[3] : "";
            if (body.startsWith("@")) {
                body = Files.readString(DEMO.resolve(body.substring(1)));
            }
            requests.add(new Request(parts[0], parts[1], parts[2].replace("/agencies/dinsos-maluku/", "/agencies/" + AGENCY + "/"),
                    body));
        }
        return requests;
    }

    static KafkaProducer<String, String> producer;
    static final Map<String, String> ids = new LinkedHashMap<>();
    static boolean loaded;

    static void send(String topic, String type, String subject, Map<String, ?> data) throws Exception {
        ObjectNode event = (ObjectNode) PublishedEvents.sample(type);
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", subject);
        event.put("time", OffsetDateTime.now().toString());
        ObjectNode body = (ObjectNode) event.get("data");
        data.forEach((k, v) -> body.set(k, PublishedEvents.JSON.valueToTree(v)));
        // with the ce_type header, as the services' outbox relays send it: the documents consumer
        // skips by it what carries no document
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, event.toString());
        record.headers().add("ce_type", type.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** What planning publishes for the plan document of 10-dinsos-maluku-plan.requests. */
    static void plan(JsonNode plan) throws Exception {
        String planning = "sakip.planning.events";
        String agencyId = UUID.randomUUID().toString();
        send(planning, "sakip.planning.agency.upserted.v1", agencyId, map("agencyId", agencyId, "agencyCode", AGENCY,
                "name", plan.path("agency").path("name").asText(), "revision", 1));
        for (String section : List.of("profile", "organisation", "personnel", "renstra")) {
            send(planning, "sakip.planning.section.upserted.v1", agencyId, map("agencyCode", AGENCY, "section", section,
                    "content", plan.get(section), "revision", 1));
        }
        JsonNode province = plan.path("province");
        send(planning, "sakip.planning.province.upserted.v1", province.path("code").asText(), map("provinceCode",
                province.path("code").asText(), "name", province.path("name").asText(), "visi", province.path("visi").asText(),
                "misi", province.path("misi")));
        for (JsonNode s : plan.path("sasaran")) {
            String id = UUID.randomUUID().toString();
            ids.put(s.path("code").asText(), id);
            send(planning, "sakip.planning.sasaran.upserted.v1", id, map("sasaranId", id, "agencyCode", AGENCY,
                    "code", s.path("code").asText(), "name", s.path("name").asText(), "ordinal", s.path("ordinal").asInt(),
                    "revision", 1));
        }
        for (JsonNode i : plan.path("indicators")) {
            String code = i.path("code").asText();
            String sasaran = i.path("sasaran").asText();
            String id = UUID.randomUUID().toString();
            ids.put(code, id);
            send(planning, "sakip.planning.indicator.upserted.v1", id, map("indicatorId", id, "agencyCode", AGENCY,
                    "sasaranId", ids.get(sasaran), "sasaranCode", sasaran, "code", code, "name", i.path("name").asText(),
                    "unit", i.path("unit").asText(), "polarity", i.path("polarity").asText(), "revision", 1));
            send(planning, "sakip.planning.indicator.defined.v1", id, map("indicatorId", id, "agencyCode", AGENCY,
                    "sasaranCode", sasaran, "code", code, "name", i.path("name").asText(), "unit", i.path("unit").asText(),
                    "polarity", i.path("polarity").asText(), "iku", i.path("iku").asBoolean(false),
                    "formula", i.path("formula").asText(null), "numerator", i.path("numerator").asText(null),
                    "denominator", i.path("denominator").asText(null), "dataSource", i.path("dataSource").asText(null),
                    "responsibleUnit", i.path("responsibleUnit").asText(null),
                    "aggregation", i.path("aggregation").asText("last"),
                    "decimals", i.hasNonNull("decimals") ? i.path("decimals").asInt() : 2, "weight", 1, "scale", null,
                    "revision", 1));
            for (var target : i.path("targets").properties()) {
                int year = Integer.parseInt(target.getKey());
                send(planning, "sakip.planning.target.set.v1", id, map("indicatorId", id, "agencyCode", AGENCY,
                        "indicatorCode", code, "year", year, "value", target.getValue(), "revision", 1));
                send(planning, "sakip.planning.target.defined.v1", id, map("indicatorId", id, "agencyCode", AGENCY,
                        "indicatorCode", code, "year", year, "kind", "number", "target", target.getValue(), "revision", 1));
            }
        }
        for (JsonNode pk : plan.path("perjanjianKinerja")) {
            List<Map<String, Object>> items = new ArrayList<>();
            pk.path("items").forEach(item -> items.add(map("sasaranCode", item.path("sasaran").asText(),
                    "indicatorCode", item.path("indicator").asText(), "target", item.path("target"))));
            send(planning, "sakip.planning.pk.changed.v1", agencyId, map("pkId", UUID.randomUUID().toString(),
                    "agencyCode", AGENCY, "year", pk.path("year").asInt(), "version", pk.path("version").asInt(),
                    "kind", pk.path("kind").asText(), "signedBy", pk.path("signedBy").asText(), "items", items, "revision", 1));
        }
        JsonNode policy = plan.path("capaianPolicy");
        send(planning, "sakip.planning.capaian-policy.changed.v1", agencyId, map("agencyCode", AGENCY, "version", 1,
                "bands", policy.path("bands"), "cap", null, "negativeFormula", policy.path("negativeFormula").asText(),
                "zeroTarget", policy.path("zeroTarget").asText(), "ordinalNotMet", policy.path("ordinalNotMet").asText(),
                "revision", 1));
    }

    /** What realization publishes for the requests of 20-dinsos-maluku-realisasi.requests. */
    static void realisasi(List<Request> requests) throws Exception {
        for (Request r : requests) {
            JsonNode body = PublishedEvents.JSON.readTree(r.body());
            String[] path = r.path().split("/");
            if (r.path().endsWith("/import")) {
                for (JsonNode row : body.path("rows")) {
                    recorded(row.path("indicator").asText(), row.path("year").asInt(), row.path("value"));
                }
            } else if (r.path().endsWith("/statements")) {
                // .../indicators/{code}/realisasi/{year}/{period}/statements
                String code = path[path.length - 5];
                send("sakip.realization.events", "sakip.realization.realisasi.statement.recorded.v1", ids.get(code), map(
                        "statementId", UUID.randomUUID().toString(), "indicatorId", ids.get(code), "agencyCode", AGENCY,
                        "indicatorCode", code, "year", Integer.parseInt(path[path.length - 3]), "period", path[path.length - 2],
                        "value", body.path("value"), "statedIn", body.path("statedIn").asText(), "note", body.path("note").asText(),
                        "revision", 1));
            } else {
                // .../indicators/{code}/realisasi/{year}
                recorded(path[path.length - 3], Integer.parseInt(path[path.length - 1]), body.path("value"));
            }
        }
    }

    static void recorded(String code, int year, JsonNode value) throws Exception {
        send("sakip.realization.events", "sakip.realization.realisasi.recorded.v1", ids.get(code), map("realisasiId",
                UUID.randomUUID().toString(), "indicatorId", ids.get(code), "agencyCode", AGENCY, "indicatorCode", code,
                "year", year, "period", "Y", "value", value, "revision", 1));
    }

    /** What budget publishes for the lines of 30-dinsos-maluku-budget.requests. */
    static void budget(List<Request> requests) throws Exception {
        for (Request r : requests) {
            JsonNode body = PublishedEvents.JSON.readTree(r.body());
            String[] path = r.path().split("/");
            String code = path[path.length - 1];
            int year = Integer.parseInt(path[path.length - 4]);
            String lineId = UUID.nameUUIDFromBytes((AGENCY + "/" + year + "/" + code).getBytes()).toString();
            BigDecimal pagu = body.path("pagu").decimalValue();
            BigDecimal spent = body.path("realisasi").decimalValue();
            List<Map<String, Object>> links = new ArrayList<>();
            body.path("links").forEach(l -> links.add(map("sasaranCode", l.path("sasaran").asText(),
                    "indicatorCode", l.path("indicator").asText(null),
                    "statedAbsorption", l.hasNonNull("statedAbsorption") ? l.path("statedAbsorption").decimalValue() : null)));
            String[] segments = code.split("\\.");
            // as budget publishes a line whose realisasi was given as a year total: known by the year, in no quarter
            boolean total = spent.signum() > 0;
            send("sakip.budget.events", "sakip.budget.line.changed.v3", lineId, map("lineId", lineId, "agencyCode", AGENCY,
                    "fiscalYear", year, "code", code, "name", body.path("name").asText(), "sipdKey", null,
                    "urusanName", body.path("urusanName").asText(), "bidangUrusanName", body.path("bidangUrusanName").asText(),
                    "programCode", String.join(".", List.of(segments).subList(0, 3)), "programName", body.path("programName").asText(),
                    "kegiatanCode", String.join(".", List.of(segments).subList(0, 5)), "kegiatanName", body.path("kegiatanName").asText(),
                    "unitCode", body.path("unit").path("code").asText(null), "unitName", body.path("unit").path("name").asText(null),
                    "fundingSource", body.path("fundingSource").asText(), "paguOriginal", pagu, "pagu", pagu, "paguVersion", 1,
                    "realisasi", spent, "absorption", pagu.signum() == 0 ? null
                            : spent.multiply(BigDecimal.valueOf(100)).divide(pagu, 2, RoundingMode.HALF_UP),
                    "absorptionComputable", pagu.signum() != 0, "statedAbsorption", null,
                    "rak", List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, pagu),
                    "realisasiByQuarter", total ? java.util.Collections.nCopies(4, null)
                            : List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO),
                    "realisasiKnownBy", total ? "year" : "month", "realisasiUndated", total ? spent : BigDecimal.ZERO,
                    "outputs", body.path("outputs"), "links", links, "revision", 1));
        }
    }

    /** Sends a reporting request as StackTool does: a 404 is retried while reporting learns the plan. */
    static Response call(Request r) throws InterruptedException {
        assertEquals("reporting", r.service(), r.toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            var spec = asAdmin().contentType(ContentType.JSON);
            Response response = (r.body().isEmpty() ? spec : spec.body(r.body())).request(r.method(), r.path());
            if (response.statusCode() != 404 || System.nanoTime() > deadline) {
                assertTrue(response.statusCode() >= 200 && response.statusCode() < 300, r + " -> " + response.asString());
                return response;
            }
            Thread.sleep(200);
        }
    }

    static int load(String file) throws Exception {
        int sent = 0;
        for (Request r : requests(file)) {
            call(r);
            sent++;
        }
        return sent;
    }

    static synchronized void seed() throws Exception {
        if (loaded) {
            return;
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        try {
            List<Request> planFile = requests("10-dinsos-maluku-plan.requests");
            assertEquals(1, planFile.size());
            plan(PublishedEvents.JSON.readTree(planFile.get(0).body()));
            realisasi(requests("20-dinsos-maluku-realisasi.requests"));
            budget(requests("30-dinsos-maluku-budget.requests"));
        } finally {
            producer.close();
        }
        // the model (results) and the documents (sections, budget lines, statements) the LKIP reads
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = null;
        while (true) {
            Response lkip = asAdmin().accept(ContentType.JSON).get(BASE + "/lkip");
            last = lkip.asString();
            if (lkip.statusCode() == 200 && complete(lkip.jsonPath())) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, "the demo never reached the LKIP whole: " + last);
            Thread.sleep(250);
        }
        assertEquals(6, load("40-dinsos-maluku-lkip.requests"));
        assertEquals(5 + 16, load("45-dinsos-maluku-stated-figures.requests"));
        loaded = true;
    }

    /** Every sasaran's tables with every year's figure, every budget line, the plan's tables, the policy's labels. */
    static boolean complete(JsonPath lkip) {
        Map<String, Integer> budgetRows = Map.of("S1", 11, "S2", 5, "S3", 2, "S4", 14, "S5", 3);
        for (String s : budgetRows.keySet()) {
            List<Object> renstra = lkip.getList("blocks.find { it.key == 'renstra-" + s + "' }.rows[0].display");
            List<Object> budget = lkip.getList("blocks.find { it.key == 'anggaran-" + s + "' }.rows");
            List<Object> lastYear = lkip.getList("blocks.find { it.key == 'perbandingan-" + s + "' }.rows[0].display");
            if (renstra == null || renstra.size() != 8 || renstra.contains("-") || budget == null
                    || budget.size() != budgetRows.get(s) || lastYear == null || "-".equals(lastYear.get(2))) {
                return false;
            }
        }
        List<Object> iku = lkip.getList("blocks.find { it.key == 'iku' }.rows");
        List<Object> pk = lkip.getList("blocks.find { it.key == 'perjanjian-kinerja' }.rows");
        List<Object> annex = lkip.getList("blocks.find { it.key == 'temuan-reviu' }.rows.collect { it[1].display }");
        return iku != null && iku.size() == 5 && pk != null && pk.size() == 5 && annex != null
                && annex.contains("same-fact-different-values") && annex.contains("total-not-sum-of-parts")
                && "Sangat Kurang".equals(lkip.getString("blocks.find { it.key == 'capaian-S3' }.rows[0][7].display"))
                && lkip.get("blocks.find { it.key == 'tujuan-sasaran' }") != null;
    }

    static String stated(String where) {
        return "find { it.rule == 'stated-figure-disagrees' && it.where == '" + where + "' }";
    }

    @Test
    void the_demo_stated_figures_are_kept_as_printed_and_loading_them_again_changes_nothing() throws Exception {
        seed();
        JsonPath kept = asAdmin().get(BASE + "/lkip/stated-figures").then().statusCode(200).extract().jsonPath();
        // Tabel 2.2 (5 targets) and 15 capaian and comparison tables of 3, 4 or 6 figures
        assertEquals(70, kept.getList("$").size());
        assertEquals(List.of("Tabel 2.2", "Tabel 3.1", "Tabel 3.2", "Tabel 3.3", "Tabel 3.5", "Tabel 3.6", "Tabel 3.7", "Tabel 3.9",
                "Tabel 3.9 (sasaran IV)", "Tabel 3.10", "Tabel 3.10 (sasaran IV)", "Tabel 3.11", "Tabel 3.11 (sasaran IV)",
                "Tabel 3.13", "Tabel 3.14", "Tabel 3.15"), kept.getList("statedIn").stream().distinct().toList());
        String tabel32 = "find { it.statedIn == 'Tabel 3.2' && it.figure == 'capaian' && it.year == 2021 }";
        assertEquals("141,18 %", kept.getString(tabel32 + ".stated"));
        assertEquals(141.18f, kept.getFloat(tabel32 + ".value"));
        assertEquals("%", kept.getString(tabel32 + ".unit"));
        assertEquals("IK1", kept.getString(tabel32 + ".indicator"));
        String tabel36 = "find { it.statedIn == 'Tabel 3.6' && it.figure == 'realisasi' && it.year == 2021 }";
        assertEquals("2", kept.getString(tabel36 + ".stated"));
        assertNull(kept.getString(tabel36 + ".unit"));
        assertEquals("Kegiatan", kept.getString("find { it.statedIn == 'Tabel 3.2' && it.figure == 'realisasi' && it.year == 2021 }.unit"));

        // the same file again: the same figures, not even rewritten
        load("45-dinsos-maluku-stated-figures.requests");
        JsonPath again = asAdmin().get(BASE + "/lkip/stated-figures").then().statusCode(200).extract().jsonPath();
        assertEquals(kept.getList("$"), again.getList("$"));
    }

    @Test
    void the_review_lists_where_the_seeds_printed_figures_disagree_with_the_computation() throws Exception {
        seed();
        JsonPath review = asAdmin().get(BASE + "/review").then().statusCode(200).extract().jsonPath();
        List<Map<String, String>> found = review.getList("findAll { it.rule == 'stated-figure-disagrees' }");
        List<String> lines = found.stream().map(f -> f.get("where") + " | " + f.get("stated") + " | " + f.get("computed") + " | "
                + f.get("severity")).toList();
        assertEquals(List.of(
                "Tabel 3.2, IK1, capaian 2021 | 141,18 % | tidak dapat dihitung: no target for the period | WARNING",
                "Tabel 3.6, IK2, capaian 2021 | 350 % | tidak dapat dihitung: no target for the period | WARNING",
                "Tabel 3.10, IK3, realisasi 2021 | 2 Lokasi | 3 lokasi | ERROR",
                "Tabel 3.10, IK3, capaian 2021 | 100 % | tidak dapat dihitung: no target for the period | WARNING",
                "Tabel 3.10, IK3, realisasi 2022 | 3 lokasi | 0 lokasi | ERROR",
                "Tabel 3.10 (sasaran IV), IK4, capaian 2021 | 100 % | tidak dapat dihitung: no target for the period | WARNING",
                "Tabel 3.14, IK5, capaian 2021 | 100 % | tidak dapat dihitung: no target for the period | WARNING"), lines);
        // the review's other classes still find the seed's other mistakes
        assertTrue(review.getList("rule").containsAll(List.of("stated-percent-disagrees", "total-not-sum-of-parts",
                "same-fact-different-values", "zero-over-zero", "narrative-names-another-year-or-agency")), review.prettify());
        assertEquals("79.81 %", review.getString("find { it.rule == 'stated-percent-disagrees' && it.stated == '98.91 %' }.computed"));
        // issue 23 point 8 (a new finding of the demo): the 547.279.000 line printed at 80 % under sasaran 1 and at
        // 98,91 % under sasaran 4; the 167.894.800 line's 88 % and 87,81 % are one figure rounded once
        String line = "Rehabilitasi Sosial Anak Berhadapan dengan Hukum \u2013 Penyediaan Permakanan (1.06.04.2.01.0010)";
        List<Map<String, String>> budget = review.getList("findAll { it.rule == 'same-fact-different-values' "
                + "&& it.where.startsWith('persentase') }");
        assertEquals(List.of("persentase realisasi anggaran (sasaran S1: " + line + " / sasaran S4: " + line + ")"),
                budget.stream().map(f -> f.get("where")).toList());
        assertEquals("sasaran S1: " + line + ": 80 %; sasaran S4: " + line + ": 98.91 %", budget.get(0).get("stated"));
    }

    @Test
    void the_draft_lkip_carries_them_in_its_findings_annex_and_the_final_one_does_not() throws Exception {
        seed();
        JsonPath draft = asAdmin().accept(ContentType.JSON).get(BASE + "/lkip").then().statusCode(200).extract().jsonPath();
        List<List<Map<String, Object>>> annex = draft.getList("blocks.find { it.key == 'temuan-reviu' }.rows");
        List<String> row = annex.stream().map(r -> r.stream().map(c -> (String) c.get("display")).toList())
                .filter(r -> r.get(2).equals("Tabel 3.2, IK1, capaian 2021")).findFirst().orElseThrow().stream().toList();
        assertEquals(List.of("stated-figure-disagrees", "Tabel 3.2, IK1, capaian 2021", "141,18 %",
                "tidak dapat dihitung: no target for the period", "warning"), row.subList(1, 6));
        assertTrue(annex.stream().anyMatch(r -> "Tabel 3.10, IK3, realisasi 2022".equals(r.get(2).get("display"))
                && "0 lokasi".equals(r.get(4).get("display"))));
        asAdmin().accept(ContentType.HTML).get(BASE + "/lkip").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("<td>Tabel 3.10, IK3, realisasi 2021</td><td>2 Lokasi</td><td>3 lokasi</td>"));
        JsonPath last = asAdmin().accept(ContentType.JSON).get(BASE + "/lkip?variant=final").then().statusCode(200).extract().jsonPath();
        assertNull(last.get("blocks.find { it.key == 'temuan-reviu' }"));
    }

    static List<String> row(JsonPath lkip, String table, int row) {
        List<Map<String, Object>> cells = lkip.getList("blocks.find { it.key == '" + table + "' }.rows[" + row + "]");
        return cells.stream().map(c -> (String) c.get("display")).toList();
    }

    /** Every table the seed prints, numbered by the generator, with the figures the system computes. */
    @Test
    void the_lkip_has_every_table_of_the_seed_with_the_computed_figures() throws Exception {
        seed();
        JsonPath lkip = asAdmin().accept(ContentType.JSON).get(BASE + "/lkip?variant=final").then().statusCode(200)
                .extract().jsonPath();
        Map<String, String> numbers = new LinkedHashMap<>();
        List<Map<String, Object>> tables = lkip.getList("blocks.findAll { it.type == 'table' }");
        tables.forEach(t -> numbers.put((String) t.get("key"), (String) t.get("number")));
        // BAB II as the seed: 2.1 tujuan and sasaran, 2.2 Perjanjian Kinerja, then the IKU
        assertEquals("2.1", numbers.get("tujuan-sasaran"));
        assertEquals("2.2", numbers.get("perjanjian-kinerja"));
        assertEquals("2.3", numbers.get("iku"));
        // BAB III per sasaran: capaian, last year, Renstra years, budget (the seed numbers sasaran IV's 3.9-3.12 twice)
        int n = 0;
        for (String s : List.of("S1", "S2", "S3", "S4", "S5")) {
            for (String table : List.of("capaian-", "perbandingan-", "renstra-", "anggaran-")) {
                assertEquals("3." + (++n), numbers.get(table + s), table + s + " in " + numbers);
            }
        }

        // Tabel 2.1: the Renstra's three tujuan and the five sasaran
        List<List<Map<String, Object>>> tujuan = lkip.getList("blocks.find { it.key == 'tujuan-sasaran' }.rows");
        assertEquals(List.of("1", "Meningkatkan manajemen institusi sosial dan sumber daya penyelenggara pelayanan kesejahteraan sosial."),
                row(lkip, "tujuan-sasaran", 0).subList(0, 2));
        assertEquals("Meningkatkan kualitas dan kuantitas pelayanan terhadap PPKS.", row(lkip, "tujuan-sasaran", 2).get(1));
        List<String> sasaranColumn = tujuan.stream().map(r -> (String) r.get(2).get("display")).toList();
        assertTrue(sasaranColumn.containsAll(List.of("Meningkatnya Kualitas Lembaga Penyelenggara Kesejahteraan Sosial",
                "Terlindunginya dan Tertanganinya Korban Bencana, Korban Tindak Kekerasan dan Orang Terlantar")), sasaranColumn.toString());
        assertEquals(5, sasaranColumn.stream().filter(s -> s.startsWith("Meningkatnya") || s.startsWith("Terla")
                || s.startsWith("Terli")).count(), sasaranColumn.toString());

        // Tabel 2.2: the agreement's five targets
        assertEquals(List.of("1", "Meningkatnya Kualitas Lembaga Penyelenggara Kesejahteraan Sosial",
                "Meningkatnya Kualitas Jangkauan Pelayanan Kesejahteraan Sosial", "19 kegiatan"), row(lkip, "perjanjian-kinerja", 0));
        assertEquals("150 KK", row(lkip, "perjanjian-kinerja", 4).get(3));

        // capaian tables (the seed's 3.1, 3.5, 3.9, second 3.9, 3.13): target, realisasi, capaian, category
        assertEquals(List.of("19", "19", "100,00 %", "100,00 %", "Sangat Baik"), row(lkip, "capaian-S1", 0).subList(3, 8));
        assertEquals(List.of("3", "3", "100,00 %"), row(lkip, "capaian-S2", 0).subList(3, 6));
        assertEquals(List.of("3", "0", "0,00 %", "0,00 %", "Sangat Kurang"), row(lkip, "capaian-S3", 0).subList(3, 8));
        assertEquals(List.of("3", "3", "100,00 %"), row(lkip, "capaian-S4", 0).subList(3, 6));
        assertEquals(List.of("150", "300", "200,00 %", "200,00 %", "Sangat Baik"), row(lkip, "capaian-S5", 0).subList(3, 8));

        // comparison with 2021 (the seed's 3.2, 3.6, 3.10, 3.14): no 2021 target, so no 2021 capaian
        assertEquals(List.of("24 kegiatan", "tidak dapat dihitung", "19 kegiatan", "100,00 %"), row(lkip, "perbandingan-S1", 0).subList(2, 6));
        assertEquals(List.of("2 kegiatan", "tidak dapat dihitung", "3 kegiatan", "100,00 %"), row(lkip, "perbandingan-S2", 0).subList(2, 6));
        assertEquals(List.of("3 lokasi", "tidak dapat dihitung", "0 lokasi", "0,00 %"), row(lkip, "perbandingan-S3", 0).subList(2, 6));
        assertEquals(List.of("285 KK", "tidak dapat dihitung", "300 KK", "200,00 %"), row(lkip, "perbandingan-S5", 0).subList(2, 6));

        // along the Renstra (the seed's 3.3, 3.7, 3.11, 3.15): realisasi up to 2022, targets after
        assertEquals(List.of("No", "Indikator Kinerja", "Realisasi 2019", "Realisasi 2020", "Realisasi 2021", "Realisasi 2022",
                "Target 2023", "Target 2024"), lkip.getList("blocks.find { it.key == 'renstra-S1' }.columns"));
        assertEquals(List.of("14 kegiatan", "24 kegiatan", "24 kegiatan", "19 kegiatan", "20 kegiatan", "18 kegiatan"),
                row(lkip, "renstra-S1", 0).subList(2, 8));
        assertEquals(List.of("8 kegiatan", "7 kegiatan", "2 kegiatan", "3 kegiatan", "4 kegiatan", "5 kegiatan"),
                row(lkip, "renstra-S2", 0).subList(2, 8));
        assertEquals(List.of("2 lokasi", "2 lokasi", "3 lokasi", "0 lokasi", "6 lokasi", "7 lokasi"), row(lkip, "renstra-S3", 0).subList(2, 8));
        assertEquals(List.of("16 KK", "16 KK", "285 KK", "300 KK", "175 KK", "200 KK"), row(lkip, "renstra-S5", 0).subList(2, 8));

        // budget tables (the seed's 3.4, 3.8, 3.12, second 3.12, 3.16) with computed percentages
        List<List<Map<String, Object>>> s4 = lkip.getList("blocks.find { it.key == 'anggaran-S4' }.rows");
        assertTrue(s4.stream().anyMatch(r -> "Rp 547.279.000".equals(r.get(3).get("display"))
                && "79,81 %".equals(r.get(5).get("display"))), s4.toString());
        assertTrue(s4.stream().anyMatch(r -> "Rp 1.123.840.000".equals(r.get(3).get("display"))
                && "70,00 %".equals(r.get(5).get("display"))));
        assertEquals(List.of("Rp 0", "Rp 0", "tidak dapat dihitung"), row(lkip, "anggaran-S3", 0).subList(3, 6));
        assertEquals(11, lkip.getList("blocks.find { it.key == 'anggaran-S1' }.rows").size()); // ten lines and the total
        assertEquals("Rp 2.273.902.414", row(lkip, "anggaran-S2", 3).get(3));
        assertEquals("99,48 %", row(lkip, "anggaran-S5", 1).get(5));
        // issue 23 point 5 (new in the demo): BAB III states the policy; no cap, so one number per capaian and one chart series
        List<String> policy = lkip.getList("blocks.find { it.type == 'list' && it.items[0].startsWith('Indikator berpolaritas') }.items");
        assertEquals("Capaian tidak dibatasi.", policy.get(5));
        assertEquals("Kategori menurut capaian: < 51 % Sangat Kurang; 51 % s.d. < 66 % Kurang; 66 % s.d. < 76 % Cukup; "
                + "76 % s.d. < 91 % Baik; >= 91 % Sangat Baik.", policy.get(7));
        assertEquals(List.of("Capaian (%)"), lkip.getList("blocks.find { it.key == 'capaian-sasaran' }.series.name"));
        // personnel tables of BAB I
        assertTrue(numbers.keySet().stream().filter(k -> k.startsWith("pegawai-")).count() >= 2, numbers.toString());
    }

    @Test
    void bad_stated_figures_are_problems_naming_the_row_and_change_nothing() throws Exception {
        seed();
        String before = asAdmin().get(BASE + "/lkip/stated-figures").then().statusCode(200).extract().asString();
        List<Map<String, Object>> rows = List.of(
                map("statedIn", "Tabel 3.2", "indicator", "IK1", "year", 2021, "figure", "capaian", "stated", "99 %"),
                map("statedIn", "Tabel 3.2", "indicator", "IK1", "year", 2021, "figure", "persen", "stated", "99 %"),
                map("statedIn", "Tabel 3.2", "indicator", "IK9", "year", 2021, "figure", "realisasi", "stated", "2"),
                map("statedIn", "Tabel 3.2", "indicator", "IK1", "year", 2022, "figure", "realisasi", "stated", "1.234 kegiatan"),
                map("statedIn", "Tabel 3.2", "indicator", "IK1", "year", 2022, "figure", "capaian", "stated", "24 Kegiatan"),
                map("statedIn", "Tabel 3.2", "indicator", "IK1", "year", 2022, "figure", "target", "stated", "19 KK"),
                map("statedIn", "Tabel 3.2", "indicator", "IK1", "year", 2021, "figure", "capaian", "stated", "98 %"),
                map("statedIn", "", "indicator", "IK1", "year", 1999, "figure", "target", "stated", ""));
        JsonPath problem = asAdmin().contentType(ContentType.JSON).body(Map.of("figures", rows)).put(BASE + "/lkip/stated-figures")
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertEquals(List.of("figures[1].figure", "figures[2].indicator", "figures[3].stated", "figures[4].stated",
                "figures[5].stated", "figures[6]", "figures[7].statedIn", "figures[7].year", "figures[7].stated"),
                problem.getList("errors.field"));
        assertTrue(problem.getString("errors.find { it.field == 'figures[3].stated' }.message").contains("ambiguous"));
        assertTrue(problem.getString("errors.find { it.field == 'figures[2].indicator' }.message").contains("IK9"));
        assertTrue(problem.getString("errors.find { it.field == 'figures[6]' }.message").contains("figures[0]"));
        assertTrue(problem.getString("detail").startsWith("9 error(s)"), problem.getString("detail"));
        assertEquals(before, asAdmin().get(BASE + "/lkip/stated-figures").asString());

        asAdmin().contentType(ContentType.JSON).body(Map.of("figures", List.of())).put(BASE + "/lkip/stated-figures")
                .then().statusCode(400).body("errors[0].field", is("figures"));
        asAdmin().contentType(ContentType.JSON).body("{\"figures\":[{\"statedIn\":\"Tabel 3.2\",\"indicator\":\"IK1\","
                + "\"year\":\"tahun lalu\",\"figure\":\"capaian\",\"stated\":\"1 %\"}]}").put(BASE + "/lkip/stated-figures")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("figures[0].year"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("figures", rows.subList(0, 1)))
                .put("/api/v1/agencies/nowhere/years/2022/lkip/stated-figures").then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(before, asAdmin().get(BASE + "/lkip/stated-figures").asString());
    }

    /**
     * /performance on the demo data is what the OpenAPI document promises a generated client (issue
     * 24): every null it holds (a quarter's RAK, last year's figures, the policy's cap...) is allowed
     * by the schema, and every property, always written, is required.
     */
    @Test
    void the_performance_answer_on_the_demo_data_agrees_with_its_schema() throws Exception {
        seed();
        JsonNode document = OpenApiWalk.document();
        JsonNode schema = document.at("/paths/~1api~1v1~1agencies~1{agency}~1years~1{year}~1performance/get/responses/200"
                + "/content/application~1json/schema");
        JsonNode answer = PublishedEvents.JSON.readTree(asAdmin().get(BASE + "/performance").then().statusCode(200)
                .extract().asString());
        assertEquals(List.of(), OpenApiWalk.answerMismatches(document, schema, answer, true));
        assertTrue(answer.at("/sasaran/0/indicators/0/lastYear").isObject(), answer.at("/sasaran/0/indicators/0").toString());
        assertTrue(answer.at("/policy/cap").isNull(), "the seed's policy never caps: " + answer.at("/policy"));
    }

    /**
     * The other read models on the demo data, each against the schema its operation's 200 names
     * (issue 24): every property is required (the records are written whole, nulls included) and
     * there, every null is allowed, no property is unlisted. The demo sets no efficiency by hand,
     * so the efficiency overrides have no answer to check here.
     */
    @Test
    void the_read_models_on_the_demo_data_agree_with_their_schemas() throws Exception {
        seed();
        JsonNode document = OpenApiWalk.document();
        String years = "/api/v1/agencies/{agency}/years/{year}";
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put(years + "/sasaran/{code}", BASE + "/sasaran/S4");
        answers.put(years + "/absorption", BASE + "/absorption?by=sasaran");
        answers.put("/api/v1/agencies/{agency}/trends", "/api/v1/agencies/" + AGENCY + "/trends?from=2021&to=2022");
        answers.put("/api/v1/province/years/{year}/agencies", "/api/v1/province/years/2022/agencies?q=" + AGENCY);
        answers.put(years + "/lkip/narratives", BASE + "/lkip/narratives");
        answers.put(years + "/lkip/stated-figures", BASE + "/lkip/stated-figures");
        answers.put(years + "/review", BASE + "/review");
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, String> operation : answers.entrySet()) {
            JsonNode schema = document.path("paths").path(operation.getKey()).at("/get/responses/200/content/application~1json/schema");
            assertFalse(schema.isMissingNode(), operation.getKey());
            String body = asAdmin().accept(ContentType.JSON).get(operation.getValue()).then().statusCode(200).extract().asString();
            JsonNode answer = PublishedEvents.JSON.readTree(body);
            assertTrue(answer.size() > 0, operation.getKey() + " answered nothing to check: " + body);
            OpenApiWalk.answerMismatches(document, schema, answer, true)
                    .forEach(mismatch -> mismatches.add(operation.getKey() + " " + mismatch));
        }
        assertEquals(List.of(), mismatches);
    }

    /**
     * The LKIP as JSON against its schema (issue 24: typed, not a free object): each block sets
     * only the properties of its kind, so they are optional and checked where present; a table of
     * numbers and a chart are both in the demo's report.
     */
    @Test
    void the_lkip_as_json_agrees_with_its_schema() throws Exception {
        seed();
        JsonNode document = OpenApiWalk.document();
        JsonNode schema = document.at("/paths/~1api~1v1~1agencies~1{agency}~1years~1{year}~1lkip/get/responses/200"
                + "/content/application~1json/schema");
        assertEquals("#/components/schemas/LkipDocument", schema.path("$ref").asText());
        JsonNode answer = PublishedEvents.JSON.readTree(asAdmin().accept(ContentType.JSON).get(BASE + "/lkip")
                .then().statusCode(200).extract().asString());
        assertEquals(List.of(), OpenApiWalk.answerMismatches(document, schema, answer, false));
        Set<String> kinds = new TreeSet<>();
        answer.get("blocks").forEach(block -> kinds.add(block.get("type").asText()));
        assertEquals(Set.of("chart", "heading", "list", "paragraph", "table"), kinds);
    }

    /** Last: it adds a table of its own to the demo's. */
    @Test
    @Order(Integer.MAX_VALUE)
    void planners_keep_stated_figures_the_agencys_readers_read_them() throws Exception {
        seed();
        String table = "Tabel 9.1 (uji)";
        Map<String, Object> body = Map.of("figures", List.of(
                map("statedIn", table, "indicator", "IK5", "year", 2022, "figure", "capaian", "stated", "150 %")));
        for (String role : List.of("operator", "verifier", "viewer", "integration")) {
            as(Tokens.user(role + ".demo").roles(role).agency(AGENCY).mint()).contentType(ContentType.JSON).body(body)
                    .put(BASE + "/lkip/stated-figures").then().statusCode(403).contentType("application/problem+json");
        }
        as(Tokens.user("planner.lain").roles("planner").agency("other-agency").mint()).contentType(ContentType.JSON).body(body)
                .put(BASE + "/lkip/stated-figures").then().statusCode(403);
        as(Tokens.user("dewi.planner").roles("planner").agency(AGENCY).mint()).contentType(ContentType.JSON).body(body)
                .put(BASE + "/lkip/stated-figures").then().statusCode(200)
                .body("find { it.statedIn == '" + table + "' }.writtenBy", is("dewi.planner"));
        for (String role : List.of("operator", "verifier", "viewer")) {
            as(Tokens.user(role + ".demo").roles(role).agency(AGENCY).mint()).get(BASE + "/lkip/stated-figures").then()
                    .statusCode(200).body("statedIn", hasItem(table));
        }
        asAdmin().get("/api/v1/request-audit?agency={a}&subject=dewi.planner", AGENCY).then().statusCode(200)
                .body("total", is(1)).body("items[0].path", is(BASE + "/lkip/stated-figures"));
        // 150 % where 200 % is computed: the review finds it at once
        asAdmin().get(BASE + "/review").then().statusCode(200)
                .body(stated(table + ", IK5, capaian 2022") + ".computed", is("200,00 %"));
        // the figures of that table replaced by others: the old ones are gone
        asAdmin().contentType(ContentType.JSON).body(Map.of("figures", List.of(
                        map("statedIn", table, "indicator", "IK5", "year", 2022, "figure", "realisasi", "stated", "300 KK"))))
                .put(BASE + "/lkip/stated-figures").then().statusCode(200);
        List<String> figures = asAdmin().get(BASE + "/lkip/stated-figures").jsonPath()
                .getList("findAll { it.statedIn == '" + table + "' }.figure");
        assertEquals(List.of("realisasi"), figures);
        assertFalse(asAdmin().get(BASE + "/review").asString().contains(table));
        assertEquals(71, asAdmin().get(BASE + "/lkip/stated-figures").jsonPath().getList("$").size());
    }

    /**
     * Issue 23, point 8: a program's and the year's budget totals, as a report printed them, are
     * checked against the sum of the demo's lines (deploy/demo/30-dinsos-maluku-budget.requests),
     * each line once although two of them serve two sasaran. Program 1.06.06 has two lines: pagu
     * 921.509.332 + 199.500.000 = 1.121.009.332, realisasi 886.979.332 + 198.468.000 = 1.085.447.332;
     * the 28 lines' pagu add up to 10.052.661.245 (with the two shared lines once: counted twice
     * they would give 10.767.835.045).
     */
    @Test
    void stated_budget_totals_are_checked_against_the_sum_of_their_lines() throws Exception {
        seed();
        String table = "Tabel 9.1 (jumlah anggaran)";
        String path = BASE + "/lkip/stated-totals";
        List<Map<String, Object>> totals = List.of(
                map("statedIn", table, "program", "1.06.06", "figure", "pagu", "stated", "Rp 1.121.009.332"),
                map("statedIn", table, "program", "1.06.06", "figure", "realisasi", "stated", "Rp. 1.085.447.000"),
                map("statedIn", table, "figure", "pagu", "stated", "Rp 10.052.661.245"),
                map("statedIn", table, "figure", "realisasi", "stated", "Rp 8.957.626.239"));
        JsonNode kept = PublishedEvents.JSON.readTree(asAdmin().contentType(ContentType.JSON).body(Map.of("totals", totals))
                .put(path).then().statusCode(200).extract().asString());
        List<String> values = new ArrayList<>();
        kept.forEach(t -> values.add(t.get("program").asText("jumlah") + " " + t.get("figure").asText() + " "
                + t.get("value").decimalValue().stripTrailingZeros().toPlainString()));
        assertEquals(List.of("1.06.06 pagu 1121009332", "1.06.06 realisasi 1085447000", "jumlah pagu 10052661245",
                "jumlah realisasi 8957626239"), values);
        JsonPath review = asAdmin().get(BASE + "/review").then().statusCode(200).extract().jsonPath();
        List<Map<String, String>> found = review.getList("findAll { it.rule == 'total-not-sum-of-parts' && it.where.startsWith('"
                + table + "') }");
        assertEquals(List.of(table + " / program 1.06.06 / realisasi | 1085447000 | 1085447332 | ERROR"),
                found.stream().map(f -> f.get("where") + " | " + f.get("stated") + " | " + f.get("computed") + " | "
                        + f.get("severity")).toList());

        // bad rows: each named, nothing changes
        List<Object> before = asAdmin().get(path).jsonPath().getList("$");
        asAdmin().contentType(ContentType.JSON).body(Map.of("totals", List.of(
                        map("statedIn", table, "program", "9.99.99", "figure", "pagu", "stated", "Rp 1"),
                        map("statedIn", table, "figure", "anggaran", "stated", "Rp 1"),
                        map("statedIn", table, "figure", "pagu", "stated", "Rp 1.5"),
                        map("statedIn", table, "figure", "realisasi", "stated", "Rp 1"),
                        map("statedIn", table, "figure", "realisasi", "stated", "Rp 2"))))
                .put(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("totals[0].program", "totals[1].figure", "totals[2].stated", "totals[4]"));
        assertEquals(before, asAdmin().get(path).jsonPath().getList("$"));

        // the table replaced by its right figures: the finding is gone
        asAdmin().contentType(ContentType.JSON).body(Map.of("totals", List.of(
                        map("statedIn", table, "program", "1.06.06", "figure", "realisasi", "stated", "Rp 1.085.447.332"))))
                .put(path).then().statusCode(200);
        assertFalse(asAdmin().get(BASE + "/review").asString().contains(table));
        as(Tokens.user("viewer.demo").roles("viewer").agency(AGENCY).mint()).contentType(ContentType.JSON)
                .body(Map.of("totals", totals)).put(path).then().statusCode(403);
    }
}
