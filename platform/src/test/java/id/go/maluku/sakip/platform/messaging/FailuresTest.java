package id.go.maluku.sakip.platform.messaging;

import com.fasterxml.jackson.core.JsonParseException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.format.DateTimeParseException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailuresTest {

    /** As Hibernate and the transaction manager wrap what PostgreSQL said. */
    static RuntimeException wrapped(Throwable sql) {
        return new IllegalStateException("commit failed", new RuntimeException("could not execute statement", sql));
    }

    static void assertKind(Failures.Kind kind, String reasonKind, Throwable failure) {
        Failures.Failure classified = Failures.classify(failure);
        assertEquals(kind, classified.kind(), classified.reason());
        assertEquals(reasonKind, classified.reasonKind(), classified.reason());
    }

    @Test
    void what_the_event_carries_is_permanent() {
        assertKind(Failures.Kind.PERMANENT, Failures.DATA,
                wrapped(new SQLException("ERROR: value too long for type character varying(100)", "22001")));
        assertKind(Failures.Kind.PERMANENT, Failures.DATA, wrapped(new SQLException("ERROR: numeric field overflow", "22003")));
        assertKind(Failures.Kind.PERMANENT, Failures.INTEGRITY, wrapped(new SQLException("duplicate key", "23505")));
        assertKind(Failures.Kind.PERMANENT, Failures.SCHEMA, wrapped(new SQLException("column does not exist", "42703")));
        assertKind(Failures.Kind.PERMANENT, Failures.UNPROCESSABLE, new UnprocessableEvent("unknown version v9"));
        assertKind(Failures.Kind.PERMANENT, Failures.UNPROCESSABLE, new JsonParseException(null, "Unexpected end-of-input"));
        assertKind(Failures.Kind.PERMANENT, Failures.UNPROCESSABLE, new DateTimeParseException("no time", "", 0));
        assertKind(Failures.Kind.PERMANENT, Failures.UNPROCESSABLE, new RuntimeException(new IllegalArgumentException("bad id")));
    }

    @Test
    void what_the_world_around_it_does_is_transient() {
        assertKind(Failures.Kind.TRANSIENT, Failures.TRANSIENT, wrapped(new SQLException("Connection refused", "08001")));
        assertKind(Failures.Kind.TRANSIENT, Failures.TRANSIENT, wrapped(new SQLException("could not serialize", "40001")));
        assertKind(Failures.Kind.TRANSIENT, Failures.TRANSIENT, wrapped(new SQLException("deadlock detected", "40P01")));
        assertKind(Failures.Kind.TRANSIENT, Failures.TRANSIENT, wrapped(new SQLException("terminating connection", "57P01")));
        assertKind(Failures.Kind.TRANSIENT, Failures.TRANSIENT, wrapped(new SQLTransientConnectionException("acquisition timeout")));
        assertKind(Failures.Kind.TRANSIENT, Failures.TRANSIENT, new IllegalStateException("something else"));
    }

    @Test
    void the_sql_state_decides_even_when_an_argument_error_wraps_it() {
        // a driver error wrapped in an IllegalArgumentException is still what the database said
        assertKind(Failures.Kind.TRANSIENT, Failures.TRANSIENT,
                new IllegalArgumentException("wrapped", new SQLException("Connection reset", "08006")));
    }

    @Test
    void the_reason_names_the_state_and_only_the_first_line_of_the_message() {
        Failures.Failure failure = Failures.classify(wrapped(new SQLException(
                "ERROR: value too long for type character varying(100)\n  Detail: the caller's text", "22001")));
        assertEquals("SQLSTATE 22001: ERROR: value too long for type character varying(100)", failure.reason());
        assertTrue(Failures.describe(new UnprocessableEvent("x")).startsWith("UnprocessableEvent: x"));
    }
}
