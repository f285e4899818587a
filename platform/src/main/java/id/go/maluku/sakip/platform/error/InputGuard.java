package id.go.maluku.sakip.platform.error;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses, before any work, a request whose path or query parameters hold what no parameter may:
 * U+0000, a lone surrogate, a control character, or a percent-encoding that does not decode. A 400
 * problem naming the parameter, where a NUL used to reach PostgreSQL and come back a 500. It runs
 * after the request is matched, so that authentication is decided first (a request without a token
 * is a 401 whatever its parameters).
 */
public class InputGuard {

    /**
     * The highest page a listing serves: with the largest page size (200) its offset stays far
     * inside an int (page 1,073,741,824 used to overflow page * size into a 500).
     */
    public static final int MAX_PAGE = 1_000_000;

    /**
     * The longest path parameter: every code (agency, sasaran, indicator, budget line) is 1-64
     * characters, as are their columns, and ids and years are shorter. A longer one reached an
     * insert and came back a 500 (budget's batches under a 300-character agency, found by FuzzIT).
     */
    public static final int MAX_PATH_PARAMETER = 64;

    /** A code in a query parameter (agency, sasaran, unit, consumer): as long as its columns, as in a path. */
    public static final int MAX_CODE = MAX_PATH_PARAMETER;

    /**
     * A text searched for or matched (q, a subject, a category label): it reaches no column, and no
     * name a search could match is longer in a way worth typing; the bound keeps LIKE patterns small.
     */
    public static final int MAX_SEARCH = 200;

    /** The typed query parameters of each operation, read once from its method. */
    private final Map<Method, List<TypedParameter>> typed = new ConcurrentHashMap<>();

    private record TypedParameter(String name, Class<?> type) {
    }

    @ServerRequestFilter
    public Optional<Response> refuseUnfitParameters(ContainerRequestContext request, ResourceInfo resource) {
        Optional<Response> untyped = refuseUnfitText(request);
        if (untyped.isPresent() || resource == null || resource.getResourceMethod() == null) {
            return untyped;
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
        for (TypedParameter parameter : typed.computeIfAbsent(resource.getResourceMethod(), InputGuard::typedParameters)) {
            List<String> values = query.get(parameter.name());
            if (values == null) {
                continue;
            }
            for (String value : values) {
                String problem = unfitValue(parameter.name(), parameter.type(), value);
                if (problem != null) {
                    return Optional.of(refusal(parameter.name(), problem));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Why a query parameter's value does not fit its declared type, or null. A boolean is true or
     * false (JAX-RS took "yes" and "1" for false: a dry run ran for real); a number is a decimal
     * integer of its type's range (JAX-RS answered a bare 404 to "abc"); a page is at most
     * {@link #MAX_PAGE}; a UUID is one (JAX-RS answered 404 to a malformed run id, FuzzIT found).
     */
    static String unfitValue(String name, Class<?> type, String value) {
        if (type == boolean.class || type == Boolean.class) {
            return value.equals("true") || value.equals("false") ? null : "must be true or false, not '" + Text.clip(value, 40) + "'";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            long number;
            try {
                number = Long.parseLong(value);
            } catch (NumberFormatException e) {
                return "must be a whole number, not '" + Text.clip(value, 40) + "'";
            }
            boolean isInt = type == int.class || type == Integer.class;
            if (isInt && (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE)) {
                return "must be a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
            }
            if (name.equals("page") && number > MAX_PAGE) {
                return "must be at most " + MAX_PAGE;
            }
        }
        if (type == java.util.UUID.class) {
            try {
                java.util.UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                return "must be a UUID, not '" + Text.clip(value, 40) + "'";
            }
        }
        return null;
    }

    private static List<TypedParameter> typedParameters(Method method) {
        List<TypedParameter> parameters = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            Class<?> type = parameter.getType();
            if (query != null && (type.isPrimitive() || type == Boolean.class || type == Integer.class || type == Long.class
                    || type == java.util.UUID.class)) {
                parameters.add(new TypedParameter(query.value(), type));
            }
        }
        return List.copyOf(parameters);
    }

    private Optional<Response> refuseUnfitText(ContainerRequestContext request) {
        MultivaluedMap<String, String> path;
        MultivaluedMap<String, String> query;
        try {
            path = request.getUriInfo().getPathParameters(true);
            query = request.getUriInfo().getQueryParameters(true);
        } catch (IllegalArgumentException badEncoding) {
            return Optional.of(refusal("query", "a percent-encoding does not decode: " + badEncoding.getMessage()));
        }
        for (Map.Entry<String, List<String>> parameter : path.entrySet()) {
            for (String value : parameter.getValue()) {
                if (value != null && value.length() > MAX_PATH_PARAMETER) {
                    return Optional.of(refusal(parameter.getKey(), "is longer than " + MAX_PATH_PARAMETER
                            + " characters"));
                }
            }
            Optional<Response> refused = check(parameter.getKey(), parameter.getValue());
            if (refused.isPresent()) {
                return refused;
            }
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String nameProblem = Text.unfitForParameter(parameter.getKey());
            if (nameProblem != null) {
                return Optional.of(refusal("query", "a parameter's name " + nameProblem));
            }
            Optional<Response> refused = check(parameter.getKey(), parameter.getValue());
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    private static Optional<Response> check(String name, List<String> values) {
        for (String value : values) {
            String problem = value == null ? null : Text.unfitForParameter(value);
            if (problem != null) {
                return Optional.of(refusal(name, problem));
            }
        }
        return Optional.empty();
    }

    private static Response refusal(String field, String message) {
        return ProblemMappers.problem(400, "Invalid request", field + ": " + message,
                List.of(new ApiProblem.FieldError(field, message)));
    }
}
