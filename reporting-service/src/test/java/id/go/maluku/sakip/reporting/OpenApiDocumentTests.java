package id.go.maluku.sakip.reporting;

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
 * The OpenAPI document (/q/openapi) as served is one a dashboard team can generate a client from
 * (issue 24). Walks the document, so an operation added later without what a client needs fails here.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiDocumentTests {

    @Test
    void a_client_can_be_generated_from_the_document() {
        JsonNode document = OpenApiWalk.document();
        int operations = OpenApiWalk.operationNodes(document).size();
        assertTrue(operations >= 30, "the walk found the service's operations: " + operations);
        assertEquals(List.of(), OpenApiWalk.clientGaps(document));
        JsonNode performance = document.path("paths").path("/api/v1/agencies/{agency}/years/{year}/performance").path("get");
        assertEquals("getPerformance", performance.path("operationId").asText());
        // its example is one clientGaps checked against the schema: dashboards see a real shape
        assertEquals(200, performance.at("/responses/200/content/application~1json/examples/the demo agency, shortened/value/capaian").asInt());
        for (String status : List.of("401", "403", "404", "500")) {
            assertEquals("#/components/schemas/Problem", performance.path("responses").path(status).path("content")
                    .path("application/problem+json").path("schema").path("$ref").asText(), status);
        }
        assertTrue(document.path("servers").path(0).path("url").asText().startsWith("http://localhost:"),
                document.path("servers").toString());
    }

    @Test
    void every_operation_has_a_summary() {
        assertEquals(List.of(), OpenApiWalk.undocumented(OpenApiWalk.document()).stream()
                .filter(gap -> gap.endsWith("no summary")).toList());
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
