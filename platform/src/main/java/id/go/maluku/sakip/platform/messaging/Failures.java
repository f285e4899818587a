package id.go.maluku.sakip.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.Set;

/**
 * Why an event was not applied, classified once for every consumer. Permanent: the event itself
 * is at fault (unreadable, refused by the consumer's rules, data the database will not hold:
 * SQLSTATE classes 22 and 23, or a statement that does not fit the schema, class 42); retrying
 * cannot help, so it is parked at once. Transient: the world around it (connection lost,
 * timeouts, serialization failures and deadlocks, the database shutting down or short of
 * resources, anything not known to be permanent); retried with backoff up to a bound, then
 * parked as {@code retries-exhausted}.
 */
public final class Failures {

    public enum Kind { PERMANENT, TRANSIENT }

    /** reasonKind: how it is shown in the parked listing and the dead letter's header. */
    public record Failure(Kind kind, String reasonKind, String reason) {
    }

    public static final String UNPROCESSABLE = "unprocessable";
    public static final String DATA = "data";
    public static final String INTEGRITY = "integrity";
    public static final String SCHEMA = "schema";
    public static final String RETRIES_EXHAUSTED = "retries-exhausted";
    public static final String TRANSIENT = "transient";

    private static final Set<String> PERMANENT_CLASSES = Set.of("22", "23", "42");

    private Failures() {
    }

    public static Failure classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
                String sqlClass = sql.getSQLState().substring(0, 2);
                if (PERMANENT_CLASSES.contains(sqlClass)) {
                    String kind = switch (sqlClass) {
                        case "22" -> DATA;
                        case "23" -> INTEGRITY;
                        default -> SCHEMA;
                    };
                    return new Failure(Kind.PERMANENT, kind, "SQLSTATE " + sql.getSQLState() + ": " + firstLine(sql.getMessage()));
                }
                return new Failure(Kind.TRANSIENT, TRANSIENT, "SQLSTATE " + sql.getSQLState() + ": " + firstLine(sql.getMessage()));
            }
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof UnprocessableEvent || cause instanceof JsonProcessingException
                    || cause instanceof IllegalArgumentException || cause instanceof DateTimeException
                    || cause instanceof NullPointerException || cause instanceof ArithmeticException
                    || cause instanceof ClassCastException) {
                return new Failure(Kind.PERMANENT, UNPROCESSABLE, describe(cause));
            }
        }
        return new Failure(Kind.TRANSIENT, TRANSIENT, describe(root(failure)));
    }

    /** The class and message, as a dead letter's reason. */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
    }

    static Throwable root(Throwable e) {
        Throwable root = e;
        while (next(root) != null) {
            root = next(root);
        }
        return root;
    }

    private static Throwable next(Throwable e) {
        Throwable cause = e.getCause();
        if (cause == null || cause == e) {
            return e instanceof SQLException sql ? sql.getNextException() : null;
        }
        return cause;
    }

    /** PostgreSQL's messages carry a "Detail:" with the row's values on later lines: not for logs of every kind. */
    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 1000 ? line.substring(0, 1000) + "..." : line;
    }
}
