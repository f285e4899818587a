package id.go.maluku.sakip.realization.rest;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.realization.domain.TextBounds;
import jakarta.validation.constraints.Size;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.realization.domain.AgencyRef;
import id.go.maluku.sakip.realization.domain.AuditEntry;
import id.go.maluku.sakip.realization.domain.Period;
import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.realization.service.AuditService;
import id.go.maluku.sakip.platform.security.AgencyScoped;
import id.go.maluku.sakip.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;

import static id.go.maluku.sakip.realization.rest.ApiExamples.JSON;
import static id.go.maluku.sakip.realization.rest.ApiExamples.PROBLEM;

@AgencyScoped
@Path("/api/v1/agencies/{agency}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Every change: who, when, old and new value")
public class AuditResource {

    /** oldValue and newValue are Objects (JSON trees) so that the document types them as the objects they are, not as JsonNode. */
    // written whole: each property required, its nulls declared (issue 24)
    @Schema(requiredProperties = {"id", "at", "actor", "indicator", "year", "period", "subject", "subjectId", "action",
            "oldValue", "newValue", "reason"})
    public record AuditView(long id,
                            OffsetDateTime at,
                            String actor,
                            @Schema(nullable = true) String indicator,
                            @Schema(nullable = true) Integer year,
                            @Schema(nullable = true) String period,
                            String subject,
                            String subjectId,
                            String action,
                            @Schema(description = "The audited fields before the change, e.g. {\"value\": 300, \"status\": \"draft\"}; "
                                    + "null when the change created it", type = SchemaType.OBJECT, nullable = true) Object oldValue,
                            @Schema(description = "The audited fields after the change", type = SchemaType.OBJECT, nullable = true)
                            Object newValue,
                            @Schema(nullable = true) String reason) {
    }

    @Inject
    AuditService audit;

    @Inject
    ObjectMapper mapper;

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Operation(operationId = "listAudit", summary = "The audit trail of an agency, oldest first; optionally of one indicator, year, period",
            description = "actor is the subject (sub) of the bearer token of the request that made the change.")
    @APIResponse(responseCode = "200", description = "The changes, oldest first",
            content = @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AuditView.class), examples = @ExampleObject(name = "created, then returned", value = ApiExamples.AUDIT)))
    @APIResponse(responseCode = "404", description = "The agency is not known from planning",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unknown agency", value = ApiExamples.AGENCY_NOT_FOUND)))
    public List<AuditView> list(@PathParam("agency") String agency, @QueryParam("indicator") @Size(max = TextBounds.CODE) String indicator,
                                @QueryParam("year") Integer year, @QueryParam("period") @Size(max = TextBounds.PERIOD) String period) {
        AgencyRef.findByCode(agency).orElseThrow(() -> ApiProblem.notFound("agency", agency));
        String periodCode = period == null ? null : Period.parse(period).code();
        return audit.list(agency, indicator, year, periodCode).stream().map(this::view).toList();
    }

    private AuditView view(AuditEntry e) {
        return new AuditView(e.id, e.at, e.actor, e.indicatorCode, e.year, e.period, e.subject, e.subjectId, e.action,
                tree(e.oldValue), tree(e.newValue), e.reason);
    }

    private JsonNode tree(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (Exception e) {
            return mapper.getNodeFactory().textNode(json);
        }
    }
}
