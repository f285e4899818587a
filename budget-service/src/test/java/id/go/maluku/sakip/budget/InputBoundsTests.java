package id.go.maluku.sakip.budget;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.infra.InputBounds;
import id.go.maluku.sakip.infra.OpenApiWalk;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every text a request body brings declares its bound in the OpenAPI document, and the bound fits
 * the column the text is stored in (issue 21), read from the Flyway-migrated test database: a
 * DTO's bound and its migration cannot drift apart.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class InputBoundsTests {

    @Inject
    DataSource database;

    @Test
    void every_text_input_declares_a_bound_its_column_holds() {
        JsonNode document = OpenApiWalk.document();
        assertTrue(InputBounds.inputs(document).size() >= 30, "the walk found the inputs: " + InputBounds.inputs(document));
        assertEquals(List.of(), InputBounds.walk()
                .table("LineBody", "budget_line")
                .column("LineBody.bidangUrusanName", "budget_line.bidang_name") // the column keeps SIPD's shorter name
                .table("LineRow", "budget_line") // an imported line is a line written as by PUT
                .column("LineRow.bidangUrusanName", "budget_line.bidang_name")
                .column("UnitBody.code", "budget_line.unit_code") // a line's owning unit is kept on the line
                .column("UnitBody.name", "budget_line.unit_name")
                .table("OutputBody", "budget_output")
                .column("LinkBody.sasaran", "budget_link.sasaran_code")
                .column("LinkBody.indicator", "budget_link.indicator_code")
                .table("SpendingBody", "budget_spending")
                .table("SpendingRow", "budget_spending")
                .notStored("SpendingRow.lineCode", "looked up among the batch's lines; the entry keeps its line's id")
                .notStored("SpendingRow.lineSipdKey", "looked up among the batch's lines; the entry keeps its line's id")
                .table("BatchBody", "budget_import_batch")
                .mismatches(document, database));
    }

    @Test
    void every_text_query_parameter_declares_a_bound() {
        assertEquals(List.of(), InputBounds.unboundedParameters(OpenApiWalk.document()));
    }
}
