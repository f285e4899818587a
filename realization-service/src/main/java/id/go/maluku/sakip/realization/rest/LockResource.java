package id.go.maluku.sakip.realization.rest;

import id.go.maluku.sakip.realization.domain.PeriodLock;
import id.go.maluku.sakip.realization.domain.TextBounds;
import id.go.maluku.sakip.realization.service.LockService;
import id.go.maluku.sakip.platform.security.AgencyScoped;
import id.go.maluku.sakip.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static id.go.maluku.sakip.realization.rest.ApiExamples.JSON;
import static id.go.maluku.sakip.realization.rest.ApiExamples.PROBLEM;

@AgencyScoped
@Path("/api/v1/agencies/{agency}/locks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Period locks", description = "Periods closed for changes after a deadline; reopened only with a reason")
public class LockResource {

    public record LockBody(@Schema(description = "Last day (province time) on which the period's data may change",
            example = "2023-01-31") LocalDate deadline) {
    }

    // the reason is required by the rule (LockService.unlock); its bound is its column's (a longer one was a 500)
    public record UnlockBody(@Schema(description = "Why the closed period is reopened (audited)",
            example = "Koreksi data realisasi triwulan IV atas temuan Inspektorat")
            @Size(max = TextBounds.NOTE, message = TextBounds.AT_MOST) String reason) {
    }

    // written whole, nulls included: every property is required (issue 24; RealisasiLifecycleTests checks real ones)
    @Schema(requiredProperties = {"year", "period", "deadline", "locked", "createdBy", "createdAt", "unlockedBy",
            "unlockedAt", "unlockReason", "publicationVersion"})
    public record LockView(int year,
                           String period,
                           LocalDate deadline,
                           boolean locked,
                           String createdBy,
                           OffsetDateTime createdAt,
                           @Schema(nullable = true) String unlockedBy,
                           @Schema(nullable = true) OffsetDateTime unlockedAt,
                           @Schema(nullable = true) String unlockReason,
                           @Schema(nullable = true, description = "The version of the published LKIP that locked the "
                                   + "period (publishing locks the whole year, Y); null for a lock set by hand. "
                                   + "Unlocking it marks that publication as superseded by data in reporting-service.",
                                   example = "1") Integer publicationVersion) {
    }

    @Inject
    LockService locks;

    @RolesAllowed({Roles.ADMIN, Roles.VERIFIER})
    @PUT
    @Path("{year}/{period}")
    @Operation(operationId = "setLock", summary = "Set the deadline of a period (Y covers the whole year, a quarter its months)",
            description = "The period is locked from the day after the deadline. A deadline in the past locks at "
                    + "once. While locked, moving the deadline to today or later is refused (409): unlock instead.")
    @RequestBody(content = @Content(mediaType = JSON, examples = @ExampleObject(name = "the fourth quarter's deadline",
            value = "{\"deadline\": \"2023-01-31\"}")))
    @APIResponse(responseCode = "201", description = "The period's lock is new",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = LockView.class), examples = @ExampleObject(name = "locked at once", value = ApiExamples.LOCK)))
    @APIResponse(responseCode = "200", description = "The deadline is moved",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = LockView.class), examples = @ExampleObject(name = "deadline moved", value = ApiExamples.LOCK)))
    @APIResponse(responseCode = "400", description = "Not a period, or no deadline",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "not a period", value = ApiExamples.BAD_PERIOD)))
    @APIResponse(responseCode = "409", description = "The period is locked: unlock it instead",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "locked", value = ApiExamples.STILL_LOCKED)))
    public Response set(@PathParam("agency") String agency, @PathParam("year") int year,
                        @PathParam("period") String period, @Valid @NotNull LockBody body) {
        LockService.Changed changed = locks.set(agency, year, period, body.deadline());
        return Response.status(changed.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(view(changed.lock())).build();
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("{year}/{period}/unlock")
    @Operation(operationId = "unlockPeriod", summary = "Reopen a locked period; the reason is required and audited",
            description = "Also a year locked by the publication of its LKIP: the unlock is published "
                    + "(sakip.realization.period.unlocked.v1) and reporting-service marks that publication as "
                    + "superseded by data.")
    @RequestBody(content = @Content(mediaType = JSON, examples = @ExampleObject(name = "a correction after an audit",
            value = "{\"reason\": \"Koreksi data realisasi triwulan IV atas temuan Inspektorat\"}")))
    @APIResponse(responseCode = "200", description = "The lock, lifted, with who and why",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = LockView.class), examples = @ExampleObject(name = "reopened", value = ApiExamples.UNLOCKED)))
    @APIResponse(responseCode = "400", description = "The reason is missing",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "no reason", value = ApiExamples.REASON_REQUIRED)))
    @APIResponse(responseCode = "409", description = "The period is not locked",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "not locked", value = ApiExamples.NOT_LOCKED)))
    public LockView unlock(@PathParam("agency") String agency, @PathParam("year") int year,
                           @PathParam("period") String period, @Valid @NotNull UnlockBody body) {
        return view(locks.unlock(agency, year, period, body.reason()));
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Operation(operationId = "listLocks", summary = "The period locks of an agency")
    @APIResponse(responseCode = "200", description = "The agency's locks",
            content = @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = LockView.class), examples = @ExampleObject(name = "one reopened, the year locked by its published LKIP", value = ApiExamples.LOCKS)))
    @APIResponse(responseCode = "403", description = "The token is of another agency, or its roles do not allow this",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "another agency", value = ApiExamples.OTHER_AGENCY)))
    public List<LockView> list(@PathParam("agency") String agency) {
        return locks.list(agency).stream().map(this::view).toList();
    }

    private LockView view(PeriodLock l) {
        return new LockView(l.year, l.period, l.deadline, l.inForce(locks.today()), l.createdBy, l.createdAt,
                l.unlockedBy, l.unlockedAt, l.unlockReason, l.publicationVersion);
    }
}
