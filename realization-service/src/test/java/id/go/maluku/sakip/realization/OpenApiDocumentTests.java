package id.go.maluku.sakip.realization;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.infra.OpenApiWalk;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document (/q/openapi) describes every operation well enough to call it: a summary,
 * an example of what to send, and examples of the answers. Walks the document as served, so an operation added later
 * without them fails here.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiDocumentTests {

    @Test
    void every_operation_has_a_summary_and_every_request_body_an_example() {
        var document = OpenApiWalk.document();
        int operations = OpenApiWalk.operationNodes(document).size();
        assertTrue(operations >= 20, "the walk found the service's operations: " + operations);
        assertEquals(List.of(), OpenApiWalk.undocumented(document));
    }

    /** Each agency operation (not the shared request audit) shows an example success and a 4xx problem. */
    @Test
    void every_agency_operation_shows_an_example_answer_and_an_example_problem() {
        assertEquals(List.of(), OpenApiWalk.withoutAnswerExamples(OpenApiWalk.document(), "/api/v1/agencies"));
    }

    /**
     * A client can be generated from the document (issue 24): a unique operationId and a summary on
     * every operation, every refusal a Problem, no untyped value, servers to call.
     */
    @Test
    void a_client_can_be_generated_from_the_document() {
        JsonNode document = OpenApiWalk.document();
        assertEquals(List.of(), OpenApiWalk.clientGaps(document));
        assertEquals(List.of(), OpenApiWalk.sampleOperationGaps(document, "/api/v1/agencies/{agency}/years/{year}/monitoring", "get", "getMonitoring"));
    }

    /**
     * Every object a JSON success answer holds says which of its properties are always there (issue
     * 24): a schema with properties and no required makes a generated client type each as optional.
     */
    @Test
    void every_object_of_a_json_answer_says_what_it_always_holds() {
        assertEquals(List.of(), OpenApiWalk.requiredGaps(OpenApiWalk.document()));
    }
}
