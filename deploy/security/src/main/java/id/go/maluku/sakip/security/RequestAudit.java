package id.go.maluku.sakip.security;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
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
 */
public class RequestAudit {

    private static final Logger LOG = Logger.getLogger("sakip.security");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Caller caller;

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (READS.contains(request.getMethod()) || status < 200 || status >= 300) {
            return;
        }
        Scope scope = caller.scope();
        String agency = request.getUriInfo().getPathParameters().getFirst(AgencyScopeInterceptor.AGENCY_PARAMETER);
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into request_audit (subject, roles, token_agency, agency, method, path, status) "
                             + "values (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, caller.subject());
            insert.setString(2, String.join(",", new TreeSet<>(scope.roles())));
            insert.setString(3, scope.agency());
            insert.setString(4, agency);
            insert.setString(5, request.getMethod());
            insert.setString(6, "/" + request.getUriInfo().getPath().replaceFirst("^/", "")
                    + (query == null ? "" : "?" + query));
            insert.setInt(7, status);
            insert.executeUpdate();
        } catch (SQLException e) {
            // The change itself is committed; losing its request record must not turn it into an error.
            LOG.errorf(e, "could not record %s %s by %s", request.getMethod(), request.getUriInfo().getPath(),
                    caller.subject());
        }
    }
}
