package id.go.maluku.sakip.realization.error;

/**
 * Another request created the same row at the same moment (a unique key was taken between this
 * request's read and its write). The transaction cannot go on (PostgreSQL has aborted it), so
 * this is neither an ApiProblem nor a RuleViolation, which the bulk import reports per row and
 * goes on after: it rolls the whole transaction back, and the answer is 409 naming the row, to
 * be sent again.
 */
public class ConcurrentChange extends RuntimeException {

    private final String field;

    public ConcurrentChange(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
