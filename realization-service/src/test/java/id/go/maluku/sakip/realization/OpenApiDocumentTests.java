package id.go.maluku.sakip.realization;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.infra.PublishedEvents;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document (/q/openapi) describes every operation well enough to call it: a summary
 * and an example of what to send. Walks the document as served, so an operation added later
 * without them fails here (as planning-service's test of the same name).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiDocumentTests {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    JsonNode document;

    @BeforeEach
    void read() throws Exception {
        document = PublishedEvents.JSON.readTree(
                RestAssured.given().accept("application/json").get("/q/openapi?format=json").asString());
    }

    /** Every operation under /api/, as "METHOD path" with its node. */
    List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (METHODS.contains(method.getKey())) {
                    operations.add(Map.entry(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue()));
                }
            }
        }
        return operations;
    }

    @Test
    void every_operation_has_a_summary_and_every_request_body_an_example() {
        List<String> missing = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> operations = operations();
        for (Map.Entry<String, JsonNode> operation : operations) {
            JsonNode node = operation.getValue();
            if (node.path("summary").asText("").isBlank()) {
                missing.add(operation.getKey() + ": no summary");
            }
            JsonNode body = node.path("requestBody").path("content");
            for (Iterator<Map.Entry<String, JsonNode>> types = body.fields(); types.hasNext(); ) {
                Map.Entry<String, JsonNode> type = types.next();
                if (!hasExample(type.getValue()) && !schemaHasExample(type.getValue().path("schema"), 0)) {
                    missing.add(operation.getKey() + ": no example of its " + type.getKey() + " request body");
                }
            }
        }
        assertTrue(operations.size() >= 20, "the walk found the service's operations: " + operations.size());
        assertEquals(List.of(), missing);
    }

    private static boolean hasExample(JsonNode mediaType) {
        return mediaType.hasNonNull("example") || mediaType.path("examples").size() > 0;
    }

    /** The schema, or each of its properties, carries an example. */
    private boolean schemaHasExample(JsonNode schema, int depth) {
        if (schema.isMissingNode() || depth > 5) {
            return false;
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return schemaHasExample(document.path("components").path("schemas").path(name), depth + 1);
        }
        if (schema.hasNonNull("example") || schema.path("examples").size() > 0) {
            return true;
        }
        if (schema.path("properties").size() > 0) {
            for (JsonNode property : schema.path("properties")) {
                if (!schemaHasExample(property, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return "array".equals(schema.path("type").asText()) && schemaHasExample(schema.path("items"), depth + 1);
    }
}
