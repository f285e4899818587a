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
                "GET /api/v1/agencies/{agency}/years/{year}/absorption 200: no example of its application/json answer",
                "GET /api/v1/agencies/{agency}/years/{year}/absorption 400: [application/problem+json] , not an application/problem+json Problem",
                "GET /api/v1/agencies/{agency}/years/{year}/absorption 401: [] , not an application/problem+json Problem",
                "POST /api/v1/builds: no summary",
                "POST /api/v1/builds: no example of its application/json request body",
                "POST /api/v1/builds: no 2xx answer",
                "GET /api/v1/builds: operationId listBuilds is also POST /api/v1/builds's",
                "GET /api/v1/builds: no 2xx answer",
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
                                   "items": {"oneOf": [{"type": "number"}, {"type": "string"}]}},
                                   "examples": {"a number and a level": {"value": [150, "BB"]}}}}},
                                 "401": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
                 "components": {"schemas": {%s}}}
                """.formatted(PROBLEM));
        assertEquals(List.of(), OpenApiWalk.clientGaps(after));
    }

    @Test
    void an_answer_is_checked_against_its_schema_nulls_and_required_properties_included() throws Exception {
        JsonNode document = new ObjectMapper().readTree("""
                {"components": {"schemas": {
                  "Quarter": {"type": "object", "required": ["quarter", "rak"], "properties": {
                    "quarter": {"type": "integer"}, "rak": {"type": ["number", "null"]}, "absorption": {"type": "number"}}},
                  "Line": {"type": "object", "required": ["code", "quarters", "unit"], "properties": {
                    "code": {"type": "string"}, "quarters": {"type": "array", "items": {"$ref": "#/components/schemas/Quarter"}},
                    "unit": {"anyOf": [{"$ref": "#/components/schemas/Level"}, {"type": "null"}]},
                    "value": {"oneOf": [{"type": "number"}, {"type": "string"}]}}},
                  "Level": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string"}}}}}}
                """);
        JsonNode line = document.at("/components/schemas/Line");
        // what /budget answered for a line without a RAK or a unit: every null allowed, every required field there
        JsonNode good = new ObjectMapper().readTree("""
                {"code": "1.06.04.2.01.0001", "quarters": [{"quarter": 1, "rak": null, "absorption": 12.5}],
                 "unit": null, "value": "BB"}""");
        assertEquals(List.of(), OpenApiWalk.answerMismatches(document, line, good, false));
        JsonNode bad = new ObjectMapper().readTree("""
                {"code": null, "quarters": [{"quarter": 1, "absorption": null}, {"quarter": "2", "rak": 1}],
                 "unit": {"code": 7}, "value": true, "sipdKey": null}""");
        assertEquals(List.of(
                "$.code: null, which its schema does not allow",
                "$.quarters[].rak: required, and missing",
                "$.quarters[].absorption: null, which its schema does not allow",
                "$.quarters[].quarter: string \"2\", the schema says [integer]",
                "$.unit: {\"code\":7} matches none of its anyOf",
                "$.value: true matches none of its oneOf",
                "$.sipdKey: not in its schema"), OpenApiWalk.answerMismatches(document, line, bad, false));
        assertEquals(List.of("$.value: always written, but not required by its schema",
                        "$.quarters[].absorption: always written, but not required by its schema"),
                OpenApiWalk.answerMismatches(document, line, good, true));
    }

    /**
     * Editing a published LKIP is refused, always: its 409 is its answer, and a 2xx it would never
     * send is no gap. The same operation without the 409, or a 200 whose JSON shows no example, is.
     */
    @Test
    void an_operation_that_only_refuses_needs_no_2xx_and_a_json_success_needs_an_example() throws Exception {
        String refusal = """
                "409": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}""";
        JsonNode document = new ObjectMapper().readTree("""
                {"openapi": "3.1.0", "servers": [{"url": "http://localhost:8084"}],
                 "paths": {"/api/v1/agencies/{agency}/years/{year}/lkip/publications/{version}": {
                   "put": {"operationId": "putPublication", "summary": "Refused: a published version is immutable",
                           "responses": {%s}},
                   "delete": {"operationId": "deletePublication", "summary": "Refused: a published version is never removed",
                              "responses": {}},
                   "get": {"operationId": "getPublication", "summary": "A published version",
                           "responses": {"200": {"content": {"application/json": {"schema": {"type": "object"}},
                                                             "application/pdf": {"schema": {"type": "string"}}}}}}}},
                 "components": {"schemas": {%s}}}
                """.formatted(refusal, PROBLEM));
        assertEquals(List.of(
                "DELETE /api/v1/agencies/{agency}/years/{year}/lkip/publications/{version}: no 2xx answer",
                "GET /api/v1/agencies/{agency}/years/{year}/lkip/publications/{version} 200: no example of its application/json answer"),
                OpenApiWalk.clientGaps(document));
    }

    /** An example is a real answer: a null in it where its schema allows none means the schema is wrong. */
    @Test
    void an_example_its_schema_does_not_allow_is_a_gap() throws Exception {
        JsonNode document = new ObjectMapper().readTree("""
                {"openapi": "3.1.0", "servers": [{"url": "http://localhost:8082"}],
                 "paths": {"/api/v1/agencies/{agency}/locks": {"get": {"operationId": "listLocks", "summary": "The period locks",
                   "responses": {"200": {"content": {"application/json": {
                     "schema": {"type": "array", "items": {"$ref": "#/components/schemas/LockView"}},
                     "examples": {"locked": {"value": [{"period": "Q4", "unlockedBy": null}]}}}}}}}}},
                 "components": {"schemas": {%s,
                   "LockView": {"type": "object", "properties": {"period": {"type": "string"}, "unlockedBy": {"type": "string"}}}}}}
                """.formatted(PROBLEM));
        assertEquals(List.of("GET /api/v1/agencies/{agency}/locks 200 application/json example 'locked': "
                + "$[].unlockedBy: null, which its schema does not allow"), OpenApiWalk.clientGaps(document));
    }

    /**
     * Issue 24: each object a JSON success holds, however deep (a list's items, a map's values, a
     * oneOf's branch), says what it always holds; a request body or a refusal is not an answer, and a
     * schema the caller names as all optional is not a gap (but naming one that is no gap is).
     */
    @Test
    void an_object_of_a_json_answer_without_required_is_a_gap() throws Exception {
        JsonNode document = new ObjectMapper().readTree("""
                {"paths": {"/api/v1/agencies/{agency}/plan": {
                   "get": {"responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Plan"}}}},
                                         "404": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}},
                   "put": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Body"}}}},
                           "responses": {"200": {"content": {"application/json": {"schema": {"type": "object",
                             "properties": {"counts": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Count"}}}}}}}}}}},
                 "components": {"schemas": {
                   "Problem": {"type": "object", "properties": {"title": {"type": "string"}}},
                   "Body": {"type": "object", "properties": {"name": {"type": "string"}}},
                   "Plan": {"type": "object", "properties": {"agency": {"$ref": "#/components/schemas/Agency"},
                                                             "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}}},
                   "Agency": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string"}}},
                   "Item": {"type": "object", "required": ["target"], "properties": {"target": {"oneOf": [{"type": "number"},
                             {"$ref": "#/components/schemas/Range"}]}}},
                   "Range": {"type": "object", "properties": {"low": {"type": "number"}, "high": {"type": "number"}}},
                   "Count": {"type": "object", "properties": {"n": {"type": "integer"}}}}}}
                """);
        assertEquals(List.of("Plan: properties but no required", "Range: properties but no required",
                "PUT /api/v1/agencies/{agency}/plan 200: properties but no required",
                "Count: properties but no required"), OpenApiWalk.requiredGaps(document));
        assertEquals(List.of("PUT /api/v1/agencies/{agency}/plan 200: properties but no required",
                        "Count: properties but no required", "Agency: named as all optional, but it requires something or is in no answer"),
                OpenApiWalk.requiredGaps(document, new java.util.LinkedHashSet<>(List.of("Plan", "Range", "Agency"))));
    }
}
