package id.go.maluku.sakip.planning.rest;

import id.go.maluku.sakip.planning.domain.Indicator;
import id.go.maluku.sakip.planning.rest.PlanningDtos.AgencyBody;
import id.go.maluku.sakip.planning.rest.PlanningDtos.AgencyView;
import id.go.maluku.sakip.planning.rest.PlanningDtos.IndicatorBody;
import id.go.maluku.sakip.planning.rest.PlanningDtos.IndicatorView;
import id.go.maluku.sakip.planning.rest.PlanningDtos.NewAgency;
import id.go.maluku.sakip.planning.rest.PlanningDtos.PageView;
import id.go.maluku.sakip.planning.rest.PlanningDtos.SasaranBody;
import id.go.maluku.sakip.planning.rest.PlanningDtos.SasaranView;
import id.go.maluku.sakip.planning.rest.PlanningDtos.TargetBody;
import id.go.maluku.sakip.planning.rest.PlanningDtos.TargetView;
import id.go.maluku.sakip.planning.service.PlanningService;
import id.go.maluku.sakip.planning.service.PlanningService.Upserted;
import id.go.maluku.sakip.security.AgencyScoped;
import id.go.maluku.sakip.security.Caller;
import id.go.maluku.sakip.security.Roles;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/**
 * Agencies and their plan: sasaran, indicators and yearly targets. The class path names no
 * agency, so each operation under {@code {agency}} carries {@code @AgencyScoped} itself.
 */
@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plan", description = "Agencies, sasaran, indicators and targets")
public class AgencyResource {

    static final String CODE = PlanningDtos.CODE;

    @Inject
    PlanningService planning;

    @Inject
    Caller caller;

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER, Roles.INTEGRATION})
    @GET
    @Operation(summary = "List agencies", description = "Paged, sorted by code; q filters on code or name.")
    public PageView<AgencyView> list(@QueryParam("q") String q,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return new PageView<>(planning.agencies(q, page, size).stream().map(AgencyView::of).toList(), page, size,
                planning.countAgencies(q));
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Operation(summary = "Create an agency", description = "409 when the code is taken.")
    @APIResponse(responseCode = "201", description = "Created")
    public Response create(@Valid @NotNull NewAgency body) {
        AgencyView created = AgencyView.of(planning.createAgency(body.code(), body.name()));
        return Response.created(URI.create("/api/v1/agencies/" + created.code())).entity(created).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @AgencyScoped
    @PUT
    @Path("{agency}")
    @Operation(summary = "Create or update an agency by code", description = "Idempotent: the same body twice changes "
            + "nothing. Creating an agency is the province's (admin); the agency's planner may rename it.")
    public Response upsert(@PathParam("agency") @Pattern(regexp = CODE) String agency, @Valid @NotNull AgencyBody body) {
        if (!caller.has(Roles.ADMIN) && !planning.agencyExists(agency)) {
            throw new ForbiddenException("agency '" + agency + "' does not exist; creating an agency is the province's (admin)");
        }
        return respond(planning.upsertAgency(agency, body.name()), AgencyView::of);
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @AgencyScoped
    @GET
    @Path("{agency}")
    @Operation(summary = "Read an agency")
    public AgencyView get(@PathParam("agency") String agency) {
        return AgencyView.of(planning.agency(agency));
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @AgencyScoped
    @GET
    @Path("{agency}/sasaran")
    @Operation(summary = "List the sasaran of an agency", description = "In plan order, paged; q filters on code or name.")
    public PageView<SasaranView> sasaran(@PathParam("agency") String agency, @QueryParam("q") String q,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        List<SasaranView> matching = planning.sasaran(agency).stream()
                .filter(s -> q == null || q.isBlank() || s.code.toLowerCase().contains(q.toLowerCase())
                        || s.name.toLowerCase().contains(q.toLowerCase()))
                .map(SasaranView::of).toList();
        return new PageView<>(matching.stream().skip((long) page * size).limit(size).toList(), page, size, matching.size());
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @AgencyScoped
    @PUT
    @Path("{agency}/sasaran/{code}")
    @Operation(summary = "Create or update a sasaran by code")
    public Response upsertSasaran(@PathParam("agency") String agency,
                                  @PathParam("code") @Pattern(regexp = CODE) String code,
                                  @Valid @NotNull SasaranBody body) {
        return respond(planning.upsertSasaran(agency, code, body.name(), body.ordinal() == null ? 0 : body.ordinal()),
                SasaranView::of);
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @AgencyScoped
    @GET
    @Path("{agency}/indicators")
    @Operation(summary = "List the indicators of an agency, with their targets",
            description = "Paged, sorted by code; q filters on code or name, sasaran on the sasaran's code, iku=true "
                    + "keeps the Indikator Kinerja Utama.")
    public PageView<IndicatorView> indicators(@PathParam("agency") String agency, @QueryParam("q") String q,
                                              @QueryParam("sasaran") String sasaran, @QueryParam("iku") Boolean iku,
                                              @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                              @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        List<Indicator> matching = planning.indicators(agency).stream()
                .filter(i -> q == null || q.isBlank() || i.code.toLowerCase().contains(q.toLowerCase())
                        || i.name.toLowerCase().contains(q.toLowerCase()))
                .filter(i -> sasaran == null || sasaran.equals(i.sasaran.code))
                .filter(i -> iku == null || i.iku == iku)
                .toList();
        List<IndicatorView> items = matching.stream().skip((long) page * size).limit(size)
                .map(i -> IndicatorView.of(i, planning.targets(i))).toList();
        return new PageView<>(items, page, size, matching.size());
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @AgencyScoped
    @GET
    @Path("{agency}/indicators/{code}")
    @Operation(summary = "Read an indicator with its targets")
    public IndicatorView indicator(@PathParam("agency") String agency, @PathParam("code") String code) {
        Indicator indicator = planning.indicator(agency, code);
        return IndicatorView.of(indicator, planning.targets(indicator));
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @AgencyScoped
    @PUT
    @Path("{agency}/indicators/{code}")
    @Operation(summary = "Create or update an indicator by code")
    public Response upsertIndicator(@PathParam("agency") String agency,
                                    @PathParam("code") @Pattern(regexp = CODE) String code,
                                    @Valid @NotNull IndicatorBody body) {
        Upserted<Indicator> result = planning.upsertIndicator(agency, code, body.sasaran(), body.name(), body.unit(),
                body.polarity());
        return respond(result, i -> IndicatorView.of(i, planning.targets(i)));
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @AgencyScoped
    @PUT
    @Path("{agency}/indicators/{code}/targets/{year}")
    @Operation(summary = "Set the target of an indicator for a year")
    public Response setTarget(@PathParam("agency") String agency, @PathParam("code") String code,
                              @PathParam("year") @Min(2000) @Max(2100) int year,
                              @Valid @NotNull TargetBody body) {
        return respond(planning.setTarget(agency, code, year, body.value()), TargetView::of);
    }

    private static <E, V> Response respond(Upserted<E> result, java.util.function.Function<E, V> view) {
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(view.apply(result.entity())).build();
    }
}
