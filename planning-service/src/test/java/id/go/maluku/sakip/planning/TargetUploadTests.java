package id.go.maluku.sakip.planning;

import id.go.maluku.sakip.infra.Workbooks;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class TargetUploadTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** rows: each {indicator, year, target}; a String target is written as text, a number as a number. */
    static byte[] sheet(List<String> header, List<Object[]> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "sakip-test", "1.0");
        Worksheet ws = workbook.newWorksheet("Target");
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            for (int c = 0; c < row.length; c++) {
                if (row[c] instanceof Number n) {
                    ws.value(r + 1, c, n);
                } else if (row[c] != null) {
                    ws.value(r + 1, c, row[c].toString());
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    @Test
    void targets_from_a_sheet_are_set_and_a_second_upload_changes_nothing() throws Exception {
        PlanDocumentTests.importPlan("xlsx-a", PlanDocumentTests.demo("xlsx-a"), false, 200);
        byte[] file = sheet(List.of("Year", "Indicator", "Target"), List.of(
                new Object[]{2023, "IK5", 180}, new Object[]{2024, "IK5", 210.5}, new Object[]{2022, "IK1", 19}));
        asAdmin().contentType(XLSX).body(file).post("/api/v1/agencies/xlsx-a/targets/upload?dryRun=true")
                .then().statusCode(200).body("counts.updated", is(2)).body("counts.unchanged", is(1));
        asAdmin().get("/api/v1/agencies/xlsx-a/indicators/IK5").then().body("targets.find { it.year == 2023 }.value", is(175));
        asAdmin().contentType(XLSX).body(file).post("/api/v1/agencies/xlsx-a/targets/upload")
                .then().statusCode(200).body("rows", is(3)).body("counts.updated", is(2));
        asAdmin().get("/api/v1/agencies/xlsx-a/indicators/IK5").then()
                .body("targets.find { it.year == 2023 }.value", is(180))
                .body("targets.find { it.year == 2024 }.value", is(210.5f));
        asAdmin().contentType(XLSX).body(file).post("/api/v1/agencies/xlsx-a/targets/upload")
                .then().statusCode(200).body("counts.unchanged", is(3));
    }

    @Test
    void rows_and_cells_without_addresses_are_read_in_order() throws Exception {
        PlanDocumentTests.importPlan("xlsx-e", PlanDocumentTests.demo("xlsx-e"), false, 200);
        // legal XLSX without r attributes: refused before with a NullPointerException message
        byte[] file = Workbooks.withSheet(sheet(List.of("indicator"), List.of()), List.of(
                List.of("Indicator", "Year", "Target"), List.of("IK5", "#2023", "#183"), List.of("IK5", "#2024", "#214")), false);
        asAdmin().contentType(XLSX).body(file).post("/api/v1/agencies/xlsx-e/targets/upload")
                .then().statusCode(200).body("rows", is(2)).body("counts.updated", is(2));
        asAdmin().get("/api/v1/agencies/xlsx-e/indicators/IK5").then()
                .body("targets.find { it.year == 2023 }.value", is(183))
                .body("targets.find { it.year == 2024 }.value", is(214));
        // a bad row is named by the number the spreadsheet shows (fastexcel counts these from 0)
        byte[] bad = Workbooks.withSheet(sheet(List.of("indicator"), List.of()), List.of(
                List.of("Indicator", "Year", "Target"), List.of("IK5", "#2023", "#190"), List.of("IK99", "#2024", "#1")), false);
        asAdmin().contentType(XLSX).body(bad).post("/api/v1/agencies/xlsx-e/targets/upload")
                .then().statusCode(400).body("errors.field", hasItem("row 3: indicator"));
        asAdmin().get("/api/v1/agencies/xlsx-e/indicators/IK5").then().body("targets.find { it.year == 2023 }.value", is(183));
    }

    @Test
    void bad_rows_are_named_and_nothing_changes() throws Exception {
        PlanDocumentTests.importPlan("xlsx-b", PlanDocumentTests.demo("xlsx-b"), false, 200);
        byte[] file = sheet(List.of("indicator", "year", "target"), List.of(
                new Object[]{"IK5", 2023, 999},
                new Object[]{"NOPE", 2023, 1},
                new Object[]{"IK1", 2031, 1},
                new Object[]{"IK2", 2023, "banyak"}));
        asAdmin().contentType(XLSX).body(file).post("/api/v1/agencies/xlsx-b/targets/upload")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("row 3: indicator", "row 4: year", "row 5: target"));
        asAdmin().get("/api/v1/agencies/xlsx-b/indicators/IK5").then().body("targets.find { it.year == 2023 }.value", is(175));
        asAdmin().contentType(XLSX).body(sheet(List.of("indicator", "target"), List.<Object[]>of()))
                .post("/api/v1/agencies/xlsx-b/targets/upload")
                .then().statusCode(400).body("detail", is("the header row lacks the column(s) [year]"));
        asAdmin().contentType(XLSX).body("not a workbook".getBytes()).post("/api/v1/agencies/xlsx-b/targets/upload")
                .then().statusCode(400).body("errors[0].field", is("file"));
    }

    @Test
    void a_workbook_bomb_is_refused_before_it_is_read_and_the_service_still_answers() throws Exception {
        PlanDocumentTests.importPlan("xlsx-c", PlanDocumentTests.demo("xlsx-c"), false, 200);
        byte[] bomb = Workbooks.bomb(200L << 20);
        asAdmin().contentType(XLSX).body(bomb).post("/api/v1/agencies/xlsx-c/targets/upload")
                .then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", is("file"))
                .body("detail", endsWith("(sakip.upload.max-inflate-ratio)"));
        // a table of more than a million shared strings, inside the body limit and a normal ratio
        byte[] strings = Workbooks.withSharedStrings(sheet(List.of("indicator", "year", "target"),
                List.<Object[]>of(new Object[]{"IK5", 2023, 180})), 1_000_001);
        asAdmin().contentType(XLSX).body(strings).post("/api/v1/agencies/xlsx-c/targets/upload")
                .then().statusCode(413)
                .body("detail", is("file: the shared-strings table holds more than 1000000 items (sakip.upload.max-shared-strings)"));
        // a normal workbook still imports
        asAdmin().contentType(XLSX).body(sheet(List.of("indicator", "year", "target"),
                        List.<Object[]>of(new Object[]{"IK5", 2023, 181})))
                .post("/api/v1/agencies/xlsx-c/targets/upload").then().statusCode(200).body("counts.updated", is(1));
        asAdmin().get("/api/v1/agencies/xlsx-c/indicators/IK5").then().body("targets.find { it.year == 2023 }.value", is(181));
    }

    @Test
    void a_number_out_of_range_and_an_overlong_cell_are_refused_as_their_cells() throws Exception {
        PlanDocumentTests.importPlan("xlsx-d", PlanDocumentTests.demo("xlsx-d"), false, 200);
        byte[] file = Workbooks.withSheet(sheet(List.of("indicator"), List.of()), List.of(
                List.of("indicator", "year", "target"),
                List.of("IK5", "#2023", "#1E+999999999"),
                List.of("x".repeat(32_768), "#2023", "#1"),
                List.of("IK5", "#2024", "#1E+99999999999"),
                List.of("IK5", "#2023", "#0.00000000001")));
        asAdmin().contentType(XLSX).body(file).post("/api/v1/agencies/xlsx-d/targets/upload")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", is("4 row(s) rejected; nothing was changed"))
                .body("errors.field", is(List.of("row 2: target", "row 3: indicator", "row 4: target", "row 5: target")))
                .body("errors.message", is(List.of("a number must be smaller than 10^18 in magnitude",
                        "a cell holds at most 32767 characters; this one has 32768",
                        "'1E+99999999999' is not a readable value", "a number may have at most 10 decimals")));
        asAdmin().get("/api/v1/agencies/xlsx-d/indicators/IK5").then().body("targets.find { it.year == 2023 }.value", is(175));
    }

    @Test
    void the_report_lists_the_first_thousand_rejected_rows_and_counts_them_all() throws Exception {
        PlanDocumentTests.importPlan("xlsx-e", PlanDocumentTests.demo("xlsx-e"), false, 200);
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            rows.add(new Object[]{"NOPE" + i, 2023, 1});
        }
        asAdmin().contentType(XLSX).body(sheet(List.of("indicator", "year", "target"), rows))
                .post("/api/v1/agencies/xlsx-e/targets/upload")
                .then().statusCode(400)
                .body("detail", is("1500 row(s) rejected (the first 1000 are listed); nothing was changed"))
                .body("errors", hasSize(1000))
                .body("errors[999].field", is("row 1001: indicator"));
    }
}
