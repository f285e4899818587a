package id.go.maluku.sakip.platform.error;

import java.util.List;

/**
 * A request the service refuses, with what an RFC 9457 problem document needs. Plain Java, no
 * HTTP types: domain and service code throw it without knowing how it is rendered, and every
 * refusal of every service reads the same to a client (ProblemMappers renders it).
 */
public class ApiProblem extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The field named is the first word of {@code what} ("indicator", "agency", "realisasi", ...). */
    public static ApiProblem notFound(String what, String key) {
        String detail = what + " '" + key + "' does not exist";
        return new ApiProblem(404, "Not found", detail, List.of(new FieldError(what.split(" ")[0], detail)));
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail, List.of());
    }

    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(400, "Invalid request", field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** 413: the part named is larger than the service (or the topic behind it) accepts. */
    public static ApiProblem tooLarge(String field, String message) {
        return new ApiProblem(413, "Payload too large", field + ": " + message, List.of(new FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
