package id.go.maluku.sakip.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every error into an {@code application/problem+json} document (RFC 9457). One copy for
 * all services, found in this jar because the platform is a bean archive: a service that needs
 * more (realization's domain refusals) adds a mapper of its own that renders with {@link #problem}.
 */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem) {
        return problem(problem.status(), problem.title(), problem.getMessage(), problem.errors());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new ApiProblem.FieldError(fieldOf(violation.getPropertyPath().toString()), violation.getMessage()));
        }
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return problem(400, "Invalid request", detail, errors);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = "body";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        String message;
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            // Jackson's own message names the Java class; the client needs the names it may use
            message = "not a known property; expected one of "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException invalid) {
            message = "value '" + invalid.getValue() + "' is not a valid " + describe(invalid.getTargetType());
        } else if (e instanceof ValueInstantiationException instantiation && instantiation.getType().isEnumType()) {
            message = "not a valid value; expected one of " + enumValues(instantiation.getType().getRawClass());
        } else {
            message = "could not be read: " + e.getOriginalMessage();
        }
        return problem(400, "Invalid request", field + ": " + message, List.of(new ApiProblem.FieldError(field, message)));
    }

    /** Declared apart so that it wins over the JSON reader's own mapper for this type. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // The JSON reader wraps Jackson's error in a 400; unwrap it to name the field.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json);
            }
        }
        int status = e.getResponse().getStatus();
        return problem(status, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), e.getMessage(), List.of());
    }

    /**
     * Throwable, not Exception: an Error (a stack overflow, an assertion) would otherwise leave
     * as the server's default page instead of a problem document. Internals stay in the log.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected error", e);
        return problem(500, "Internal error", "the request could not be completed; see the service log", List.of());
    }

    /** The one body shape of every refusal, security's 401 and 403 included. */
    public static Response problem(int status, String title, String detail, List<ApiProblem.FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors);
        }
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }

    /**
     * "upsert.request.value" from a method-parameter violation becomes "value"; a list item's own
     * bound ("renstra.strategi[0].<list element>") names the item, "renstra.strategi[0]".
     */
    static String fieldOf(String propertyPath) {
        String[] parts = propertyPath.replaceAll("\\.<[^>]*>", "").split("\\.");
        if (parts.length >= 3) {
            return String.join(".", Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    private static String enumValues(Class<?> type) {
        StringBuilder values = new StringBuilder();
        for (Object constant : type.getEnumConstants()) {
            values.append(values.length() == 0 ? "" : ", ").append(constant.toString());
        }
        return values.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "value; expected one of " + enumValues(type);
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        return type.getSimpleName();
    }
}
