package id.go.maluku.sakip.planning;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.infra.OpenApiWalk;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document (/q/openapi) describes every operation well enough to call it: a summary,
 * an example of what to send, and examples of the answers. Walks the document as served, so an
 * operation added later without them fails here.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiDocumentTests {

    JsonNode document;

    @BeforeEach
    void read() {
        document = OpenApiWalk.document();
    }

    List<Map.Entry<String, JsonNode>> operations() {
        return OpenApiWalk.operationNodes(document);
    }

    @Test
    void every_operation_has_a_summary_and_every_request_body_an_example() {
        List<String> missing = OpenApiWalk.undocumented(document);
        List<Map.Entry<String, JsonNode>> operations = operations();
        assertTrue(operations.size() >= 25, "the walk found the service's operations: " + operations.size());
        assertEquals(List.of(), missing);
    }

    /**
     * The plan's own operations (not the shared request audit) show an example of a success, with
     * its schema, and of the main problem a client meets.
     */
    @Test
    void every_plan_operation_shows_an_example_answer_and_an_example_problem() {
        assertEquals(List.of(), OpenApiWalk.withoutAnswerExamples(document, "/api/v1/agencies"));
    }

    @Test
    void the_new_removals_are_documented_with_their_refusals() {
        JsonNode indicator = document.path("paths").path("/api/v1/agencies/{agency}/indicators/{code}").path("delete");
        assertEquals("Remove an indicator with its Renstra targets", indicator.path("summary").asText());
        assertTrue(indicator.path("responses").has("204"));
        assertTrue(indicator.path("responses").path("409").path("content").path("application/problem+json")
                .path("examples").toString().contains("signed"));
        for (String path : List.of("/api/v1/agencies/{agency}/sasaran/{code}",
                "/api/v1/agencies/{agency}/indicators/{code}/targets/{year}",
                "/api/v1/agencies/{agency}/perjanjian-kinerja/{year}/versions/{version}")) {
            assertTrue(document.path("paths").path(path).has("delete"), path);
        }
    }

    /**
     * A client can be generated from the document (issue 24): a unique operationId and a summary on
     * every operation, every refusal a Problem, no untyped value, servers to call.
     */
    @Test
    void a_client_can_be_generated_from_the_document() {
        JsonNode document = OpenApiWalk.document();
        assertEquals(List.of(), OpenApiWalk.clientGaps(document));
        assertEquals(List.of(), OpenApiWalk.sampleOperationGaps(document, "/api/v1/agencies/{agency}/plan", "get", "exportPlan"));
    }

    /**
     * Every object a JSON success answer holds says which of its properties are always there (issue
     * 24): a schema with properties and no required makes a generated client type each as optional.
     */
    @Test
    void every_object_of_a_json_answer_says_what_it_always_holds() {
        // the plan document is the import's schema too, and every part of it, and every field of these,
        // may be left out of an import (a part absent is left as it is): its parts require what the
        // import requires of them when given. A Perjanjian Kinerja version is also the body of its PUT,
        // whose path names its year and version.
        assertEquals(List.of(), OpenApiWalk.requiredGaps(OpenApiWalk.document(),
                java.util.Set.of("PlanDocument", "Profile", "Head", "Personnel", "PkPart")));
    }
}
