package id.go.maluku.sakip.reporting;

import id.go.maluku.sakip.reporting.readmodel.RmDocument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.maluku.sakip.infra.PublishedEvents;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LKIP of an agency shaped like the seed's, built only from the events planning,
 * realization and budget publish: in HTML, PDF, XLSX and JSON, and its review.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class LkipTests {

    static final String AGENCY = "lkip-dinsos";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static KafkaProducer<String, String> producer;
    static String ik5Id;

    @BeforeAll
    static void seed() throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        JsonNode plan = PublishedEvents.JSON.readTree(Files.readString(Path.of("..", "deploy", "demo", "dinsos-maluku-plan.json")));
        String agencyId = UUID.randomUUID().toString();
        send("sakip.planning.events", "sakip.planning.agency.upserted.v1", agencyId,
                Map.of("agencyId", agencyId, "agencyCode", AGENCY, "name", "Dinas Sosial Provinsi Maluku"));
        for (String section : List.of("profile", "organisation", "personnel", "renstra")) {
            send("sakip.planning.events", "sakip.planning.section.upserted.v1", agencyId,
                    Map.of("agencyCode", AGENCY, "section", section, "content", plan.get(section), "revision", 1));
        }
        send("sakip.planning.events", "sakip.planning.province.upserted.v1", "maluku",
                Map.of("provinceCode", "maluku", "name", "Provinsi Maluku", "visi", plan.path("province").path("visi").asText(),
                        "misi", plan.path("province").path("misi")));
        String sasaranId = UUID.randomUUID().toString();
        send("sakip.planning.events", "sakip.planning.sasaran.upserted.v1", sasaranId,
                Map.of("sasaranId", sasaranId, "agencyCode", AGENCY, "code", "S5", "ordinal", 5,
                        "name", "Terlindunginya dan Tertanganinya Korban Bencana"));
        String indicatorId = UUID.randomUUID().toString();
        ik5Id = indicatorId;
        send("sakip.planning.events", "sakip.planning.indicator.upserted.v1", indicatorId,
                Map.of("indicatorId", indicatorId, "agencyCode", AGENCY, "sasaranId", sasaranId, "sasaranCode", "S5",
                        "code", "IK5", "name", "Tersalurnya Bantuan bagi Korban Bencana", "unit", "KK", "polarity", "positive"));
        send("sakip.planning.events", "sakip.planning.indicator.defined.v1", UUID.randomUUID().toString(),
                Map.of("indicatorId", UUID.randomUUID().toString(), "agencyCode", AGENCY, "sasaranCode", "S5", "code", "IKU5",
                        "name", "Persentase PMKS penerima manfaat program Perlindungan dan Jaminan sosial", "iku", true,
                        "formula", "Jumlah PMKS penerima manfaat / Populasi PMKS x 100", "dataSource", "Laporan Data",
                        "responsibleUnit", "Bidang Perlindungan dan Jaminan Sosial"));
        for (int[] t : new int[][]{{2022, 150}, {2023, 175}, {2024, 200}}) {
            send("sakip.planning.events", "sakip.planning.target.set.v1", indicatorId, Map.of("indicatorId", indicatorId,
                    "agencyCode", AGENCY, "indicatorCode", "IK5", "year", t[0], "value", t[1]));
        }
        send("sakip.planning.events", "sakip.planning.pk.changed.v1", agencyId, Map.of("pkId", UUID.randomUUID().toString(),
                "agencyCode", AGENCY, "year", 2022, "version", 1, "kind", "original",
                "items", List.of(Map.of("sasaranCode", "S5", "indicatorCode", "IK5", "target", 150))));
        for (int[] r : new int[][]{{2019, 16}, {2020, 16}, {2021, 285}, {2022, 300}}) {
            send("sakip.realization.events", "sakip.realization.realisasi.recorded.v1", indicatorId, Map.of(
                    "realisasiId", UUID.randomUUID().toString(), "indicatorId", indicatorId, "agencyCode", AGENCY,
                    "indicatorCode", "IK5", "year", r[0], "period", "Y", "value", r[1]));
        }
        send("sakip.realization.events", "sakip.realization.realisasi.statement.recorded.v1", indicatorId, Map.of(
                "statementId", UUID.randomUUID().toString(), "indicatorId", indicatorId, "agencyCode", AGENCY,
                "indicatorCode", "IK5", "year", 2022, "period", "Y", "value", 285, "statedIn", "Tabel 3.14"));
        // budget's own sample: a realisasi known only for the year, no quarter's amount (nulls)
        ObjectNode line = (ObjectNode) PublishedEvents.sample("sakip.budget.line.changed.v3").get("data");
        line.put("agencyCode", AGENCY);
        line.put("lineId", UUID.randomUUID().toString());
        ObjectNode link = PublishedEvents.JSON.createObjectNode().put("sasaranCode", "S5").put("indicatorCode", "IK5")
                .put("statedAbsorption", 98.91);
        line.putArray("links").add(link);
        send("sakip.budget.events", "sakip.budget.line.changed.v3", line.path("lineId").asText(),
                PublishedEvents.JSON.convertValue(line, Map.class));
    }

    /** The narrative goes through the REST API, which is up only once the tests run. */
    static void writeNarrative() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (asAdmin().contentType(ContentType.JSON).body(Map.of("text", "Laporan Kinerja Tahun Anggaran 2020 ini disusun ..."))
                .put("/api/v1/agencies/{a}/years/2022/lkip/narratives/kata-pengantar", AGENCY).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the agency never arrived");
            }
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void close() {
        producer.close();
    }

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

    static JsonPath awaitReport() throws InterruptedException {
        writeNarrative();
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            var response = asAdmin().accept(ContentType.JSON).get("/api/v1/agencies/{a}/years/2022/lkip", AGENCY);
            last = response.asString();
            if (response.statusCode() == 200 && last.contains("Rp 547.279.000") && last.contains("200,00 %")
                    && last.contains("Landasan Hukum") && last.contains("Tahun Anggaran 2020")) {
                return response.jsonPath();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the report never had every part: " + last);
    }

    @Test
    void the_report_in_json_carries_numbered_tables_with_computed_figures() throws Exception {
        JsonPath json = awaitReport();
        List<String> chapters = json.getList("blocks.findAll { it.type == 'heading' && it.level == 1 }.number");
        assertTrue(chapters.containsAll(List.of("BAB I", "BAB II", "BAB III", "BAB IV")), chapters.toString());
        assertEquals("200,00 %", json.getString("blocks.find { it.key == 'capaian-S5' }.rows[0][5].display"));
        assertEquals("79,81 %", json.getString("blocks.find { it.key == 'anggaran-S5' }.rows[0][5].display"));
        assertEquals(13, json.getList("blocks.find { it.type == 'list' && it.ordered }.items").size());
    }

    /**
     * A newer draft of the Perjanjian Kinerja does not replace the signed one in the report. In
     * 2023, which no other test of the agency reports on.
     */
    @Test
    void the_perjanjian_kinerja_printed_is_the_newest_signed_version_not_a_newer_draft() throws Exception {
        awaitReport();
        // version 1 is signed (the sample's signedAt), version 2 a draft
        send("sakip.planning.events", "sakip.planning.pk.changed.v1", UUID.randomUUID().toString(), Map.of(
                "pkId", UUID.randomUUID().toString(), "agencyCode", AGENCY, "year", 2023, "version", 1,
                "items", List.of(Map.of("sasaranCode", "S5", "indicatorCode", "IK5", "target", 175))));
        Map<String, Object> draft = new java.util.HashMap<>(Map.of("pkId", UUID.randomUUID().toString(),
                "agencyCode", AGENCY, "year", 2023, "version", 2, "kind", "revision", "revision", 3,
                "items", List.of(Map.of("sasaranCode", "S5", "indicatorCode", "IK5", "target", 999))));
        draft.put("signedAt", null);
        draft.put("signedBy", null);
        send("sakip.planning.events", "sakip.planning.pk.changed.v1", UUID.randomUUID().toString(), draft);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> RmDocument.findById(
                new RmDocument.Key(RmDocument.PK, AGENCY + "/2023/2"))) == null) {
            assertTrue(System.nanoTime() < deadline, "the draft was never kept");
            Thread.sleep(100);
        }
        JsonPath report = asAdmin().accept(ContentType.JSON).get("/api/v1/agencies/{a}/years/2023/lkip", AGENCY)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("175 KK", report.getString("blocks.find { it.key == 'perjanjian-kinerja' }.rows[0][3].display"));
        assertTrue(!report.prettify().contains("999 KK"), "the unsigned draft's target is not printed");
    }

    @Test
    void html_pdf_and_xlsx_are_the_same_report() throws Exception {
        awaitReport();
        asAdmin().accept(ContentType.HTML).get("/api/v1/agencies/{a}/years/2022/lkip", AGENCY).then().statusCode(200)
                .body(containsString("Rp 547.279.000")).body(containsString("<svg")).body(containsString("DAFTAR ISI"))
                .body(containsString("HASIL REVIU"));
        asAdmin().accept(ContentType.HTML).get("/api/v1/agencies/{a}/years/2022/lkip?variant=final", AGENCY).then()
                .statusCode(200).body(not(containsString("HASIL REVIU")));
        byte[] pdf = asAdmin().accept("application/pdf").get("/api/v1/agencies/{a}/years/2022/lkip", AGENCY)
                .then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Rp 547.279.000") && text.contains("79,81 %") && text.contains("Halaman 1 dari"), text);
        }
        byte[] xlsx = asAdmin().accept(XLSX).get("/api/v1/agencies/{a}/years/2022/lkip", AGENCY)
                .then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            boolean found = false;
            for (Sheet sheet : wb.getSheets().toList()) {
                for (Row row : sheet.read()) {
                    if (row.getCellCount() > 3 && row.getCell(3) != null
                            && row.getCell(3).getType() == org.dhatim.fastexcel.reader.CellType.NUMBER
                            && row.getCell(3).asNumber().compareTo(new BigDecimal("547279000")) == 0) {
                        found = true;
                    }
                }
            }
            assertTrue(found, "the pagu is stored as a number");
        }
    }

    @Test
    void the_review_lists_the_seeds_mistakes() throws Exception {
        awaitReport();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!asAdmin().get("/api/v1/agencies/{a}/years/2022/review", AGENCY).asString().contains("same-fact-different-values")) {
            assertTrue(System.nanoTime() < deadline, "the second statement never reached the review");
            Thread.sleep(200);
        }
        asAdmin().get("/api/v1/agencies/{a}/years/2022/review", AGENCY).then().statusCode(200)
                .body("rule", hasItem("stated-percent-disagrees"))
                .body("rule", hasItem("total-not-sum-of-parts"))
                .body("rule", hasItem("narrative-names-another-year-or-agency"))
                .body("find { it.rule == 'same-fact-different-values' }.where",
                        containsString("realisasi 2022 of IK5"))
                .body("find { it.rule == 'same-fact-different-values' }.stated",
                        org.hamcrest.Matchers.is("nilai yang dihitung: 300; Tabel 3.14: 285"))
                .body("find { it.rule == 'stated-percent-disagrees' }.stated", org.hamcrest.Matchers.is("98.91 %"))
                .body("find { it.rule == 'stated-percent-disagrees' }.computed", org.hamcrest.Matchers.is("79.81 %"));
    }

    /** Last: it changes the data the other tests read. */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void a_published_version_never_changes_and_publishing_again_makes_a_new_version() throws Exception {
        awaitReport();
        String base = "/api/v1/agencies/" + AGENCY + "/years/2022/lkip/publications";
        String checksum = asAdmin().post(base).then().statusCode(201).body("version", org.hamcrest.Matchers.is(1))
                .extract().path("checksum");
        byte[] v1 = asAdmin().accept(ContentType.JSON).get(base + "/1").then().statusCode(200).extract().asByteArray();
        assertEquals(checksum, id.go.maluku.sakip.reporting.service.PublicationService.sha256(v1));
        asAdmin().accept(ContentType.HTML).get(base + "/1").then().statusCode(200)
                .body(containsString("200,00 %")).body(not(containsString("HASIL REVIU")));
        byte[] pdf = asAdmin().accept("application/pdf").get(base + "/1").then().statusCode(200).extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));

        // the data change after publication: the live report follows, the published one does not
        String ik5 = ik5Id;
        send("sakip.realization.events", "sakip.realization.realisasi.recorded.v1", ik5, Map.of(
                "realisasiId", UUID.randomUUID().toString(), "indicatorId", ik5, "agencyCode", AGENCY,
                "indicatorCode", "IK5", "year", 2022, "period", "Y", "value", 330, "revision", 2));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!asAdmin().accept(ContentType.HTML).get("/api/v1/agencies/{a}/years/2022/lkip", AGENCY).asString().contains("220,00 %")) {
            assertTrue(System.nanoTime() < deadline, "the live report never showed the new realisasi");
            Thread.sleep(200);
        }
        byte[] v1Again = asAdmin().accept(ContentType.JSON).get(base + "/1").then().statusCode(200).extract().asByteArray();
        assertTrue(java.util.Arrays.equals(v1, v1Again), "a published version never changes");

        asAdmin().post(base).then().statusCode(201).body("version", org.hamcrest.Matchers.is(2));
        asAdmin().accept(ContentType.HTML).get(base + "/2").then().body(containsString("220,00 %"));
        asAdmin().get(base).then().body("version", org.hamcrest.Matchers.is(List.of(1, 2)))
                .body("[0].checksum", org.hamcrest.Matchers.is(checksum));
        asAdmin().contentType(ContentType.JSON).body("{}").put(base + "/1").then().statusCode(409)
                .contentType("application/problem+json");
        asAdmin().delete(base + "/1").then().statusCode(409);
        asAdmin().accept(ContentType.JSON).get(base + "/7").then().statusCode(404);
    }

    /**
     * BAB III prints the sasaran's efficiency after its budget table: capaian 300 / 150 = 200,00 %
     * with 436.802.132 of 547.279.000 spent (79,81 %): 100 - 79,81 = 20,19 %, ratio 200 / 79,81 =
     * 250,60 %. A figure set by hand needs a justification, is printed as such, and is versioned.
     */
    @Test
    void bab_iii_prints_the_efficiency_and_a_figure_set_by_hand_with_its_reason() throws Exception {
        awaitReport();
        String computed = "20,19 %: target tercapai dengan anggaran lebih sedikit dari pagu (100 % dikurangi serapan; "
                + "rasio capaian terhadap serapan 250,60 %)";
        assertTrue(efficiencyParagraph().equals("Efisiensi: " + computed + "."), efficiencyParagraph());
        String path = "/api/v1/agencies/{a}/years/2022/efficiency/{s}";
        // refused, and nothing changes: no reason, a reason that says nothing, a figure out of range, an unknown sasaran
        asAdmin().contentType(ContentType.JSON).body(Map.of("efficiency", 25)).put(path, AGENCY, "S5").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.hasItem("justification"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("efficiency", 25, "justification", "lihat data"))
                .put(path, AGENCY, "S5").then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("at least 20"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("efficiency", 100.5, "justification", "Sisa lelang permakanan tahun ini"))
                .put(path, AGENCY, "S5").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("efficiency"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("efficiency", 25, "justification", "Sisa lelang permakanan tahun ini"))
                .put(path, AGENCY, "S9").then().statusCode(404).contentType("application/problem+json");
        asAdmin().delete(path, AGENCY, "S5").then().statusCode(404);
        assertEquals(0, asAdmin().get("/api/v1/agencies/{a}/years/2022/efficiency", AGENCY).then().statusCode(200)
                .extract().jsonPath().getList("$").size());
        // set by hand: printed as such, its reason and the computed figure beside it
        asAdmin().contentType(ContentType.JSON).body(Map.of("efficiency", 25, "justification", "Sisa lelang permakanan tahun ini"))
                .put(path, AGENCY, "S5").then().statusCode(200).body("version", org.hamcrest.Matchers.is(1))
                .body("writtenBy", org.hamcrest.Matchers.notNullValue());
        assertEquals("Efisiensi (ditetapkan manual): 25,00 %. Alasan: Sisa lelang permakanan tahun ini. Perhitungan sistem: "
                + computed + ".", efficiencyParagraph());
        // the same again is no new version; withdrawing is one, and the computed figure is printed again
        asAdmin().contentType(ContentType.JSON).body(Map.of("efficiency", 25, "justification", "Sisa lelang permakanan tahun ini"))
                .put(path, AGENCY, "S5").then().statusCode(200).body("version", org.hamcrest.Matchers.is(1));
        asAdmin().delete(path, AGENCY, "S5").then().statusCode(200).body("version", org.hamcrest.Matchers.is(2))
                .body("efficiency", org.hamcrest.Matchers.nullValue());
        assertEquals("Efisiensi: " + computed + ".", efficiencyParagraph());
        assertEquals(List.of(1, 2), asAdmin().get("/api/v1/agencies/{a}/years/2022/efficiency", AGENCY).then().statusCode(200)
                .extract().jsonPath().getList("version"));
    }

    static String efficiencyParagraph() {
        List<String> texts = asAdmin().accept(ContentType.JSON).get("/api/v1/agencies/{a}/years/2022/lkip?variant=final", AGENCY)
                .then().statusCode(200).extract().jsonPath().getList("blocks.findAll { it.type == 'paragraph' }.text");
        return texts.stream().filter(t -> t.startsWith("Efisiensi")).findFirst().orElse("(none among " + texts + ")");
    }

    @Test
    void bad_requests_are_problems() {
        asAdmin().accept(ContentType.JSON).get("/api/v1/agencies/nowhere/years/2022/lkip").then().statusCode(404)
                .contentType("application/problem+json");
        asAdmin().accept(ContentType.JSON).get("/api/v1/agencies/{a}/years/2031/lkip", AGENCY).then().statusCode(422)
                .contentType("application/problem+json");
        asAdmin().accept("image/png").get("/api/v1/agencies/{a}/years/2022/lkip", AGENCY).then().statusCode(406);
    }
}
