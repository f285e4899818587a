package id.go.maluku.sakip.reporting;

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
        assertTrue(InputBounds.inputs(document).size() >= 8, "the walk found the inputs: " + InputBounds.inputs(document));
        assertEquals(List.of(), InputBounds.walk()
                .table("EfficiencyBody", "efficiency_override")
                .table("NarrativeBody", "lkip_narrative") // a text column: the declared 20000 is the rule
                .table("StatedFigureRow", "lkip_stated_figure") // a stated figure of the LKIP's text
                .column("StatedFigureRow.indicator", "lkip_stated_figure.indicator_code")
                .table("StatedTotalRow", "lkip_stated_total") // a stated budget total
                .column("StatedTotalRow.program", "lkip_stated_total.program_code")
                .mismatches(document, database));
    }

    @Test
    void every_text_query_parameter_declares_a_bound() {
        assertEquals(List.of(), InputBounds.unboundedParameters(OpenApiWalk.document()));
    }
}
