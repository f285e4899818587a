package id.go.maluku.sakip.reporting.rest;

import id.go.maluku.sakip.platform.security.AgencyScoped;
import id.go.maluku.sakip.platform.security.Caller;
import id.go.maluku.sakip.platform.security.Roles;
import id.go.maluku.sakip.reporting.service.EfficiencyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.List;

/**
 * Efficiency per sasaran set by hand, with its justification: the LKIP's BAB III prints it as set
 * by hand, the reason and the computed figure beside it. The agency's planners set it.
 */
@Path("/api/v1/agencies/{agency}/years/{year}/efficiency")
@AgencyScoped
@Tag(name = "LKIP", description = "The performance report, its review and its narratives")
@Produces(MediaType.APPLICATION_JSON)
public class EfficiencyResource {

    @Inject
    EfficiencyService efficiency;

    @Inject
    Caller caller;

    public record EfficiencyBody(
            @Schema(description = "The efficiency, as a share of the sasaran's pagu in percent: 0 to 100, two decimals at most",
                    example = "12.5", minimum = "0", maximum = "100", required = true) BigDecimal efficiency,
            @Schema(description = "Why the computed figure does not hold: printed in the report beside the figure "
                    + "(20 to 2000 characters)", example = "Harga satuan turun setelah lelang ulang; sisa anggaran tidak dipakai",
                    required = true) @Size(max = 2000) String justification) {
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Operation(operationId = "listEfficiencyOverrides", summary = "Every version of every efficiency set by hand for the year",
            description = "Oldest first per sasaran; a version without efficiency withdrew the one before it. Unknown agency: 404.")
    @APIResponse(responseCode = "200", description = "Every version, oldest first per sasaran",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = EfficiencyService.Version.class),
                    examples = @ExampleObject(name = "set, then withdrawn", value = ApiExamples.EFFICIENCY_VERSIONS)))
    public List<EfficiencyService.Version> all(@PathParam("agency") String agency, @PathParam("year") int year) {
        return efficiency.all(agency, year);
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @PUT
    @Path("{sasaran}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "a tender's savings",
            value = "{\"efficiency\": 12.5, \"justification\": \"Harga satuan turun setelah lelang ulang; sisa anggaran tidak dipakai\"}")))
    @Operation(operationId = "setEfficiencyOverride", summary = "Set a sasaran's efficiency by hand",
            description = "The computed efficiency (target met with less money: 100 - absorption) is replaced in the "
                    + "LKIP by this figure, printed as set by hand with its justification and the computed one beside it. "
                    + "A new figure or reason is a new version; the same again changes nothing. writtenBy is the subject "
                    + "of the bearer token. Unknown agency or sasaran: 404; a figure outside 0-100, more than two "
                    + "decimals, or a justification missing or under 20 characters: 400.")
    @APIResponse(responseCode = "200", description = "The version now in force",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EfficiencyService.Version.class),
                    examples = @ExampleObject(name = "a tender's savings", value = ApiExamples.EFFICIENCY_SET)))
    public EfficiencyService.Version set(@PathParam("agency") String agency, @PathParam("year") int year,
                                         @PathParam("sasaran") String sasaran, @Valid @NotNull EfficiencyBody body) {
        return efficiency.set(agency, year, sasaran, body.efficiency(), body.justification(), caller.subject());
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @DELETE
    @Path("{sasaran}")
    @Operation(operationId = "withdrawEfficiencyOverride", summary = "Withdraw a sasaran's efficiency set by hand",
            description = "The computed figure counts again; the withdrawal is kept as a version (who and when). "
                    + "None set: 404.")
    @APIResponse(responseCode = "200", description = "The withdrawal, kept as a version without efficiency",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EfficiencyService.Version.class),
                    examples = @ExampleObject(name = "withdrawn", value = ApiExamples.EFFICIENCY_WITHDRAWN)))
    public EfficiencyService.Version withdraw(@PathParam("agency") String agency, @PathParam("year") int year,
                                              @PathParam("sasaran") String sasaran) {
        return efficiency.withdraw(agency, year, sasaran, caller.subject());
    }
}
