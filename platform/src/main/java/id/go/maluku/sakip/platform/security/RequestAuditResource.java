package id.go.maluku.sakip.platform.security;

import io.agroal.api.AgroalDataSource;
import id.go.maluku.sakip.platform.error.InputGuard;
import jakarta.validation.constraints.Size;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/request-audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Request audit", description = "Every accepted write with the subject of its token")
public class RequestAuditResource {

    @Schema(name = "RequestAuditEntry", requiredProperties = {"id", "at", "subject", "roles", "tokenAgency", "agency",
            "method", "path", "status"})
    public record Entry(long id, OffsetDateTime at, String subject, String roles,
                        @Schema(nullable = true, description = "The token's agency claim; null for a province-wide role") String tokenAgency,
                        @Schema(nullable = true, description = "The agency in the path; null for a path that names none") String agency,
                        String method, String path, int status) {
    }

    @Schema(name = "RequestAuditPage", requiredProperties = {"items", "page", "size", "total"})
    public record Page(List<Entry> items, int page, int size, long total) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VERIFIER})
    @Operation(operationId = "listRequestAudit", summary = "Accepted writes, newest first",
            description = "Admins read every agency's; a verifier (the internal auditor) reads their own agency's "
                    + "and must name it. Filters: agency, subject. Paged: page (from 0), size (1 to 500).")
    // as budget's SecurityTests reads it: a planner's write to a budget line of the demo agency
    @APIResponse(responseCode = "200", description = "The writes, newest first, paged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class),
                    examples = @ExampleObject(name = "a planner's write", value = """
                            {"items": [{"id": 52, "at": "2026-12-07T08:41:02.517Z", "subject": "rina.planner", "roles": "planner",
                                        "tokenAgency": "dinsos-maluku", "agency": "dinsos-maluku", "method": "PUT",
                                        "path": "/api/v1/agencies/dinsos-maluku/years/2022/budget/lines/1.06.04.2.01.0010",
                                        "status": 200}],
                             "page": 0, "size": 50, "total": 1}""")))
    public Page list(@QueryParam("agency") @Size(max = InputGuard.MAX_CODE) String agency, @QueryParam("subject") @Size(max = InputGuard.MAX_SEARCH) String subject,
                     @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size)
            throws SQLException {
        if (page < 0 || size < 1 || size > 500) {
            throw new BadRequestException("page must be 0 or more and size between 1 and 500");
        }
        if (!caller.scope().provinceWide()) {
            if (agency == null) {
                throw new io.quarkus.security.ForbiddenException("name your agency: ?agency=" + caller.scope().agency());
            }
            caller.requireAgency(agency);
        }
        String where = " where (?::text is null or agency = ?) and (?::text is null or subject = ?)";
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = connection.prepareStatement("select count(*) from request_audit" + where)) {
                bind(count, agency, subject);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
            List<Entry> items = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select id, at, subject, roles, token_agency, agency, method, path, status from request_audit"
                            + where + " order by id desc limit ? offset ?")) {
                bind(select, agency, subject);
                select.setInt(5, size);
                select.setLong(6, (long) page * size);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        items.add(new Entry(rows.getLong(1), rows.getObject(2, OffsetDateTime.class), rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                                rows.getString(8), rows.getInt(9)));
                    }
                }
            }
            return new Page(items, page, size, total);
        }
    }

    private static void bind(PreparedStatement statement, String agency, String subject) throws SQLException {
        statement.setString(1, agency);
        statement.setString(2, agency);
        statement.setString(3, subject);
        statement.setString(4, subject);
    }
}
