package id.go.maluku.sakip.budget;

import id.go.maluku.sakip.budget.domain.SpendingEntry;
import id.go.maluku.sakip.platform.outbox.OutboxEvent;
import id.go.maluku.sakip.infra.Workbooks;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class BudgetImportTests {

    static final String BASE = "/api/v1/agencies/{agency}/years/2022/budget";
    static final io.restassured.path.json.config.JsonPathConfig BIG = new io.restassured.path.json.config.JsonPathConfig(
            io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL);
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Seed lines of table 3.12 in both number conventions, plus rows that must be rejected. */
    static final String LINES_CSV = """
            kode_sub_kegiatan;nama_sub_kegiatan;pagu;realisasi;persen;kode_unit;nama_unit;kode_sipd
            1.06.05.2.02.0001;Penyediaan Permakanan;Rp. 1.123.840.000;Rp. 786.717.400;70 %;uptd-ina-kaka;UPTD PSTW Ina Kaka;7001
            1.06.05.2.02.0004;Pemulasaraan;"Rp. 30,000,000.00";"Rp. 30,000,000.00";100%;uptd-ina-kaka;UPTD PSTW Ina Kaka;7002
            1.06.05.2.01.0003;Penyediaan Permakanan;Rp. 547.279.000;Rp. 436.802.132;98.91 %;uptd-hiti;UPTD PSBR Hiti-Hiti Hala-Hala;7003
            1.06.05.2.01.0007;Pemberian bimbingan fisik, mental, spiritual dan sosial;Rp. 346.546.089;Rp. 335.996.089;"96,95 %";uptd-hiti;UPTD PSBR Hiti-Hiti Hala-Hala;7004
            1.06.05.2.01.0008;Ambiguous;Rp. 1.234;0;;;;7005
            1.06.05.2.01.0009;Negative;-5.000.000;0;;;;7006
            1.06.5.2.01.0010;Bad code;Rp. 1.000.000;0;;;;7007
            1.06.05.2.01.0011;Over;Rp. 1.000.000;Rp. 2.000.000;;;;7008
            """;

    @Test
    void a_csv_with_both_number_conventions_is_imported_rejecting_ambiguous_rows_and_twice_is_harmless() {
        JsonPath report = importCsv("imp-a", "lines", null, LINES_CSV).then().statusCode(200).extract().jsonPath().using(BIG);
        assertEquals(8, report.getInt("rows"));
        assertEquals(4, report.getInt("created"));
        assertEquals(4, report.getInt("rejected"));
        assertEquals(List.of(6, 7, 8, 9), report.getList("results.line"));
        assertEquals(List.of("pagu", "pagu", "kode_sub_kegiatan", "realisasi"), report.getList("results.collect { it.errors[0].field }", String.class));
        assertEquals(true, report.getString("results[0].errors[0].message").contains("ambiguous"));

        JsonPath budget = asAdmin().get(BASE, "imp-a").then().statusCode(200).extract().jsonPath().using(BIG);
        assertEquals(4, budget.getInt("lines.size()"));
        assertEquals(new BigDecimal("2047665089.00"), budget.getObject("totalPagu", BigDecimal.class));
        assertEquals(new BigDecimal("1589515621.00"), budget.getObject("totalRealisasi", BigDecimal.class));
        Map<String, Object> permakanan = line(budget, "1.06.05.2.01.0003");
        assertEquals(new BigDecimal("79.81"), permakanan.get("absorption"));
        // the source said 98.91 %: kept as stated, next to the computed 79.81
        assertEquals(new BigDecimal("98.91"), permakanan.get("statedAbsorption"));
        assertEquals("7003", permakanan.get("sipdKey"));
        assertEquals(new BigDecimal("100.00"), line(budget, "1.06.05.2.02.0004").get("absorption"));
        assertEquals(new BigDecimal("96.95"), line(budget, "1.06.05.2.01.0007").get("statedAbsorption"));
        assertEquals("UPTD PSTW Ina Kaka", ((Map<?, ?>) line(budget, "1.06.05.2.02.0001").get("unit")).get("name"));

        long events = outboxCount();
        JsonPath again = importCsv("imp-a", "lines", null, LINES_CSV).then().statusCode(200).extract().jsonPath().using(BIG);
        assertEquals(0, again.getInt("created"));
        assertEquals(0, again.getInt("updated"));
        assertEquals(4, again.getInt("unchanged"));
        assertEquals(4, again.getInt("rejected"));
        assertEquals(events, outboxCount());
        asAdmin().get(BASE, "imp-a").then().body("totalRealisasi", is(1589515621.00f)).body("lines.size()", is(4));
    }

    @Test
    void spending_rows_are_streamed_in_chunks_and_the_same_batch_twice_is_a_reported_no_op() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Penyediaan Permakanan", "pagu", 10000000))
                .put(BASE + "/lines/{code}", "imp-b", "1.06.06.2.01.0002").then().statusCode(201);
        StringBuilder csv = new StringBuilder("id_transaksi,kode_sub_kegiatan,tanggal,nilai,no_sp2d\n");
        // 2500 rows of 1.000,00 (both conventions alternate), over 3 chunks of the test's chunk size
        for (int i = 1; i <= 2500; i++) {
            String amount = i % 2 == 0 ? "\"Rp. 1.000,00\"" : "\"Rp 1,000.00\"";
            csv.append("T").append(i).append(",1.06.06.2.01.0002,2022-").append(String.format("%02d", 1 + i % 12))
                    .append("-15,").append(amount).append(",SP2D-").append(i).append('\n');
        }
        csv.append("U1,1.06.06.2.01.0099,2022-03-01,500,SP2D-U\n");       // line 2502: unknown line
        csv.append("B1,1.06.06.2.01.0002,2022-03-01,\"Rp. 7.500.001\",SP2D-B\n"); // line 2503: beyond the pagu
        csv.append("N1,1.06.06.2.01.0002,2022-03-01,-100,SP2D-N\n");      // line 2504: negative
        csv.append("D1,1.06.06.2.01.0002,31/02/2022,100,SP2D-D\n");       // line 2505: no such date

        long beforeDry = outboxCount();
        JsonPath dry = importCsv("imp-b", "spending", "dry", csv.toString(), true).then().statusCode(200).extract().jsonPath().using(BIG);
        assertEquals(2500, dry.getInt("created"));
        assertEquals(4, dry.getInt("rejected"));
        assertEquals(true, dry.getBoolean("dryRun"));
        asAdmin().get(BASE, "imp-b").then().body("totalRealisasi", is(0.00f));
        assertEquals(beforeDry, outboxCount(), "a dry run publishes nothing");

        JsonPath first = importCsv("imp-b", "spending", "sipd-2022-11-01", csv.toString()).then().statusCode(200)
                .extract().jsonPath().using(BIG);
        assertEquals(2504, first.getInt("rows"));
        assertEquals(2500, first.getInt("created"));
        assertEquals(false, first.getBoolean("duplicateBatch"));
        assertEquals(List.of(2502, 2503, 2504, 2505), first.getList("results.line"));
        assertEquals(List.of("kode_sub_kegiatan", "nilai", "nilai", "tanggal"),
                first.getList("results.collect { it.errors[0].field }"));
        asAdmin().get(BASE, "imp-b").then().body("totalRealisasi", is(2500000.00f)).body("absorption", is(25.00f))
                // 2500 rows over 12 months: month m gets the rows with i % 12 == m - 1
                .body("lines[0].months[0]", is(208000.00f)).body("lines[0].quarters[0].realisasi", is(626000.00f));

        long events = outboxCount();
        JsonPath repeat = importCsv("imp-b", "spending", "sipd-2022-11-01", csv.toString()).then().statusCode(200)
                .extract().jsonPath().using(BIG);
        assertEquals(true, repeat.getBoolean("duplicateBatch"));
        assertEquals(2500, repeat.getInt("created"));
        // the same file under a new batch id: every row is already there
        JsonPath again = importCsv("imp-b", "spending", "sipd-2022-11-02", csv.toString()).then().statusCode(200)
                .extract().jsonPath().using(BIG);
        assertEquals(false, again.getBoolean("duplicateBatch"));
        assertEquals(2500, again.getInt("unchanged"));
        assertEquals(0, again.getInt("created"));
        assertEquals(events, outboxCount());
        asAdmin().get(BASE, "imp-b").then().body("totalRealisasi", is(2500000.00f));
    }

    @Test
    void a_file_that_is_not_utf8_or_lacks_columns_is_refused_whole_and_changes_nothing() {
        long events = outboxCount();
        byte[] latin1 = ("kode_sub_kegiatan,nama_sub_kegiatan,pagu\n1.06.05.2.01.0001,Ok,100\n"
                + "1.06.05.2.01.0002,Pemulasaraan Lansia \u00e9,200\n").getBytes(StandardCharsets.ISO_8859_1);
        asAdmin().contentType("text/csv").body(latin1).post(BASE + "/imports", "imp-c").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("file"))
                .body("detail", org.hamcrest.Matchers.containsString("line 3"));
        importCsv("imp-c", "lines", null, "kode_sub_kegiatan,nama_sub_kegiatan\n1.06.05.2.01.0001,x\n").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("pagu"));
        importCsv("imp-c", "spending", null, "kode_sub_kegiatan,tanggal\n").then().statusCode(400)
                .body("errors.field", contains("id_transaksi", "nilai"));
        asAdmin().contentType(XLSX).body("not a workbook".getBytes(StandardCharsets.UTF_8)).post(BASE + "/imports", "imp-c")
                .then().statusCode(400).body("errors.field", hasItem("file"));
        asAdmin().get(BASE, "imp-c").then().body("lines.size()", is(0));
        assertEquals(events, outboxCount());

        // a spending file in the wrong encoding: refused whole, not one of its rows is counted
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Lansia", "pagu", 1000000))
                .put(BASE + "/lines/{code}", "imp-c2", "1.06.05.2.01.0002").then().statusCode(201);
        long afterLine = outboxCount();
        byte[] spending = ("id_transaksi,kode_sub_kegiatan,tanggal,nilai,no_sp2d\nE1,1.06.05.2.01.0002,2022-03-01,100,SP2D-1\n"
                + "E2,1.06.05.2.01.0002,2022-03-02,200,SP2D-2 Pemulasaraan \u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        asAdmin().contentType("text/csv").body(spending).queryParam("kind", "spending").post(BASE + "/imports", "imp-c2")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("file"))
                .body("detail", org.hamcrest.Matchers.containsString("line 3"));
        asAdmin().get(BASE, "imp-c2").then().body("totalRealisasi", is(0.00f));
        assertEquals(afterLine, outboxCount());
    }

    @Test
    void an_xlsx_export_is_read_with_number_cells_and_text_in_both_conventions() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("Sheet1");
        String[] header = {"Kode Sub Kegiatan", "Nama Sub Kegiatan", "Pagu", "Realisasi", "Persen", "Sumber Dana"};
        for (int c = 0; c < header.length; c++) {
            sheet.value(0, c, header[c]);
        }
        sheet.value(1, 0, "1.06.06.2.01.0002");
        sheet.value(1, 1, "Penyediaan Permakanan");
        sheet.value(1, 2, new BigDecimal("199500000"));
        sheet.value(1, 3, new BigDecimal("198468000"));
        sheet.value(1, 4, "99,48 %");
        sheet.value(2, 0, "1.06.06.2.02.0001");
        sheet.value(2, 1, "Fasilitasi pemulangan warga negara migran");
        sheet.value(2, 2, "Rp. 167.894.800");
        sheet.value(2, 3, "Rp. 147,435,800.00");
        sheet.value(2, 4, "87.81%");
        sheet.value(2, 5, "APBN Dekonsentrasi");
        sheet.value(3, 0, "1.06.06.2.02.0002");
        sheet.value(3, 1, "Ambiguous");
        sheet.value(3, 2, "1,234");
        workbook.finish();

        JsonPath report = asAdmin().contentType(XLSX).body(out.toByteArray()).queryParam("batchId", "xlsx-1")
                .post(BASE + "/imports", "imp-d").then().statusCode(200).extract().jsonPath().using(BIG);
        assertEquals(2, report.getInt("created"));
        assertEquals(List.of(4), report.getList("results.line"));
        JsonPath budget = asAdmin().get(BASE, "imp-d").then().extract().jsonPath().using(BIG);
        assertEquals(new BigDecimal("367394800.00"), budget.getObject("totalPagu", BigDecimal.class));
        assertEquals(new BigDecimal("99.48"), line(budget, "1.06.06.2.01.0002").get("absorption"));
        assertEquals(new BigDecimal("87.81"), line(budget, "1.06.06.2.02.0001").get("absorption"));
        assertEquals(new BigDecimal("87.81"), line(budget, "1.06.06.2.02.0001").get("statedAbsorption"));
        assertEquals("APBN_DEKONSENTRASI", line(budget, "1.06.06.2.02.0001").get("fundingSource"));
    }

    @Test
    void a_pushed_batch_reports_every_row_supports_dry_run_and_is_applied_once() {
        List<Map<String, Object>> lines = List.of(
                Map.of("sipdKey", "9001", "code", "1.06.05.2.01.0001", "name", "Penyediaan Makanan Bagi Anak dalam panti",
                        "pagu", 654674900),
                Map.of("sipdKey", "9002", "code", "1.06.05.2.01.0002", "name", "Sandang", "pagu", 100000000,
                        "fundingSource", "DAK_NON_FISIK"),
                Map.of("code", "1.06.05.2.1.0003", "name", "Bad code", "pagu", 1));
        List<Map<String, Object>> spending = new ArrayList<>();
        spending.add(Map.of("sourceKey", "SP2D-001", "lineSipdKey", "9001", "date", "2022-04-11", "amount", 602670756));
        spending.add(Map.of("sourceKey", "SP2D-002", "lineCode", "1.06.05.2.01.0002", "date", "2022-07-01", "amount", 99790000));
        spending.add(Map.of("sourceKey", "SP2D-003", "lineCode", "1.06.05.2.01.0002", "date", "2022-07-02", "amount", 210001));
        spending.add(Map.of("sourceKey", "SP2D-004", "lineCode", "1.06.05.2.01.0077", "date", "2022-07-02", "amount", 1));
        spending.add(Map.of("sourceKey", "SP2D-005", "lineCode", "1.06.05.2.01.0002", "date", "2022-07-02", "amount", -1));
        Map<String, Object> body = new HashMap<>(Map.of("batchId", "push-1", "dryRun", true, "lines", lines,
                "spending", spending));

        long events = outboxCount();
        JsonPath dry = asAdmin().contentType(ContentType.JSON).body(body).post(BASE + "/batches", "imp-e").then()
                .statusCode(200).extract().jsonPath().using(BIG);
        assertEquals(List.of("created", "created", "rejected", "created", "created", "rejected", "rejected", "rejected"),
                dry.getList("results.status"));
        asAdmin().get(BASE, "imp-e").then().body("lines.size()", is(0));
        assertEquals(events, outboxCount());

        body.put("dryRun", false);
        JsonPath first = asAdmin().contentType(ContentType.JSON).body(body).post(BASE + "/batches", "imp-e").then()
                .statusCode(200).extract().jsonPath().using(BIG);
        assertEquals(4, first.getInt("created"));
        assertEquals(4, first.getInt("rejected"));
        assertEquals(List.of("code", "amount", "lineCode", "amount"), List.of(
                first.getString("results[2].errors[0].field"), first.getString("results[5].errors[0].field"),
                first.getString("results[6].errors[0].field"), first.getString("results[7].errors[0].field")));
        asAdmin().get(BASE, "imp-e").then().body("totalRealisasi", is(702460756.00f)).body("totalPagu", is(754674900.00f));

        long afterFirst = outboxCount();
        JsonPath repeat = asAdmin().contentType(ContentType.JSON).body(body).post(BASE + "/batches", "imp-e").then()
                .statusCode(200).extract().jsonPath().using(BIG);
        assertEquals(true, repeat.getBoolean("duplicateBatch"));
        assertEquals(4, repeat.getInt("created"));
        assertEquals(afterFirst, outboxCount());
        asAdmin().get(BASE, "imp-e").then().body("totalRealisasi", is(702460756.00f))
                .body("lines.find { it.code == '1.06.05.2.01.0002' }.fundingSource", is("DAK_NON_FISIK"));

        // the same rows under a new batch id (e-budgeting sends them again): idempotent by the
        // source's keys, not by the batch: every accepted row is unchanged and nothing is counted twice
        body.put("batchId", "push-2");
        JsonPath resent = asAdmin().contentType(ContentType.JSON).body(body).post(BASE + "/batches", "imp-e").then()
                .statusCode(200).extract().jsonPath().using(BIG);
        assertEquals(false, resent.getBoolean("duplicateBatch"));
        assertEquals(0, resent.getInt("created"));
        assertEquals(List.of("unchanged", "unchanged", "rejected", "unchanged", "unchanged", "rejected", "rejected",
                "rejected"), resent.getList("results.status"));
        assertEquals(afterFirst, outboxCount());
        JsonPath budget = asAdmin().get(BASE, "imp-e").then().extract().jsonPath().using(BIG);
        assertEquals(new BigDecimal("702460756.00"), budget.getObject("totalRealisasi", BigDecimal.class));
        assertEquals(new BigDecimal("754674900.00"), budget.getObject("totalPagu", BigDecimal.class));
        assertEquals(2, budget.getInt("lines.size()"));
    }

    /** Found by the fuzz test (deploy/e2e FuzzIT): a unit code over its column's 64 characters was a 500. */
    @Test
    void a_pushed_line_with_a_text_longer_than_its_column_is_a_rejected_row_naming_the_field() {
        Map<String, Object> tooLong = new HashMap<>(Map.of("code", "1.06.05.2.01.0001", "name", "Penyediaan Makanan",
                "pagu", 1000, "unitCode", "u".repeat(65), "unitName", "UPTD", "programName", "p".repeat(1001)));
        Map<String, Object> fits = Map.of("code", "1.06.05.2.01.0002", "name", "Sandang", "pagu", 2000,
                "unitCode", "u".repeat(64), "unitName", "UPTD");
        JsonPath result = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("batchId", "push-long", "lines", List.of(tooLong, fits)))
                .post(BASE + "/batches", "imp-long").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("rejected", "created"), result.getList("results.status"));
        assertEquals(List.of("unitCode", "programName"), result.getList("results[0].errors.field"));
        assertEquals("is longer than 64 characters", result.getString("results[0].errors[0].message"));
        asAdmin().get(BASE, "imp-long").then().body("lines.code", contains("1.06.05.2.01.0002"));
    }

    /** Found by the fuzz test: a batch under an agency code longer than any column holds was a 500. */
    @Test
    void an_agency_code_longer_than_64_characters_is_a_400_naming_it() {
        String agency = "a".repeat(65);
        asAdmin().contentType(ContentType.JSON).body(Map.of("batchId", "push-agency", "lines", List.of(Map.of(
                        "code", "1.06.05.2.01.0001", "name", "Penyediaan Makanan", "pagu", 1000))))
                .post(BASE + "/batches", agency).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("agency")).body("errors[0].message", is("is longer than 64 characters"));
        asAdmin().get(BASE, "a".repeat(64)).then().statusCode(200).body("lines.size()", is(0));
    }

    @Test
    void a_second_file_corrects_and_moves_entries_and_each_chunk_publishes_each_changed_line_once() throws Exception {
        String l1 = "1.06.06.2.01.0001", l2 = "1.06.06.2.01.0003";
        for (String code : List.of(l1, l2)) {
            asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Line " + code, "pagu", 1000000))
                    .put(BASE + "/lines/{code}", "imp-f", code).then().statusCode(201);
        }
        // 1500 rows, two chunks at the test's chunk size of 1000: odd keys on l1, even keys on l2
        StringBuilder csv = new StringBuilder("id_transaksi,kode_sub_kegiatan,tanggal,nilai,no_sp2d\n");
        for (int i = 1; i <= 1500; i++) {
            String reference = i == 1 ? "\"SP2D\\1\ttab, \"\"quoted\"\"\"" : "SP2D-" + i;
            csv.append('K').append(i).append(',').append(i % 2 == 1 ? l1 : l2).append(",2022-05-0").append(1 + i % 9)
                    .append(",100,").append(reference).append('\n');
        }
        long before = outboxCount();
        JsonPath first = importCsv("imp-f", "spending", null, csv.toString()).then().statusCode(200).extract().jsonPath();
        assertEquals(1500, first.getInt("created"));
        // two lines changed in each of the two chunks: a v1 and a v3 event each
        assertEquals(before + 8, outboxCount());

        String again = "id_transaksi,kode_sub_kegiatan,tanggal,nilai,no_sp2d\n"
                + "K1," + l1 + ",2022-05-02,250,SP2D-K1\n"     // corrected amount (and reference)
                + "K2," + l1 + ",2022-05-03,100,SP2D-2\n"      // moved from l2 to l1
                + "K3," + l1 + ",2022-05-04,100,SP2D-3\n"      // as stored
                + "K9999," + l2 + ",2022-07-01,50,SP2D-9999\n" // new, in triwulan III
                + "K3," + l1 + ",2022-05-04,990000,SP2D-3\n";  // beyond l1's pagu: refused, K3 stays
        JsonPath second = importCsv("imp-f", "spending", null, again).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(1, 2, 1, 1), List.of(second.getInt("created"), second.getInt("updated"),
                second.getInt("unchanged"), second.getInt("rejected")));
        assertEquals(List.of(6), second.getList("results.line"));
        assertEquals(before + 12, outboxCount());

        JsonPath budget = asAdmin().get(BASE, "imp-f").then().statusCode(200).extract().jsonPath().using(BIG);
        assertEquals(new BigDecimal("75250.00"), line(budget, l1).get("realisasi"));
        assertEquals(new BigDecimal("74950.00"), line(budget, l2).get("realisasi"));
        // the entries' sum is the realisasi: the July entry shows in l2's months
        assertEquals(new BigDecimal("50.00"), ((List<?>) line(budget, l2).get("months")).get(6));

        String firstReference = QuarkusTransaction.requiringNew().call(() -> SpendingEntry.<SpendingEntry>find(
                "agencyCode = ?1 and sourceKey = ?2", "imp-f", "K9999").firstResult().reference);
        assertEquals("SP2D-9999", firstReference);
        String lineId = (String) line(budget, l1).get("id");
        OutboxEvent last = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find(
                "aggregateId = ?1 and eventType = ?2 order by id desc", lineId, "sakip.budget.line.upserted.v1").firstResult());
        var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(last.payload).path("data");
        assertEquals(0, new BigDecimal("75250").compareTo(data.path("realisasi").decimalValue()));
        assertEquals(4, data.path("revision").asInt());
        // the second chunk of the first file carried l1's quarters over from the first chunk: 750 x 100 in May
        var afterFirstFile = v3(lineId, 3);
        assertEquals(0, new BigDecimal("75000").compareTo(afterFirstFile.path("realisasiByQuarter").get(1).decimalValue()));
        var l2Now = v3((String) line(budget, l2).get("id"), 4);
        assertEquals(List.of("0.00", "74900.00", "50.00", "0.00"), List.of(l2Now.path("realisasiByQuarter").get(0).decimalValue()
                .setScale(2).toPlainString(), l2Now.path("realisasiByQuarter").get(1).decimalValue().setScale(2).toPlainString(),
                l2Now.path("realisasiByQuarter").get(2).decimalValue().setScale(2).toPlainString(),
                l2Now.path("realisasiByQuarter").get(3).decimalValue().setScale(2).toPlainString()));
    }

    /**
     * A line with a year total and a line with dated entries only, both given dated rows by one
     * import of two chunks: the second chunk's events come from the quarters carried over from the
     * first, and say what a sum from scratch says (the year-total line known by the year, with no
     * quarter; the other by month), never the total in the fourth quarter.
     */
    @Test
    void an_import_keeps_a_year_total_out_of_the_quarters_from_chunk_to_chunk() throws Exception {
        String total = "1.06.06.2.01.0005", dated = "1.06.06.2.01.0006";
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Year total", "pagu", 1000000, "realisasi", 400000))
                .put(BASE + "/lines/{code}", "imp-t", total).then().statusCode(201);
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Dated", "pagu", 1000000))
                .put(BASE + "/lines/{code}", "imp-t", dated).then().statusCode(201);
        // 1500 rows, two chunks of 1000: odd keys on the year-total line in February, even keys on the other in August
        StringBuilder csv = new StringBuilder("id_transaksi,kode_sub_kegiatan,tanggal,nilai,no_sp2d\n");
        for (int i = 1; i <= 1500; i++) {
            csv.append('T').append(i).append(',').append(i % 2 == 1 ? total : dated)
                    .append(i % 2 == 1 ? ",2022-02-10" : ",2022-08-10").append(",10,SP2D-").append(i).append('\n');
        }
        importCsv("imp-t", "spending", null, csv.toString()).then().statusCode(200).body("created", is(1500));

        JsonPath budget = asAdmin().get(BASE, "imp-t").then().statusCode(200).extract().jsonPath().using(BIG);
        String totalId = (String) line(budget, total).get("id"), datedId = (String) line(budget, dated).get("id");
        // revision 1 created the line, 2 and 3 are the two chunks
        var firstChunk = v3(totalId, 2);
        assertEquals("year", firstChunk.path("realisasiKnownBy").asText());
        assertEquals(0, new BigDecimal("405000").compareTo(firstChunk.path("realisasi").decimalValue()));
        var afterImport = v3(totalId, 3);
        assertEquals("year", afterImport.path("realisasiKnownBy").asText());
        assertEquals(0, new BigDecimal("400000").compareTo(afterImport.path("realisasiUndated").decimalValue()));
        assertEquals(0, new BigDecimal("407500").compareTo(afterImport.path("realisasi").decimalValue()));
        assertEquals(4, afterImport.path("realisasiByQuarter").size(), afterImport::toString);
        afterImport.path("realisasiByQuarter").forEach(q -> assertEquals(true, q.isNull(), afterImport::toString));
        var datedAfterImport = v3(datedId, 3);
        assertEquals("month", datedAfterImport.path("realisasiKnownBy").asText());
        assertEquals(0, BigDecimal.ZERO.compareTo(datedAfterImport.path("realisasiUndated").decimalValue()));
        assertEquals(List.of("0.00", "0.00", "7500.00", "0.00"), quarters(datedAfterImport));
        assertEquals("year", line(budget, total).get("realisasiKnownBy"));

        // a change outside the import sums the entries from scratch: the same figures as the carried ones
        for (String code : List.of(total, dated)) {
            asAdmin().contentType(ContentType.JSON).body(Map.of("q1", 100000, "q2", 100000, "q3", 100000, "q4", 100000))
                    .put(BASE + "/lines/{code}/rak", "imp-t", code).then().statusCode(200);
        }
        var totalFresh = v3(totalId, 4);
        var datedFresh = v3(datedId, 4);
        for (String field : List.of("realisasiKnownBy", "realisasiUndated", "realisasiByQuarter", "realisasi")) {
            assertEquals(afterImport.path(field), totalFresh.path(field), field);
            assertEquals(datedAfterImport.path(field), datedFresh.path(field), field);
        }
    }

    static List<String> quarters(com.fasterxml.jackson.databind.JsonNode data) {
        List<String> quarters = new ArrayList<>();
        data.path("realisasiByQuarter").forEach(q -> quarters.add(q.isNull() ? null
                : q.decimalValue().setScale(2).toPlainString()));
        return quarters;
    }

    /** The data of the line's v3 event of the given revision. */
    static com.fasterxml.jackson.databind.JsonNode v3(String lineId, int revision) throws Exception {
        List<OutboxEvent> events = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "aggregateId = ?1 and eventType = ?2", lineId, "sakip.budget.line.changed.v3"));
        for (OutboxEvent e : events) {
            var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(e.payload).path("data");
            if (data.path("revision").asInt() == revision) {
                return data;
            }
        }
        throw new AssertionError("no v3 event of revision " + revision + " for line " + lineId);
    }

    @Test
    void a_reference_with_tabs_backslashes_and_quotes_is_stored_as_written() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Line", "pagu", 1000))
                .put(BASE + "/lines/{code}", "imp-g", "1.06.06.2.01.0001").then().statusCode(201);
        importCsv("imp-g", "spending", null, "id_transaksi,kode_sub_kegiatan,tanggal,nilai,no_sp2d\n"
                + "K\\1,1.06.06.2.01.0001,2022-05-01,10,\"SP2D\\1\ttab, \"\"quoted\"\"\r\nnext\"\n")
                .then().statusCode(200).body("created", is(1));
        SpendingEntry entry = QuarkusTransaction.requiringNew().call(() -> SpendingEntry.<SpendingEntry>find(
                "agencyCode = ?1", "imp-g").firstResult());
        assertEquals("K\\1", entry.sourceKey);
        assertEquals("SP2D\\1\ttab, \"quoted\"\r\nnext", entry.reference);
    }

    @Test
    void a_workbook_bomb_is_refused_before_it_is_read_and_bad_cells_reject_their_rows() throws Exception {
        long events = outboxCount();
        asAdmin().contentType(XLSX).body(Workbooks.bomb(200L << 20)).queryParam("batchId", "bomb-1")
                .post(BASE + "/imports", "imp-x").then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", is("file"))
                .body("detail", org.hamcrest.Matchers.endsWith("(sakip.upload.max-inflate-ratio)"));
        assertEquals(events, outboxCount());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        workbook.newWorksheet("Sheet1").value(0, 0, "x");
        workbook.finish();
        byte[] cells = Workbooks.withSheet(out.toByteArray(), List.of(
                List.of("kode_sub_kegiatan", "nama_sub_kegiatan", "pagu"),
                List.of("1.06.06.2.01.0001", "Huge", "#1E+999999999"),
                List.of("1.06.06.2.01.0002", "x".repeat(32_768), "#1000"),
                List.of("1.06.06.2.01.0003", "Unparseable", "#1E+99999999999"),
                List.of("1.06.06.2.01.0004", "Fine", "#2000")));
        JsonPath report = asAdmin().contentType(XLSX).body(cells).post(BASE + "/imports", "imp-x")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(4, report.getInt("rows"));
        assertEquals(1, report.getInt("created"));
        assertEquals(List.of(2, 3, 4), report.getList("results.line"));
        assertEquals(List.of("pagu", "nama_sub_kegiatan", "pagu"),
                report.getList("results.collect { it.errors[0].field }", String.class));
        assertEquals(List.of("a number must be smaller than 10^18 in magnitude",
                        "a cell holds at most 32767 characters; this one has 32768",
                        "'1E+99999999999' is not a readable value"),
                report.getList("results.collect { it.errors[0].message }", String.class));
        asAdmin().get(BASE, "imp-x").then().body("lines.size()", is(1)).body("totalPagu", is(2000.00f));
    }

    @Test
    void a_csv_field_longer_than_a_cell_is_refused_with_its_line_before_anything_is_written() {
        long events = outboxCount();
        StringBuilder csv = new StringBuilder("kode_sub_kegiatan,nama_sub_kegiatan,pagu\n");
        for (int i = 1; i <= 2_500; i++) {
            // valid rows over several chunks first: the refusal must come before the first chunk is committed
            csv.append(String.format("1.06.06.2.01.%04d,Line %d,1000%n", i, i));
        }
        csv.append("1.06.06.2.02.0001,\"").append("x".repeat(40_000)).append("\",1000\n");
        importCsv("imp-y", "lines", "long-1", csv.toString()).then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", is("file"))
                .body("detail", org.hamcrest.Matchers.containsString("line 2502"))
                .body("detail", org.hamcrest.Matchers.containsString("32767"));
        asAdmin().get(BASE, "imp-y").then().body("lines.size()", is(0));
        assertEquals(events, outboxCount());
        // the batch id was not spent: the corrected file is imported under it
        importCsv("imp-y", "lines", "long-1", "kode_sub_kegiatan,nama_sub_kegiatan,pagu\n1.06.06.2.01.0001,A,1000\n")
                .then().statusCode(200).body("created", is(1)).body("duplicateBatch", is(false));
    }

    @Test
    void a_report_lists_the_first_thousand_rejected_rows_and_counts_them_all() {
        StringBuilder csv = new StringBuilder("kode_sub_kegiatan,nama_sub_kegiatan,pagu\n");
        for (int i = 1; i <= 1_500; i++) {
            csv.append("junk").append(i).append(",x,not a number\n");
        }
        csv.append("1.06.06.2.01.0001,Fine,1000\n");
        JsonPath report = importCsv("imp-z", "lines", null, csv.toString()).then().statusCode(200).extract().jsonPath();
        assertEquals(1_501, report.getInt("rows"));
        assertEquals(1_500, report.getInt("rejected"));
        assertEquals(1, report.getInt("created"));
        assertEquals(1_000, report.getList("results").size());
        assertEquals(2, report.getInt("results[0].line"));
        assertEquals(1_001, report.getInt("results[999].line"));
    }

    static io.restassured.response.Response importCsv(String agency, String kind, String batchId, String csv) {
        return importCsv(agency, kind, batchId, csv, false);
    }

    static io.restassured.response.Response importCsv(String agency, String kind, String batchId, String csv, boolean dry) {
        var request = asAdmin().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).queryParam("kind", kind)
                .queryParam("dryRun", dry);
        if (batchId != null) {
            request = request.queryParam("batchId", batchId);
        }
        return request.post(BASE + "/imports", agency);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> line(JsonPath budget, String code) {
        return ((List<Map<String, Object>>) (List<?>) budget.getList("lines")).stream()
                .filter(l -> code.equals(l.get("code"))).findFirst().orElseThrow();
    }

    static long outboxCount() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
    }
}
