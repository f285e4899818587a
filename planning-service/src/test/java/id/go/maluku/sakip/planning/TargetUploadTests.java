package id.go.maluku.sakip.planning;

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
import static org.hamcrest.Matchers.hasItems;
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
}
