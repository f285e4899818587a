package id.go.maluku.sakip.platform.openapi;

import id.go.maluku.sakip.platform.error.ProblemMappers;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Documents the refusals every service really gives, once for the four services: each 4xx and
 * 5xx answer of an operation is an {@code application/problem+json} of the one {@code Problem}
 * schema (the body {@link ProblemMappers#problem} writes), and the refusals the platform makes
 * before an operation runs are listed on each operation they can reach: 400 (InputGuard,
 * StrictJson) where it takes parameters or a body, 404 where its path has parameters, 401 and
 * 403 where it needs a token, 413 and
 * 415 where it takes a body, 500 everywhere. Resources keep their own descriptions and examples;
 * this only fills in what they leave out, so a generated client can read every error alike.
 * Runs at build time: the document served (and stored) already carries it.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    /** The refusals the platform gives on its own, and what each means. */
    static final Map<String, String> PLATFORM_REFUSALS = Map.of(
            "400", "Invalid request: a parameter or the body is malformed or breaks a rule; errors name each field at fault",
            "401", "No bearer token, or one that is expired, forged or issued for another audience",
            "403", "The token's roles, agency or unit do not allow this operation",
            "404", "Not found: a path parameter names nothing the service holds, or is not of its type (a year that is not a number)",
            "413", "The body is larger than the service accepts for this operation",
            "414", "The request line is longer than the service reads (8 KiB)",
            "431", "The headers are longer than the service reads (16 KiB in all)",
            "415", "The body's Content-Type is not one this operation takes",
            "500", "An unexpected error; the details are in the service log, not in the answer");

    private static final Set<String> QUARKUS_WORDS = Set.of("Bad Request", "Not Authorized", "Not Allowed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        // replaces the copies the services declared: one shape, the one ProblemMappers writes
        components.addSchema(PROBLEM, problemSchema());
        components.addSchema(FIELD_ERROR, fieldErrorSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                document(operation, securedByDefault, path.getValue().getParameters() != null
                        && !path.getValue().getParameters().isEmpty());
            }
        }
    }

    private static void document(Operation operation, boolean securedByDefault, boolean pathParameters) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean body = operation.getRequestBody() != null;
        boolean parameters = pathParameters || operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean inPath = pathParameters || operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.PATH);
        boolean secured = operation.getSecurity() != null ? !operation.getSecurity().isEmpty() : securedByDefault;
        if (!secured) {
            // a public operation (the published LKIP) says so: security: [] tells readers and linters
            // that no token is needed, not that a requirement was forgotten
            operation.setSecurity(new ArrayList<>());
        }
        if (body || parameters) {
            addIfAbsent(responses, "400");
        }
        if (inPath) {
            // JAX-RS answers 404 to a path parameter it cannot convert, and every such operation
            // looks up what its parameters name (FuzzIT found 404s on 42 operations not listing it)
            addIfAbsent(responses, "404");
        }
        if (secured) {
            addIfAbsent(responses, "401");
            addIfAbsent(responses, "403");
        }
        if (body) {
            addIfAbsent(responses, "413");
            addIfAbsent(responses, "415");
        }
        // HttpLayer's, before any operation: every operation can meet them
        addIfAbsent(responses, "414");
        addIfAbsent(responses, "431");
        addIfAbsent(responses, "500");
        // keeps the order readable (status order) whatever order they were added in
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        for (Map.Entry<String, APIResponse> response : sorted.entrySet()) {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                asProblem(response.getKey(), response.getValue());
            }
        }
        responses.setAPIResponses(new LinkedHashMap<>(sorted));
    }

    private static void addIfAbsent(APIResponses responses, String status) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(PLATFORM_REFUSALS.get(status)));
        }
    }

    /**
     * The answer's content becomes one application/problem+json of the Problem schema, keeping
     * the examples a resource gave (under whatever media type it declared them).
     */
    private static void asProblem(String status, APIResponse response) {
        MediaType problem = OASFactory.createMediaType();
        if (response.getContent() != null && response.getContent().getMediaTypes() != null) {
            for (MediaType declared : response.getContent().getMediaTypes().values()) {
                if (declared.getExamples() != null) {
                    declared.getExamples().forEach(problem::addExample);
                }
                if (declared.getExample() != null && problem.getExample() == null) {
                    problem.setExample(declared.getExample());
                }
            }
        }
        problem.setSchema(OASFactory.createSchema().ref(PROBLEM_REF));
        Content content = OASFactory.createContent();
        content.addMediaType(ProblemMappers.PROBLEM_JSON, problem);
        response.setContent(content);
        // Quarkus' generic words for the 400, 401 and 403 it adds say less than ours
        String description = response.getDescription();
        if (description == null || description.isBlank() || QUARKUS_WORDS.contains(description)) {
            response.setDescription(PLATFORM_REFUSALS.getOrDefault(status, description));
        }
    }

    /** RFC 9457 as ProblemMappers.problem writes it; it never sets {@code instance}. */
    static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem (application/problem+json), the body of every 4xx and 5xx answer")
                .required(List.of("type", "title", "status"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Always about:blank: status and title say what kind of problem it is")
                        .examples(List.of("about:blank")))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The kind of problem, the same for every problem of a kind")
                        .examples(List.of("Invalid request")))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status of the answer").examples(List.of(400)))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What is wrong with this request, for a person")
                        .examples(List.of("value: not a valid number")))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("For a validation error: each field or row at fault; absent when there is none")
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR)));
    }

    static Schema fieldErrorSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("One field or row at fault")
                .required(List.of("field", "message"))
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Its path in the request: a body field, a parameter or a row")
                        .examples(List.of("indicators[2].targets.2031")))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(List.of("2031 is outside the Renstra period 2019-2024")));
    }
}
