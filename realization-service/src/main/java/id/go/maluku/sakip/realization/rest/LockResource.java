package id.go.maluku.sakip.realization.rest;

import id.go.maluku.sakip.realization.domain.PeriodLock;
import id.go.maluku.sakip.realization.service.LockService;
import id.go.maluku.sakip.security.AgencyScoped;
import id.go.maluku.sakip.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

@AgencyScoped
@Path("/api/v1/agencies/{agency}/locks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Period locks", description = "Periods closed for changes after a deadline; reopened only with a reason")
public class LockResource {

    public record LockBody(@Schema(description = "Last day (province time) on which the period's data may change",
            example = "2023-01-31") LocalDate deadline) {
    }

    public record UnlockBody(@Schema(description = "Why the closed period is reopened (audited)",
            example = "Koreksi data realisasi triwulan IV atas temuan Inspektorat") String reason) {
    }

    public record LockView(int year, String period, LocalDate deadline, boolean locked, String createdBy,
                           OffsetDateTime createdAt, String unlockedBy, OffsetDateTime unlockedAt, String unlockReason) {
    }

    @Inject
    LockService locks;

    @RolesAllowed({Roles.ADMIN, Roles.VERIFIER})
    @PUT
    @Path("{year}/{period}")
    @Operation(summary = "Set the deadline of a period (Y covers the whole year, a quarter its months)",
            description = "The period is locked from the day after the deadline. A deadline in the past locks at "
                    + "once. While locked, moving the deadline to today or later is refused (409): unlock instead.")
    public Response set(@PathParam("agency") String agency, @PathParam("year") int year,
                        @PathParam("period") String period, @Valid @NotNull LockBody body) {
        LockService.Changed changed = locks.set(agency, year, period, body.deadline());
        return Response.status(changed.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(view(changed.lock())).build();
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("{year}/{period}/unlock")
    @Operation(summary = "Reopen a locked period; the reason is required and audited")
    public LockView unlock(@PathParam("agency") String agency, @PathParam("year") int year,
                           @PathParam("period") String period, @Valid @NotNull UnlockBody body) {
        return view(locks.unlock(agency, year, period, body.reason()));
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Operation(summary = "The period locks of an agency")
    public List<LockView> list(@PathParam("agency") String agency) {
        return locks.list(agency).stream().map(this::view).toList();
    }

    private LockView view(PeriodLock l) {
        return new LockView(l.year, l.period, l.deadline, l.inForce(locks.today()), l.createdBy, l.createdAt,
                l.unlockedBy, l.unlockedAt, l.unlockReason);
    }
}
