package id.go.maluku.sakip.realization.error;

import id.go.maluku.sakip.platform.error.ApiProblem.FieldError;
import id.go.maluku.sakip.platform.error.ProblemMappers;
import id.go.maluku.sakip.realization.domain.RuleViolation;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Renders realization's two refusals that are not ApiProblems, in the platform's body shape.
 * Neither may become an ApiProblem: the bulk import catches ApiProblem per row and goes on, and
 * the services' {@code dontRollbackOn = ApiProblem.class} would keep a ConcurrentChange's
 * aborted transaction; a RuleViolation's message is the bare reason an import row reports.
 */
public class DomainProblems {

    /** The same row created by another request at the same moment: nothing was kept, send it again. */
    @ServerExceptionMapper
    public Response concurrentChange(ConcurrentChange change) {
        return fieldProblem(409, "Conflict", change.field(), change.getMessage());
    }

    /** A domain rule's refusal, naming the field (400, 409, 413 or 415). */
    @ServerExceptionMapper
    public Response ruleViolation(RuleViolation violation) {
        String title = switch (violation.status()) {
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            default -> "Invalid request";
        };
        return fieldProblem(violation.status(), title, violation.field(), violation.getMessage());
    }

    private static Response fieldProblem(int status, String title, String field, String message) {
        return ProblemMappers.problem(status, title, field + ": " + message, List.of(new FieldError(field, message)));
    }
}
