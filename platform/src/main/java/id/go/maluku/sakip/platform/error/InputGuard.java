package id.go.maluku.sakip.platform.error;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses, before any work, a request whose path or query parameters hold what no parameter may:
 * U+0000, a lone surrogate, a control character, or a percent-encoding that does not decode. A 400
 * problem naming the parameter, where a NUL used to reach PostgreSQL and come back a 500. It runs
 * after the request is matched, so that authentication is decided first (a request without a token
 * is a 401 whatever its parameters).
 */
public class InputGuard {

    @ServerRequestFilter
    public Optional<Response> refuseUnfitParameters(ContainerRequestContext request) {
        MultivaluedMap<String, String> path;
        MultivaluedMap<String, String> query;
        try {
            path = request.getUriInfo().getPathParameters(true);
            query = request.getUriInfo().getQueryParameters(true);
        } catch (IllegalArgumentException badEncoding) {
            return Optional.of(refusal("query", "a percent-encoding does not decode: " + badEncoding.getMessage()));
        }
        for (Map.Entry<String, List<String>> parameter : path.entrySet()) {
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
