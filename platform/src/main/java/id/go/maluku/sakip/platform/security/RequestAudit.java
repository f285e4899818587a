package id.go.maluku.sakip.platform.security;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

/**
 * Records every accepted write (a 2xx answer to anything but GET, HEAD or OPTIONS) with the
 * subject of the token that made it, in the service's own {@code request_audit} table. Domain
 * audits (realisasi old and new values) say what changed; this says who asked for it, for every
 * write of every service alike. Refusals change nothing and are only logged.
 *
 * <p>By default the row is written after the answer is decided, in a transaction of its own. An
 * operation called all day (recording a realisasi) writes it in its own transaction instead,
 * with its change in one round trip ({@link #row}, {@link #written}): one commit per request
 * rather than two, and the row stands or falls with the change it records.
 */
@Singleton
public class RequestAudit {

    private static final Logger LOG = Logger.getLogger("sakip.security");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    /** The row of one request; {@link Row#bind} sets its parameters. */
    public static final String INSERT = "insert into request_audit (subject, roles, token_agency, agency, method, path, status) "
            + "values (?, ?, ?, ?, ?, ?, ?)";

    /**
     * Whether the current request's row is already written (see {@link #written}). Read and set
     * through methods: a field of the injected client proxy would be one for every request.
     */
    @RequestScoped
    public static class Recorded {
        private boolean recorded;

        boolean isRecorded() {
            return recorded;
        }

        void markRecorded() {
            recorded = true;
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Caller caller;

    @Inject
    Recorded current;

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (current.isRecorded() || READS.contains(request.getMethod()) || status < 200 || status >= 300) {
            return;
        }
        try {
            insert(request.getMethod(), request.getUriInfo(), status);
        } catch (SQLException e) {
            // The change itself is committed; losing its request record must not turn it into an error.
            LOG.errorf(e, "could not record %s %s by %s", request.getMethod(), request.getUriInfo().getPath(),
                    caller.subject());
        }
    }

    /**
     * The current request's row, for an operation that writes it itself together with its change
     * (one round trip instead of two: realization's recording of a realisasi). The caller binds it
     * to {@link #INSERT} and then calls {@link #written()}.
     */
    public Row row(String method, UriInfo uri, int status) {
        Scope scope = caller.scope();
        String query = uri.getRequestUri().getRawQuery();
        return new Row(caller.subject(), String.join(",", new TreeSet<>(scope.roles())), scope.agency(),
                uri.getPathParameters().getFirst(AgencyScopeInterceptor.AGENCY_PARAMETER), method,
                "/" + uri.getPath().replaceFirst("^/", "") + (query == null ? "" : "?" + query), status);
    }

    /** The current request's row is written (in its transaction): the response filter leaves it alone. */
    public void written() {
        current.markRecorded();
    }

    /** In a JTA transaction, the pool hands out the transaction's own connection. */
    private void insert(String method, UriInfo uri, int status) throws SQLException {
        Row row = row(method, uri, status);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            row.bind(insert, 1);
            insert.executeUpdate();
        }
    }

    /** A request_audit row: who asked for which write and how it was answered. */
    public record Row(String subject, String roles, String tokenAgency, String agency, String method, String path,
                      int status) {

        /** Sets the parameters of {@link #INSERT} from parameter index first on; returns the next index. */
        public int bind(PreparedStatement statement, int first) throws SQLException {
            statement.setString(first, subject);
            statement.setString(first + 1, roles);
            statement.setString(first + 2, tokenAgency);
            statement.setString(first + 3, agency);
            statement.setString(first + 4, method);
            statement.setString(first + 5, path);
            statement.setInt(first + 6, status);
            return first + 7;
        }
    }
}
