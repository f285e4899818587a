package id.go.maluku.sakip.reporting.rest;

import id.go.maluku.sakip.reporting.service.Rebuilder;
import id.go.maluku.sakip.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Province-wide operations on the read model: the province's admins only. */
@Path("/api/v1/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Operations on the read model")
public class AdminResource {

    @Inject
    Rebuilder rebuilder;

    @POST
    @Path("rebuild")
    @Operation(operationId = "rebuildReadModel", summary = "Rebuild the read model from the topics",
            description = "Replays sakip.planning.events, sakip.realization.events and sakip.budget.events from their "
                    + "beginning up to the end offsets taken at the start, through the same apply path as the live "
                    + "consumer, into a schema beside the live read model; readers keep the live model meanwhile. When "
                    + "the replay is complete the live tables take the rebuilt rows in one transaction. A rebuild that "
                    + "times out (503), fails (503), meets an event still parked in /api/v1/admin/parked-events (409, naming "
                    + "it; a discarded one is passed over) or one it cannot apply (409) leaves the live model exactly as it was. One rebuild "
                    + "at a time across every instance (a database lock): a second one is a 409 problem. Answers when "
                    + "done, with the counts.")
    @APIResponse(responseCode = "200", description = "Rebuilt",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Rebuilder.Report.class),
                    examples = @ExampleObject(name = "rebuilt", value = ApiExamples.REBUILD)))
    @APIResponse(responseCode = "503", description = "The rebuild did not finish in time or failed; the live model is unchanged",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "A rebuild is already running, or the replay met an event not discarded",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Rebuilder.Report rebuild() throws InterruptedException, java.sql.SQLException {
        return rebuilder.rebuild();
    }
}
