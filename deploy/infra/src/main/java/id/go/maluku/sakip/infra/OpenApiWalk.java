package id.go.maluku.sakip.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks every operation a service's OpenAPI document lists, so that a security test covers
 * endpoints nobody has written a test for yet: a new endpoint that forgets its role check
 * fails the build.
 */
public final class OpenApiWalk {

    /**
     * One operation, e.g. {@code PUT /api/v1/agencies/{agency}/plan}, the media type its body
     * takes, and the roles its document says may call it (empty: public).
     */
    public record Operation(String method, String path, String bodyType, Set<String> roles) {
        public String key() {
            return method + " " + path;
        }

        public boolean namesAnAgency() {
            return path.contains("{agency}");
        }
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private OpenApiWalk() {
    }

    /**
     * A request to the service's management interface (health, metrics, OpenAPI, Swagger UI), which
     * listens on a port of its own: the business port serves /api only.
     */
    public static RequestSpecification management() {
        // The manager's URI ends in the management root path (/q); callers name whole paths.
        URI uri = URI.create(TestHTTPResourceManager.getManagementUri());
        return RestAssured.given().baseUri(uri.getScheme() + "://" + uri.getHost()).port(uri.getPort());
    }

    /** Every business operation (under /api/) of the service under test. */
    public static List<Operation> operations() {
        try {
            JsonNode document = new ObjectMapper().readTree(
                    management().accept("application/json").get("/q/openapi?format=json").asString());
            List<Operation> operations = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                if (!path.getKey().startsWith("/api/")) {
                    continue;
                }
                Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
                while (methods.hasNext()) {
                    Map.Entry<String, JsonNode> method = methods.next();
                    if (!Set.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                        continue;
                    }
                    Iterator<String> types = method.getValue().path("requestBody").path("content").fieldNames();
                    Set<String> roles = new TreeSet<>();
                    for (JsonNode requirement : method.getValue().path("security")) {
                        requirement.elements().forEachRemaining(scheme -> scheme.forEach(role -> roles.add(role.asText())));
                    }
                    operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(),
                            types.hasNext() ? types.next() : null, roles));
                }
            }
            return operations;
        } catch (Exception e) {
            throw new IllegalStateException("could not read the OpenAPI document", e);
        }
    }

    /** The roles a token may carry (docs/security.md). */
    public static final List<String> ROLES = List.of("admin", "planner", "operator", "verifier", "viewer", "integration");

    /**
     * Calls every non-public operation once per role but admin (admin may do everything, and
     * every other test calls as admin) with a token of that one role for {@code agency}, and
     * lists each call whose answer disagrees with the roles the document states: a 401 or 403
     * to a documented role, or anything else to an undocumented one. {@code expected} holds the
     * known exceptions as "METHOD PATH role" (e.g. a write a role may make to existing data
     * only). Use an agency that holds no data, so the allowed calls change nothing.
     */
    public static List<String> roleMismatches(String agency, Map<String, String> values, Set<String> expected) {
        List<String> mismatches = new ArrayList<>();
        for (Operation operation : operations()) {
            if (operation.roles().isEmpty()) {
                continue;
            }
            for (String role : ROLES.subList(1, ROLES.size())) {
                String token = Tokens.user("matrix." + role).roles(role).agency(agency).mint();
                int status = call(RestAssured.given().auth().oauth2(token), operation, agency, values).statusCode();
                boolean refused = status == 401 || status == 403;
                boolean documented = operation.roles().contains(role);
                if (documented == refused && !expected.contains(operation.key() + " " + role)) {
                    mismatches.add(operation.key() + " as " + role + " -> " + status
                            + (documented ? " (documented as allowed)" : " (not documented)"));
                }
            }
        }
        return mismatches;
    }

    /**
     * Calls every operation without a valid token, in every way a caller can get it wrong, and
     * lists each call that does not answer 401 as an application/problem+json with
     * {@code WWW-Authenticate: Bearer}: no token; no token with a wrong content type and with a
     * malformed body (authentication comes before content negotiation and body parsing); an
     * expired token; a token for another audience; a token whose signature does not verify.
     * {@code publicOperations} holds the operations anyone may call, as "METHOD PATH" with the
     * status each must answer instead (without a token); one of them that the document does not
     * list is a mismatch too.
     */
    public static List<String> unauthenticatedMismatches(List<Operation> operations, String agency,
                                                         Map<String, String> values,
                                                         Map<String, Integer> publicOperations) {
        List<String> mismatches = new ArrayList<>();
        Set<String> publicSeen = new TreeSet<>();
        Map<String, String> badTokens = Map.of(
                "an expired token", Tokens.user("late").roles(ROLES.toArray(String[]::new)).agency(agency).expired().mint(),
                "a token for another audience", Tokens.user("elsewhere").roles(ROLES.toArray(String[]::new)).agency(agency)
                        .audience("some-other-application").mint(),
                "a forged token", Tokens.tampered(Tokens.user("forger").roles("viewer").agency(agency).mint()));
        for (Operation operation : operations) {
            Integer publicStatus = publicOperations.get(operation.key());
            if (publicStatus != null) {
                publicSeen.add(operation.key());
                Response response = call(RestAssured.given(), operation, agency, values);
                if (response.statusCode() != publicStatus) {
                    mismatches.add("public " + operation.key() + " -> " + response.statusCode()
                            + ", expected " + publicStatus);
                }
                continue;
            }
            expect401(mismatches, operation, "no token", call(RestAssured.given(), operation, agency, values));
            if (!operation.method().equals("GET")) {
                expect401(mismatches, operation, "no token, text/plain body",
                        callWith(RestAssured.given(), operation, agency, values, "text/plain", "not what it takes".getBytes()));
                expect401(mismatches, operation, "no token, malformed body",
                        callWith(RestAssured.given(), operation, agency, values,
                                operation.bodyType() == null ? "application/json" : operation.bodyType(),
                                "{\"unclosed\": [".getBytes()));
            }
            for (Map.Entry<String, String> token : badTokens.entrySet()) {
                expect401(mismatches, operation, token.getKey(),
                        call(RestAssured.given().auth().oauth2(token.getValue()), operation, agency, values));
            }
        }
        for (String key : new TreeSet<>(publicOperations.keySet())) {
            if (!publicSeen.contains(key)) {
                mismatches.add("public " + key + ": not in the document");
            }
        }
        // the business port serves /api only: the operators' endpoints are on the management port
        for (String path : List.of("/q/metrics", "/q/health/ready", "/q/openapi", "/q/swagger-ui/")) {
            Response response = RestAssured.given().get(path);
            if (!isProblem(response, 404)) {
                mismatches.add("GET " + path + " on the business port -> " + response.statusCode() + " " + response.contentType());
            }
        }
        return mismatches;
    }

    private static void expect401(List<String> mismatches, Operation operation, String how, Response response) {
        if (!isProblem(response, 401) || !"Bearer".equals(response.header("WWW-Authenticate"))) {
            mismatches.add(operation.key() + " with " + how + " -> " + response.statusCode() + " "
                    + response.contentType() + ", WWW-Authenticate: " + response.header("WWW-Authenticate"));
        }
    }

    /** A token of another agency ("other-agency") that carries every role but admin. */
    public static String stranger() {
        return Tokens.user("stranger").roles(ROLES.subList(1, ROLES.size()).toArray(String[]::new))
                .agency("other-agency").mint();
    }

    /**
     * Calls every operation whose path names {agency} with {@link #stranger()}'s token and with
     * tokens whose agency claim is missing, empty or blank, and lists each call that does not
     * answer 403 as an application/problem+json: whatever its roles, a token of another agency or
     * of none reaches none of the agency's data. {@code publicOperations} holds the
     * operations anyone may call, as "METHOD PATH" with the status each must answer instead.
     * Pass real codes in {@code values}, so that a check that forgot the agency would reach the
     * data and not a 404.
     */
    public static List<String> foreignAgencyMismatches(List<Operation> operations, String agency,
                                                       Map<String, String> values,
                                                       Map<String, Integer> publicOperations) {
        // another agency's token, and tokens whose agency claim is missing, empty or blank: province
        // reach is granted by a role, never by the absence of a claim
        String[] roles = ROLES.subList(1, ROLES.size()).toArray(String[]::new);
        Map<String, String> outsiders = new java.util.LinkedHashMap<>();
        outsiders.put("another agency's token", stranger());
        outsiders.put("a token without an agency", Tokens.user("no-agency").roles(roles).mint());
        outsiders.put("a token with an empty agency", Tokens.user("empty-agency").roles(roles).agency("").mint());
        outsiders.put("a token with a blank agency", Tokens.user("blank-agency").roles(roles).agency("  ").mint());
        List<String> mismatches = new ArrayList<>();
        for (Operation operation : operations) {
            if (!operation.namesAnAgency()) {
                continue;
            }
            for (Map.Entry<String, String> outsider : outsiders.entrySet()) {
                Response response = call(Tokens.as(outsider.getValue()), operation, agency, values);
                Integer publicStatus = publicOperations.get(operation.key());
                if (publicStatus != null ? response.statusCode() != publicStatus : !isProblem(response, 403)) {
                    mismatches.add(operation.key() + " with " + outsider.getKey() + " -> " + response.statusCode() + " "
                            + response.contentType() + ", expected "
                            + (publicStatus != null ? publicStatus : "403 application/problem+json"));
                }
            }
        }
        return mismatches;
    }

    /** The response has the status and is an application/problem+json. */
    public static boolean isProblem(Response response, int status) {
        return response.statusCode() == status
                && String.valueOf(response.contentType()).startsWith("application/problem+json");
    }

    /**
     * Calls the operation with the given request (its token or none), an empty body of the
     * operation's media type, and path parameters filled in: {agency} with {@code agency},
     * anything named like a year with 2022, anything else with {@code values} or "1".
     */
    public static Response call(RequestSpecification request, Operation operation, String agency,
                                Map<String, String> values) {
        if (operation.bodyType() == null) {
            return callWith(request, operation, agency, values, null, null);
        }
        // JSON operations get an empty object; any other media type (a sheet, a file) no bytes at all.
        return callWith(request, operation, agency, values, operation.bodyType(),
                operation.bodyType().contains("json") ? "{}".getBytes() : new byte[0]);
    }

    /** Calls the operation with the given body of the given media type (none: null). */
    public static Response callWith(RequestSpecification request, Operation operation, String agency,
                                    Map<String, String> values, String contentType, byte[] body) {
        Matcher parameter = PARAMETER.matcher(operation.path());
        StringBuilder url = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1);
            String value = name.equals("agency") ? agency
                    : values.getOrDefault(name, name.toLowerCase().contains("year") ? "2022" : "1");
            parameter.appendReplacement(url, Matcher.quoteReplacement(value));
        }
        parameter.appendTail(url);
        if (contentType != null) {
            request = request.contentType(contentType).body(body);
        }
        return request.request(operation.method(), url.toString());
    }

    /** The service's OpenAPI document as served. */
    public static JsonNode document() {
        try {
            return new ObjectMapper().readTree(
                    management().accept("application/json").get("/q/openapi?format=json").asString());
        } catch (Exception e) {
            throw new IllegalStateException("could not read the OpenAPI document", e);
        }
    }

    /** Every operation under /api/ of the document, as "METHOD path" with its node. */
    public static List<Map.Entry<String, JsonNode>> operationNodes(JsonNode document) {
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (Set.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                    operations.add(Map.entry(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue()));
                }
            }
        }
        return operations;
    }

    /**
     * What the document leaves a client to guess: an operation without a summary, a request body
     * without an example (on its media type, or on its schema or each of its properties).
     */
    public static List<String> undocumented(JsonNode document) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> operation : operationNodes(document)) {
            JsonNode node = operation.getValue();
            if (node.path("summary").asText("").isBlank()) {
                missing.add(operation.getKey() + ": no summary");
            }
            for (Iterator<Map.Entry<String, JsonNode>> types = node.path("requestBody").path("content").fields();
                 types.hasNext(); ) {
                Map.Entry<String, JsonNode> type = types.next();
                if (!hasExample(type.getValue()) && !schemaHasExample(document, type.getValue().path("schema"), 0)) {
                    missing.add(operation.getKey() + ": no example of its " + type.getKey() + " request body");
                }
            }
        }
        return missing;
    }

    /**
     * What the document leaves a client to guess about the answers of each operation whose path
     * starts with {@code pathPrefix}: one line for an operation without an example of a success
     * (a 2xx whose every media type shows an example and names its schema; a 204 has no body to
     * show), one for an operation without an example of a 4xx application/problem+json.
     */
    public static List<String> withoutAnswerExamples(JsonNode document, String pathPrefix) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> operation : operationNodes(document)) {
            String path = operation.getKey().substring(operation.getKey().indexOf(' ') + 1);
            if (!path.startsWith(pathPrefix)) {
                continue;
            }
            boolean success = false;
            boolean problem = false;
            for (Iterator<Map.Entry<String, JsonNode>> responses = operation.getValue().path("responses").fields();
                 responses.hasNext(); ) {
                Map.Entry<String, JsonNode> response = responses.next();
                JsonNode content = response.getValue().path("content");
                if (response.getKey().startsWith("2")) {
                    success |= response.getKey().equals("204") || content.size() > 0 && allHaveExamples(content);
                } else if (response.getKey().startsWith("4")) {
                    problem |= hasExample(content.path("application/problem+json"));
                }
            }
            if (!success) {
                missing.add(operation.getKey() + ": no example of a success");
            }
            if (!problem) {
                missing.add(operation.getKey() + ": no example of a 4xx problem");
            }
        }
        return missing;
    }

    /** Each media type of the content shows an example and names its schema. */
    public static boolean allHaveExamples(JsonNode content) {
        for (JsonNode type : content) {
            if (!hasExample(type) || !type.has("schema")) {
                return false;
            }
        }
        return true;
    }

    public static boolean hasExample(JsonNode mediaType) {
        return mediaType.hasNonNull("example") || mediaType.path("examples").size() > 0;
    }

    /** The schema, or each of its properties, carries an example. */
    public static boolean schemaHasExample(JsonNode document, JsonNode schema, int depth) {
        if (schema.isMissingNode() || depth > 5) {
            return false;
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return schemaHasExample(document, document.path("components").path("schemas").path(name), depth + 1);
        }
        if (schema.hasNonNull("example") || schema.path("examples").size() > 0) {
            return true;
        }
        if (schema.path("properties").size() > 0) {
            for (JsonNode property : schema.path("properties")) {
                if (!schemaHasExample(document, property, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return "array".equals(schema.path("type").asText()) && schemaHasExample(document, schema.path("items"), depth + 1);
    }

    /**
     * One operation seen as a generated client sees it: its operationId, the platform's refusals
     * (401, 403, 500) documented as the Problem, and servers to call (the local default). Each
     * service's OpenApiDocumentTests names one of its operations; what differs is listed.
     */
    public static List<String> sampleOperationGaps(JsonNode document, String path, String method, String operationId) {
        List<String> gaps = new ArrayList<>();
        JsonNode operation = document.path("paths").path(path).path(method);
        if (!operationId.equals(operation.path("operationId").asText())) {
            gaps.add(method + " " + path + ": operationId " + operation.path("operationId").asText() + ", not " + operationId);
        }
        for (String status : List.of("401", "403", "500")) {
            String ref = operation.path("responses").path(status).path("content").path("application/problem+json")
                    .path("schema").path("$ref").asText();
            if (!"#/components/schemas/Problem".equals(ref)) {
                gaps.add(method + " " + path + " " + status + ": not the Problem (" + ref + ")");
            }
        }
        if (!document.path("servers").path(0).path("url").asText().startsWith("http://localhost:")) {
            gaps.add("servers: " + document.path("servers"));
        }
        return gaps;
    }

    /**
     * What keeps a client from being generated from the document (issue 24), one line each: an
     * operation without an operationId, or with one another operation has; an operation without a
     * summary; no 2xx answer (but for an operation that only refuses, see {@link #refusesOnly}); a
     * request body or a JSON 2xx answer without an example; an example its schema does not allow (a null
     * where the schema says none can be: the examples are real answers, so the schema is wrong);
     * a 4xx or 5xx answer that is not exactly an application/problem+json of the shared
     * Problem schema (and a Problem schema without the fields ProblemMappers writes); a property
     * or list item whose schema says nothing of its type ({@code {}}); a document without servers.
     */
    public static List<String> clientGaps(JsonNode document) {
        List<String> gaps = new ArrayList<>();
        Map<String, String> operationIds = new java.util.HashMap<>();
        for (Map.Entry<String, JsonNode> operation : operationNodes(document)) {
            JsonNode node = operation.getValue();
            String id = node.path("operationId").asText("");
            if (id.isBlank()) {
                gaps.add(operation.getKey() + ": no operationId");
            } else if (!id.matches("[a-z][A-Za-z0-9]*")) {
                gaps.add(operation.getKey() + ": operationId " + id + " is not camelCase");
            } else if (operationIds.putIfAbsent(id, operation.getKey()) != null) {
                gaps.add(operation.getKey() + ": operationId " + id + " is also " + operationIds.get(id) + "'s");
            }
            if (node.path("summary").asText("").isBlank()) {
                gaps.add(operation.getKey() + ": no summary");
            }
            // an example on the media type itself: what a client's generated sample request shows
            node.path("requestBody").path("content").fields().forEachRemaining(type -> {
                if (!hasExample(type.getValue())) {
                    gaps.add(operation.getKey() + ": no example of its " + type.getKey() + " request body");
                }
            });
            exampleMismatches(document, operation.getKey() + " request", node.path("requestBody"), gaps);
            boolean success = false;
            for (Iterator<String> statuses = node.path("responses").fieldNames(); statuses.hasNext(); ) {
                success |= statuses.next().startsWith("2");
            }
            if (!success && !refusesOnly(node)) {
                gaps.add(operation.getKey() + ": no 2xx answer");
            }
            for (Iterator<Map.Entry<String, JsonNode>> responses = node.path("responses").fields(); responses.hasNext(); ) {
                Map.Entry<String, JsonNode> response = responses.next();
                exampleMismatches(document, operation.getKey() + " " + response.getKey(), response.getValue(), gaps);
                if (response.getKey().startsWith("2")) {
                    // a client's generated docs and mocks show the example: a JSON answer without one is shown as {}
                    response.getValue().path("content").fields().forEachRemaining(type -> {
                        if (type.getKey().contains("json") && !hasExample(type.getValue())) {
                            gaps.add(operation.getKey() + " " + response.getKey() + ": no example of its "
                                    + type.getKey() + " answer");
                        }
                    });
                }
                if (!response.getKey().startsWith("4") && !response.getKey().startsWith("5")) {
                    continue;
                }
                JsonNode content = response.getValue().path("content");
                List<String> types = new ArrayList<>();
                content.fieldNames().forEachRemaining(types::add);
                String ref = content.path("application/problem+json").path("schema").path("$ref").asText("");
                if (!types.equals(List.of("application/problem+json")) || !ref.equals("#/components/schemas/Problem")) {
                    gaps.add(operation.getKey() + " " + response.getKey() + ": " + types + " " + ref
                            + ", not an application/problem+json Problem");
                }
            }
        }
        JsonNode problem = document.path("components").path("schemas").path("Problem").path("properties");
        for (String field : List.of("type", "title", "status", "detail", "errors")) {
            if (!problem.has(field)) {
                gaps.add("the Problem schema has no " + field);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> schemas = document.path("components").path("schemas").fields();
             schemas.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            untyped(schema.getKey(), schema.getValue(), gaps, 0);
        }
        for (Map.Entry<String, JsonNode> operation : operationNodes(document)) {
            operation.getValue().findParents("schema").forEach(parent ->
                    untyped(operation.getKey(), parent.get("schema"), gaps, 0));
        }
        if (document.path("servers").isEmpty()) {
            gaps.add("no servers");
        }
        return gaps;
    }

    /**
     * Each object schema reached from a JSON 2xx answer that lists properties but requires none
     * (issue 24): a generated client then types every field as optional, even those every answer
     * carries. One line per schema (by its component name, or by the operation and the path to it
     * when inline); a property that may be absent or null stays out of {@code required} and says so
     * with its type, but a schema with nothing required at all was never thought through.
     */
    public static List<String> requiredGaps(JsonNode document) {
        return requiredGaps(document, Set.of());
    }

    /**
     * {@link #requiredGaps(JsonNode)} but for the named component schemas, each of which the caller
     * states has nothing always there (e.g. a document whose every part an import may leave out,
     * when the same schema is the import's): their properties are still walked.
     */
    public static List<String> requiredGaps(JsonNode document, Set<String> allOptional) {
        Set<String> gaps = new java.util.LinkedHashSet<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Map.Entry<String, JsonNode> operation : operationNodes(document)) {
            for (Iterator<Map.Entry<String, JsonNode>> responses = operation.getValue().path("responses").fields();
                 responses.hasNext(); ) {
                Map.Entry<String, JsonNode> response = responses.next();
                if (!response.getKey().startsWith("2")) {
                    continue;
                }
                response.getValue().path("content").fields().forEachRemaining(type -> {
                    if (type.getKey().contains("json")) {
                        withoutRequired(document, type.getValue().path("schema"),
                                operation.getKey() + " " + response.getKey(), gaps, seen, 0);
                    }
                });
            }
        }
        for (String name : allOptional) {
            if (!gaps.remove(name + ": properties but no required")) {
                gaps.add(name + ": named as all optional, but it requires something or is in no answer");
            }
        }
        return new ArrayList<>(gaps);
    }

    private static void withoutRequired(JsonNode document, JsonNode schema, String where, Set<String> gaps,
                                        Set<String> seen, int depth) {
        if (schema == null || !schema.isObject() || depth > 30) {
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!seen.add(ref)) {
                return;
            }
            where = ref.replace("#/components/schemas/", "");
            schema = document.at(ref.substring(1));
        }
        if (schema.path("properties").size() > 0 && schema.path("required").isEmpty()) {
            gaps.add(where + ": properties but no required");
        }
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            withoutRequired(document, property.getValue(), where + "." + property.getKey(), gaps, seen, depth + 1);
        }
        withoutRequired(document, schema.get("items"), where + "[]", gaps, seen, depth + 1);
        withoutRequired(document, schema.get("additionalProperties"), where + "{}", gaps, seen, depth + 1);
        for (String composition : List.of("oneOf", "anyOf", "allOf")) {
            for (JsonNode part : schema.path(composition)) {
                withoutRequired(document, part, where, gaps, seen, depth + 1);
            }
        }
    }

    /**
     * The operation exists to refuse (e.g. editing a published LKIP, which never changes): its
     * summary says "Refused" and it documents a 409. A 2xx it never sends would be a false promise.
     */
    static boolean refusesOnly(JsonNode operation) {
        return operation.path("summary").asText("").startsWith("Refused") && operation.path("responses").has("409");
    }

    /** Each example of the request body or answer that its media type's schema does not allow. */
    private static void exampleMismatches(JsonNode document, String where, JsonNode bodyOrAnswer, List<String> gaps) {
        bodyOrAnswer.path("content").fields().forEachRemaining(type -> {
            JsonNode schema = type.getValue().path("schema");
            type.getValue().path("examples").fields().forEachRemaining(example -> {
                for (String mismatch : answerMismatches(document, schema, example.getValue().path("value"), false)) {
                    gaps.add(where + " " + type.getKey() + " example '" + example.getKey() + "': " + mismatch);
                }
            });
        });
    }

    /**
     * The schema names no type (only a description or an example, or nothing: {}), or names
     * Jackson's JsonNode bean, whose properties (isArray, nodeType...) are not what is sent.
     */
    static boolean saysNoType(JsonNode schema) {
        if (schema.path("$ref").asText("").endsWith("/JsonNode")) {
            return true;
        }
        for (String typing : List.of("type", "$ref", "oneOf", "anyOf", "allOf", "enum", "const")) {
            if (schema.has(typing)) {
                return false;
            }
        }
        return true;
    }

    /** Each property or item below the schema that says nothing of its type (a client can only guess). */
    private static void untyped(String where, JsonNode schema, List<String> gaps, int depth) {
        if (schema == null || !schema.isObject() || depth > 20) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            if (saysNoType(property.getValue())) {
                gaps.add(where + "." + property.getKey() + ": untyped " + property.getValue());
            }
            untyped(where + "." + property.getKey(), property.getValue(), gaps, depth + 1);
        }
        if (schema.has("items")) {
            if (saysNoType(schema.get("items"))) {
                gaps.add(where + "[]: untyped " + schema.get("items"));
            }
            untyped(where + "[]", schema.get("items"), gaps, depth + 1);
        }
        for (String composition : List.of("oneOf", "anyOf", "allOf")) {
            for (JsonNode part : schema.path(composition)) {
                untyped(where, part, gaps, depth + 1);
            }
        }
    }

    /**
     * Where a real answer disagrees with the schema the document gives it, one line each (empty:
     * it agrees): a null where the schema does not allow null, a required property missing, a
     * property the schema does not list, a value of another type. With {@code everyPropertyRequired}
     * also each schema reached whose properties are not all required (for answers whose records are
     * written whole, nulls included, a property a client may find missing is a wrong promise).
     * A small check for the shapes this project writes, not a JSON Schema validator.
     */
    public static List<String> answerMismatches(JsonNode document, JsonNode schema, JsonNode answer,
                                                boolean everyPropertyRequired) {
        List<String> mismatches = new ArrayList<>();
        check(document, schema, answer, "$", everyPropertyRequired, mismatches, 0);
        return mismatches.stream().distinct().toList();
    }

    /**
     * {@link #answerMismatches} with every property required, for the answer of one operation as
     * the document names it ("GET /api/v1/admin/outbox", the status, the JSON as sent): each
     * mismatch prefixed by the operation, and one line when the document gives that answer no
     * application/json schema.
     */
    public static List<String> strictMismatches(JsonNode document, String operation, int status, String answer) {
        String method = operation.substring(0, operation.indexOf(' ')).toLowerCase();
        String path = operation.substring(operation.indexOf(' ') + 1);
        JsonNode schema = document.path("paths").path(path).path(method).path("responses").path(String.valueOf(status))
                .path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return List.of(operation + " " + status + ": no application/json schema in the document");
        }
        try {
            return answerMismatches(document, schema, new ObjectMapper().readTree(answer), true).stream()
                    .map(mismatch -> operation + " " + status + " " + mismatch).toList();
        } catch (Exception e) {
            return List.of(operation + " " + status + ": not JSON: " + answer);
        }
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        for (int hops = 0; schema.has("$ref") && hops < 10; hops++) {
            schema = document.at(schema.get("$ref").asText().substring(1));
        }
        return schema;
    }

    private static void check(JsonNode document, JsonNode schema, JsonNode value, String where,
                              boolean everyPropertyRequired, List<String> out, int depth) {
        if (depth > 40) {
            return;
        }
        schema = resolve(document, schema);
        for (String composition : List.of("oneOf", "anyOf")) {
            if (schema.has(composition)) {
                for (JsonNode branch : schema.get(composition)) {
                    List<String> branchOut = new ArrayList<>();
                    check(document, branch, value, where, everyPropertyRequired, branchOut, depth + 1);
                    if (branchOut.isEmpty()) {
                        return;
                    }
                }
                out.add(where + ": " + abbreviated(value) + " matches none of its " + composition);
                return;
            }
        }
        Set<String> types = new TreeSet<>();
        if (schema.path("type").isArray()) {
            schema.get("type").forEach(t -> types.add(t.asText()));
        } else if (schema.has("type")) {
            types.add(schema.get("type").asText());
        }
        if (value.isNull()) {
            if (!types.contains("null")) {
                out.add(where + ": null, which its schema does not allow");
            }
            return;
        }
        if (types.isEmpty()) {
            return;
        }
        String actual = value.isObject() ? "object" : value.isArray() ? "array" : value.isIntegralNumber() ? "integer"
                : value.isNumber() ? "number" : value.isTextual() ? "string" : value.isBoolean() ? "boolean" : "?";
        if (!types.contains(actual) && !(actual.equals("integer") && types.contains("number"))) {
            out.add(where + ": " + actual + " " + abbreviated(value) + ", the schema says " + types);
            return;
        }
        if (value.isObject() && schema.has("properties")) {
            JsonNode properties = schema.get("properties");
            Set<String> required = new TreeSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (String name : required) {
                if (!value.has(name)) {
                    out.add(where + "." + name + ": required, and missing");
                }
            }
            if (everyPropertyRequired) {
                properties.fieldNames().forEachRemaining(name -> {
                    if (!required.contains(name)) {
                        out.add(where + "." + name + ": always written, but not required by its schema");
                    }
                });
            }
            value.fields().forEachRemaining(field -> {
                if (!properties.has(field.getKey())) {
                    out.add(where + "." + field.getKey() + ": not in its schema");
                } else {
                    check(document, properties.get(field.getKey()), field.getValue(), where + "." + field.getKey(),
                            everyPropertyRequired, out, depth + 1);
                }
            });
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                // one index stands for all: the same mismatch in every item is one line
                check(document, schema.get("items"), value.get(i), where + "[]", everyPropertyRequired, out, depth + 1);
            }
        }
    }

    private static String abbreviated(JsonNode value) {
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
