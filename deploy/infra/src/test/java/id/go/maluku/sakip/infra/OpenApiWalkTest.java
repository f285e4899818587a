package id.go.maluku.sakip.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The check every service's OpenAPI test runs finds what issue 24 measured on reporting's document
 * (an excerpt of it as it was served), and nothing in a document that has it right.
 */
class OpenApiWalkTest {

    static final String PROBLEM = """
            "Problem": {"type": "object", "properties": {"type": {"type": "string"}, "title": {"type": "string"},
              "status": {"type": "integer"}, "detail": {"type": "string"},
              "errors": {"type": "array", "items": {"$ref": "#/components/schemas/FieldError"}}}}""";

    @Test
    void finds_the_gaps_of_reportings_document_as_it_was() throws Exception {
        JsonNode before = new ObjectMapper().readTree("""
                {"openapi": "3.1.0",
                 "paths": {"/api/v1/agencies/{agency}/years/{year}/absorption": {"get": {
                   "summary": "Budget absorption grouped by sub kegiatan, program, unit, funding source or sasaran",
                   "responses": {
                     "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page2"}}}},
                     "400": {"content": {"application/problem+json": {"schema": {"type": "object"}}}},
                     "401": {"description": "Not Authorized"}}}},
                  "/api/v1/builds": {"post": {"operationId": "listBuilds", "responses": {},
                                               "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}}},
                                     "get": {"operationId": "listBuilds", "summary": "List builds", "responses": {}}}},
                 "components": {"schemas": {
                   "Page2": {"type": "object", "properties": {"items": {"type": "array", "items": {}}, "total": {}}},
                   "AuditView": {"type": "object", "properties": {"oldValue": {"$ref": "#/components/schemas/JsonNode"},
                                                                  "value": {"examples": [300]}}}}}}
                """);
        assertEquals(List.of(
                "GET /api/v1/agencies/{agency}/years/{year}/absorption: no operationId",
                "GET /api/v1/agencies/{agency}/years/{year}/absorption 400: [application/problem+json] , not an application/problem+json Problem",
                "GET /api/v1/agencies/{agency}/years/{year}/absorption 401: [] , not an application/problem+json Problem",
                "POST /api/v1/builds: no summary",
                "POST /api/v1/builds: no example of its application/json request body",
                "GET /api/v1/builds: operationId listBuilds is also POST /api/v1/builds's",
                "the Problem schema has no type",
                "the Problem schema has no title",
                "the Problem schema has no status",
                "the Problem schema has no detail",
                "the Problem schema has no errors",
                "Page2.items[]: untyped {}",
                "Page2.total: untyped {}",
                "AuditView.oldValue: untyped {\"$ref\":\"#/components/schemas/JsonNode\"}",
                "AuditView.value: untyped {\"examples\":[300]}",
                "no servers"), OpenApiWalk.clientGaps(before));
    }

    @Test
    void finds_nothing_in_a_document_a_client_can_be_generated_from() throws Exception {
        JsonNode after = new ObjectMapper().readTree("""
                {"openapi": "3.1.0", "servers": [{"url": "http://localhost:8084"}],
                 "paths": {"/api/v1/builds": {"get": {"operationId": "listBuilds", "summary": "List builds",
                   "responses": {"200": {"content": {"application/json": {"schema": {"type": "array",
                                   "items": {"oneOf": [{"type": "number"}, {"type": "string"}]}}}}},
                                 "401": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
                 "components": {"schemas": {%s}}}
                """.formatted(PROBLEM));
        assertEquals(List.of(), OpenApiWalk.clientGaps(after));
    }
}
