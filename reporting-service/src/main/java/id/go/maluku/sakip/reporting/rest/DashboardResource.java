package id.go.maluku.sakip.reporting.rest;

import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.platform.error.InputGuard;
import jakarta.validation.constraints.Size;
import id.go.maluku.sakip.reporting.service.DashboardQuery;
import id.go.maluku.sakip.reporting.service.PerformanceQuery;
import id.go.maluku.sakip.platform.security.AgencyScoped;
import id.go.maluku.sakip.platform.security.Caller;
import id.go.maluku.sakip.platform.security.Roles;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1")
@AgencyScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboards", description = "What provincial dashboards read; every answer carries an ETag (If-None-Match gives 304)")
public class DashboardResource {

    @Inject
    DashboardQuery dashboards;

    @Inject
    PerformanceQuery performance;

    @Inject
    Conditional conditional;

    @Inject
    Caller caller;

    /** Across agencies: the province's admins and its own viewers (a viewer token without an agency). */
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    @GET
    @Path("province/years/{year}/agencies")
    @Operation(operationId = "getProvinceOverview", summary = "Province overview: every agency's average capaian and absorption",
            description = "One row per agency with results or budget in the year: the mean of its sasaran capaian "
                    + "(reported and raw), its category, and the absorption of its budget lines (each line counted "
                    + "once; pagu 0 is not computable). Also the province's average capaian and total absorption. "
                    + "Filters: category (exact label), q (part of code or name). sort: agency, name, capaian, "
                    + "absorption or pagu, '-' in front for descending (nulls last). Paged: page from 0, size 1.."
                    + DashboardQuery.MAX_PAGE_SIZE + "; a larger size is a 400 problem.")
    @APIResponse(responseCode = "200", description = "The overview",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DashboardQuery.ProvinceOverview.class),
                    examples = @ExampleObject(name = "the demo agency", value = ApiExamples.PROVINCE)))
    @APIResponse(responseCode = "400", description = "Page, size or sort out of range",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response province(@PathParam("year") int year,
                             @QueryParam("category") @Size(max = InputGuard.MAX_SEARCH) String category,
                             @QueryParam("q") @Size(max = InputGuard.MAX_SEARCH) String q,
                             @Parameter(description = "agency, name, capaian, absorption, pagu; '-' for descending",
                                     schema = @Schema(type = SchemaType.STRING, enumeration = {"agency", "-agency", "name", "-name", "capaian",
                                             "-capaian", "absorption", "-absorption", "pagu", "-pagu"}))
                             @QueryParam("sort") @DefaultValue("agency") String sort,
                             @QueryParam("page") @DefaultValue("0") int page,
                             @QueryParam("size") @DefaultValue("20") int size,
                             @Context Request request) {
        if (!caller.scope().provinceWide()) {
            throw new ForbiddenException("the province overview is for the province: an admin, or a viewer token "
                    + "without an agency; " + (caller.scope().agency() == null ? "this token's roles are an agency's"
                    : "this token belongs to agency '" + caller.scope().agency() + "'"));
        }
        return conditional.ok(request, dashboards.province(year, category, q, sort, page, size));
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Path("agencies/{agency}/trends")
    @Operation(operationId = "getTrends", summary = "Capaian and absorption of an agency across years",
            description = "Per year the agency's capaian (mean of its sasaran; reported and raw), category and "
                    + "absorption; per sasaran its capaian per year. from and to (inclusive) default to the first "
                    + "and last year with data. Unknown agency: 404 problem; from after to: 400 problem.")
    @APIResponse(responseCode = "200", description = "The trends",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DashboardQuery.Trends.class),
                    examples = @ExampleObject(name = "the demo agency, 2021-2022, shortened", value = ApiExamples.TRENDS)))
    @APIResponse(responseCode = "404", description = "Unknown agency",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response trends(@PathParam("agency") String agency, @QueryParam("from") Integer from,
                           @QueryParam("to") Integer to, @Context Request request) {
        return conditional.ok(request, dashboards.trends(agency, from, to));
    }

}
