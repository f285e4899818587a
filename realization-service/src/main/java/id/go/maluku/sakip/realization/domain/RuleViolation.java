package id.go.maluku.sakip.realization.domain;

/**
 * A domain rule refused an input. Plain Java so that the rules stay free of the web layer;
 * DomainProblems turns it into a problem document naming the field.
 */
public class RuleViolation extends RuntimeException {

    private final int status;
    private final String field;

    public RuleViolation(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static RuleViolation invalid(String field, String message) {
        return new RuleViolation(400, field, message);
    }

    public static RuleViolation conflict(String field, String message) {
        return new RuleViolation(409, field, message);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
