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
    @Operation(summary = "Rebuild the read model from the topics",
            description = "Holds the live consumer, empties the read model and the processed event ids in one "
                    + "transaction, replays sakip.planning.events, sakip.realization.events and sakip.budget.events "
                    + "from their beginning up to the end offsets taken at the start through the same apply path, "
                    + "then lets the live consumer go on (what it sees again is a no-op by event id). Answers when "
                    + "done, with the counts. Events that can never be applied were dead-lettered when they first "
                    + "came and are only counted. While it runs, readers may see a partly rebuilt model. A second "
                    + "rebuild while one runs is a 409 problem.")
    @APIResponse(responseCode = "200", description = "Rebuilt",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Rebuilder.Report.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(type = SchemaType.OBJECT)))
    public Rebuilder.Report rebuild() throws InterruptedException {
        return rebuilder.rebuild();
    }
}
