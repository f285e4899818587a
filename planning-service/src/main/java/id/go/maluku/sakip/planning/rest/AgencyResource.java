package id.go.maluku.sakip.planning.rest;

import id.go.maluku.sakip.planning.domain.Indicator;
import id.go.maluku.sakip.platform.error.InputGuard;
import jakarta.validation.constraints.Size;
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
import id.go.maluku.sakip.planning.service.PlanElements;
import id.go.maluku.sakip.planning.service.PlanElements.Upserted;
import id.go.maluku.sakip.platform.security.AgencyScoped;
import id.go.maluku.sakip.platform.security.Caller;
import id.go.maluku.sakip.platform.security.Roles;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

import static id.go.maluku.sakip.planning.rest.ApiExamples.JSON;
import static id.go.maluku.sakip.planning.rest.ApiExamples.PROBLEM;

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
    PlanElements planning;

    @Inject
    Caller caller;

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER, Roles.INTEGRATION})
    @GET
    @Operation(operationId = "listAgencies", summary = "List agencies", description = "Paged, sorted by code; q filters on code or name.")
    @APIResponse(responseCode = "200", description = "A page of agencies",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ApiSchemas.AgencyPage.class), examples = @ExampleObject(name = "agencies", value = ApiExamples.AGENCY_PAGE)))
    @APIResponse(responseCode = "400", description = "page below 0, or size outside 1-200",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "size too large", value = ApiExamples.BAD_PAGE)))
    public PageView<AgencyView> list(@QueryParam("q") @Size(max = InputGuard.MAX_SEARCH) String q,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return new PageView<>(planning.agencies(q, page, size).stream().map(AgencyView::of).toList(), page, size,
                planning.countAgencies(q));
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Operation(operationId = "createAgency", summary = "Create an agency", description = "409 when the code is taken.")
    @RequestBody(content = @Content(mediaType = JSON, examples = @ExampleObject(name = "agency", value = ApiExamples.NEW_AGENCY)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PlanningDtos.AgencyView.class), examples = @ExampleObject(name = "created", value = ApiExamples.AGENCY)))
    @APIResponse(responseCode = "400", description = "A field is missing or malformed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "no name", value = ApiExamples.INVALID_NAME)))
    @APIResponse(responseCode = "409", description = "The code is taken",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "taken", value = ApiExamples.AGENCY_CONFLICT)))
    public Response create(@Valid @NotNull NewAgency body) {
        AgencyView created = AgencyView.of(planning.createAgency(body.code(), body.name()));
        return Response.created(URI.create("/api/v1/agencies/" + created.code())).entity(created).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @AgencyScoped
    @PUT
    @Path("{agency}")
    @Operation(operationId = "putAgency", summary = "Create or update an agency by code", description = "Idempotent: the same body twice changes "
            + "nothing. Creating an agency is the province's (admin); the agency's planner may rename it.")
    @RequestBody(content = @Content(mediaType = JSON, examples = @ExampleObject(name = "rename", value = ApiExamples.AGENCY_BODY)))
    @APIResponse(responseCode = "200", description = "Updated, or unchanged",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PlanningDtos.AgencyView.class), examples = @ExampleObject(name = "agency", value = ApiExamples.AGENCY)))
    @APIResponse(responseCode = "201", description = "Created (admin)",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PlanningDtos.AgencyView.class), examples = @ExampleObject(name = "agency", value = ApiExamples.AGENCY)))
    @APIResponse(responseCode = "400", description = "No name",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "no name", value = ApiExamples.INVALID_NAME)))
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
    @Operation(operationId = "getAgency", summary = "Read an agency")
    @APIResponse(responseCode = "200", description = "The agency",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PlanningDtos.AgencyView.class), examples = @ExampleObject(name = "agency", value = ApiExamples.AGENCY)))
    @APIResponse(responseCode = "404", description = "No such agency",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unknown", value = ApiExamples.AGENCY_NOT_FOUND)))
    public AgencyView get(@PathParam("agency") String agency) {
        return AgencyView.of(planning.agency(agency));
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @AgencyScoped
    @GET
    @Path("{agency}/sasaran")
    @Operation(operationId = "listSasaran", summary = "List the sasaran of an agency", description = "In plan order, paged; q filters on code or name.")
    @APIResponse(responseCode = "200", description = "A page of sasaran",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ApiSchemas.SasaranPage.class), examples = @ExampleObject(name = "sasaran", value = ApiExamples.SASARAN_PAGE)))
    @APIResponse(responseCode = "400", description = "page below 0, or size outside 1-200",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "size too large", value = ApiExamples.BAD_PAGE)))
    @APIResponse(responseCode = "404", description = "No such agency",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unknown", value = ApiExamples.AGENCY_NOT_FOUND)))
    public PageView<SasaranView> sasaran(@PathParam("agency") String agency, @QueryParam("q") @Size(max = InputGuard.MAX_SEARCH) String q,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        List<SasaranView> matching = planning.sasaran(agency).stream()
                .filter(s -> q == null || q.isBlank() || s.code.toLowerCase().contains(q.toLowerCase())
                        || s.name.toLowerCase().contains(q.toLowerCase()))
                .map(SasaranView::of).toList();
        return new PageView<>(matching.stream().skip((long) page * size).limit(size).toList(), page, size, matching.size());
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @AgencyScoped
    @GET
    @Path("{agency}/sasaran/{code}")
    @Operation(operationId = "getSasaran", summary = "Read a sasaran")
    @APIResponse(responseCode = "200", description = "The sasaran",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PlanningDtos.SasaranView.class), examples = @ExampleObject(name = "S5", value = ApiExamples.SASARAN)))
    @APIResponse(responseCode = "404", description = "No such sasaran (or agency)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unknown", value = ApiExamples.SASARAN_NOT_FOUND)))
    public SasaranView sasaranByCode(@PathParam("agency") String agency, @PathParam("code") String code) {
        return SasaranView.of(planning.sasaran(agency, code));
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @AgencyScoped
    @PUT
    @Path("{agency}/sasaran/{code}")
    @Operation(operationId = "putSasaran", summary = "Create or update a sasaran by code", description = "Idempotent: the same body twice changes "
            + "nothing and publishes nothing. A sasaran removed earlier comes back with its old id.")
    @RequestBody(content = @Content(mediaType = JSON, examples = @ExampleObject(name = "sasaran", value = ApiExamples.SASARAN_BODY)))
    @APIResponse(responseCode = "200", description = "Updated, or unchanged",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PlanningDtos.SasaranView.class), examples = @ExampleObject(name = "sasaran", value = ApiExamples.SASARAN)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PlanningDtos.SasaranView.class), examples = @ExampleObject(name = "sasaran", value = ApiExamples.SASARAN)))
    @APIResponse(responseCode = "400", description = "A field is missing or malformed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "no name", value = ApiExamples.INVALID_NAME)))
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
    @Operation(operationId = "listIndicators", summary = "List the indicators of an agency, with their targets",
            description = "Paged, sorted by code; q filters on code or name, sasaran on the sasaran's code, iku=true "
                    + "keeps the Indikator Kinerja Utama.")
    @APIResponse(responseCode = "200", description = "A page of indicators",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ApiSchemas.IndicatorPage.class), examples = @ExampleObject(name = "indicators", value = ApiExamples.INDICATOR_PAGE)))
    @APIResponse(responseCode = "400", description = "page below 0, or size outside 1-200",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "size too large", value = ApiExamples.BAD_PAGE)))
    @APIResponse(responseCode = "404", description = "No such agency",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unknown", value = ApiExamples.AGENCY_NOT_FOUND)))
    public PageView<IndicatorView> indicators(@PathParam("agency") String agency, @QueryParam("q") @Size(max = InputGuard.MAX_SEARCH) String q,
                                              @QueryParam("sasaran") @Size(max = InputGuard.MAX_CODE) String sasaran, @QueryParam("iku") Boolean iku,
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
    @Operation(operationId = "getIndicator", summary = "Read an indicator with its targets")
    @APIResponse(responseCode = "200", description = "The indicator",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PlanningDtos.IndicatorView.class), examples = @ExampleObject(name = "IK5", value = ApiExamples.INDICATOR)))
    @APIResponse(responseCode = "404", description = "No such indicator (or agency)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unknown", value = ApiExamples.INDICATOR_NOT_FOUND)))
    public IndicatorView indicator(@PathParam("agency") String agency, @PathParam("code") String code) {
        Indicator indicator = planning.indicator(agency, code);
        return IndicatorView.of(indicator, planning.targets(indicator));
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @AgencyScoped
    @PUT
    @Path("{agency}/indicators/{code}")
    @Operation(operationId = "putIndicator", summary = "Create or update an indicator by code", description = "The short form: sasaran, name, unit "
            + "and polarity; the rest of the definition (formula, responsible unit, ...) is kept, and set by the plan "
            + "document. Changing the polarity of an indicator that has targets is a 409. An indicator removed earlier "
            + "comes back with its old id.")
    @RequestBody(content = @Content(mediaType = JSON, examples = @ExampleObject(name = "IK5", value = ApiExamples.INDICATOR_BODY)))
    @APIResponse(responseCode = "200", description = "Updated, or unchanged",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PlanningDtos.IndicatorView.class), examples = @ExampleObject(name = "IK5", value = ApiExamples.INDICATOR)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PlanningDtos.IndicatorView.class), examples = @ExampleObject(name = "IK5", value = ApiExamples.INDICATOR)))
    @APIResponse(responseCode = "400", description = "A field is missing or malformed, or the sasaran does not exist",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "bad polarity", value = ApiExamples.INVALID_INDICATOR)))
    @APIResponse(responseCode = "409", description = "The polarity changes while the indicator has targets of the old one",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
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
    @Operation(operationId = "setIndicatorTarget", summary = "Set the Renstra target of an indicator for a year", description = "The "
            + "target as the plan document and the Excel upload take it (TargetValue), for the indicator's polarity: a number "
            + "of at least 0 for a positive or negative indicator, {\"low\": n, \"high\": m} with low not above high for a "
            + "range indicator, a level of its scale for an ordinal one. The year must fall in the Renstra period.")
    @RequestBody(content = @Content(mediaType = JSON, examples = {
            @ExampleObject(name = "175", summary = "a number (positive or negative polarity)", value = ApiExamples.TARGET_BODY),
            @ExampleObject(name = "80 to 90", summary = "a range (range polarity)", value = ApiExamples.TARGET_RANGE_BODY),
            @ExampleObject(name = "B", summary = "a level of the indicator's scale (ordinal polarity)", value = ApiExamples.TARGET_LEVEL_BODY)}))
    @APIResponse(responseCode = "200", description = "Updated, or unchanged",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PlanningDtos.TargetView.class), examples = @ExampleObject(name = "2023", value = ApiExamples.TARGET)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PlanningDtos.TargetView.class), examples = @ExampleObject(name = "2023", value = ApiExamples.TARGET)))
    @APIResponse(responseCode = "400", description = "A value the indicator's polarity does not take (text for a number, a "
            + "number below 0, a range whose low is above its high, a level not on the scale), or a year outside the Renstra",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = {
                    @ExampleObject(name = "outside the Renstra", value = ApiExamples.INVALID_TARGET),
                    @ExampleObject(name = "not on the scale", value = ApiExamples.TARGET_NOT_ON_SCALE)}))
    @APIResponse(responseCode = "404", description = "No such indicator",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unknown", value = ApiExamples.INDICATOR_NOT_FOUND)))
    public Response setTarget(@PathParam("agency") String agency, @PathParam("code") String code,
                              @PathParam("year") @Min(2000) @Max(2100) int year,
                              @Valid @NotNull TargetBody body) {
        return respond(planning.setTarget(agency, code, year, body.value()), TargetView::of);
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @AgencyScoped
    @DELETE
    @Path("{agency}/sasaran/{code}")
    @Operation(operationId = "deleteSasaran", summary = "Remove a sasaran", description = "Only a sasaran that no indicator measures and no Perjanjian "
            + "Kinerja names (409 otherwise, naming them). Publishes sakip.planning.sasaran.removed.v1. Importing a plan "
            + "document that names it, or a PUT, creates it again.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such sasaran (also when it was removed already)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unknown", value = ApiExamples.SASARAN_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Indicators still measure it, or a Perjanjian Kinerja names it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "has indicators", value = ApiExamples.SASARAN_IN_USE)))
    public Response removeSasaran(@PathParam("agency") String agency, @PathParam("code") String code) {
        planning.removeSasaran(agency, code);
        return Response.noContent().build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @AgencyScoped
    @DELETE
    @Path("{agency}/indicators/{code}")
    @Operation(operationId = "deleteIndicator", summary = "Remove an indicator with its Renstra targets", description = "Refused (409, naming the "
            + "versions) while a Perjanjian Kinerja version names it: a signed version never changes, and a draft must "
            + "drop it first. Publishes sakip.planning.target.removed.v1 for each target, then "
            + "sakip.planning.indicator.removed.v1: realization then refuses new realisasi for it (its history stays "
            + "readable) and reporting drops it from the performance. Importing a plan document that names it, or a "
            + "PUT, creates it again with its old id.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such indicator (also when it was removed already)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unknown", value = ApiExamples.INDICATOR_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "A Perjanjian Kinerja version names it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "in a signed PK", value = ApiExamples.INDICATOR_IN_SIGNED_PK)))
    public Response removeIndicator(@PathParam("agency") String agency, @PathParam("code") String code) {
        planning.removeIndicator(agency, code);
        return Response.noContent().build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @AgencyScoped
    @DELETE
    @Path("{agency}/indicators/{code}/targets/{year}")
    @Operation(operationId = "deleteIndicatorTarget", summary = "Remove the Renstra target of an indicator for a year",
            description = "Publishes sakip.planning.target.removed.v1. The Perjanjian Kinerja keeps its own targets.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", description = "A year outside 2000-2100",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "year", value = ApiExamples.BAD_YEAR)))
    @APIResponse(responseCode = "404", description = "No such indicator, or no target for that year",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "no target", value = ApiExamples.TARGET_NOT_FOUND)))
    public Response removeTarget(@PathParam("agency") String agency, @PathParam("code") String code,
                                 @PathParam("year") @Min(2000) @Max(2100) int year) {
        planning.removeTarget(agency, code, year);
        return Response.noContent().build();
    }

    private static <E, V> Response respond(Upserted<E> result, java.util.function.Function<E, V> view) {
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(view.apply(result.entity())).build();
    }
}
