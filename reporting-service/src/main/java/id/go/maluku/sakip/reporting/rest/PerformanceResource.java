package id.go.maluku.sakip.reporting.rest;

import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.reporting.service.DashboardQuery;
import id.go.maluku.sakip.reporting.service.PerformanceCache;
import id.go.maluku.sakip.reporting.service.PerformanceQuery;
import id.go.maluku.sakip.platform.security.AgencyScoped;
import id.go.maluku.sakip.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import java.util.List;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/agencies/{agency}/years/{year}")
@AgencyScoped
// Unpublished figures: the agency's own staff and the province (docs/security.md).
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Performance", description = "Capaian and budget absorption computed from the other services' events; every answer carries an ETag (If-None-Match gives 304)")
public class PerformanceResource {

    @Inject
    PerformanceCache cache;

    @Inject
    Conditional conditional;

    @Inject
    DashboardQuery dashboards;

    @GET
    @Path("performance")
    @Operation(operationId = "getPerformance", summary = "Capaian per sasaran and per indicator",
            description = "For each sasaran of the agency and year: capaian (reported, capped per the agency's policy), "
                    + "capaianRaw (never capped), category (the agency's rating scale, or Permendagri 86/2017 bands), "
                    + "last year's capaian and the change, the budget lines serving it with their absorption (a line "
                    + "serving two sasaran counted once in the agency's total) and efficiency; for each indicator the "
                    + "target (number, range or ordinal level), realisasi (the yearly value, or quarters/months "
                    + "aggregated per the indicator's rule), raw and capped capaian, category, last year's target, "
                    + "realisasi and capaian, progress along the Renstra towards the end-of-period target, and "
                    + "realisasiUpdates (distinct realisasi events applied). Recomputed asynchronously on every "
                    + "event; freshness is the time of the newest event a result is built from. Carries an ETag: "
                    + "If-None-Match answers 304 while nothing changed. An agency with a budget but no targets for "
                    + "the year: status NO_TARGET, no sasaran, and its budget with every line and its absorption. "
                    + "policy: the capaian policy the figures follow, with categoryBasis (what every category is "
                    + "taken from: CAPPED the band of the capped capaian, RAW the band of the raw one, TARGET "
                    + "realisasi against target in targetLabels' words; a sasaran or the agency by its mean raw "
                    + "capaian against 100). An unknown agency, or a year with neither targets nor budget, is a 404 "
                    + "problem.")
    @APIResponse(responseCode = "200", description = "The performance",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PerformanceQuery.Performance.class),
                    examples = @ExampleObject(name = "the demo agency, shortened", value = ApiExamples.PERFORMANCE)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "Unknown agency, or neither targets nor budget for the year",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @NonBlocking
    public Uni<Response> performance(@PathParam("agency") String agency, @PathParam("year") int year,
                                     @Context Request request) {
        // Nearly every poll is answered from the kept document with no database read: on the
        // event loop, without a hop to a worker thread (at 32 connections the worker threads
        // time-sliced on 2 cores made the slowest answers 2-3 times slower). Reading the version
        // or building the document blocks: that goes to a worker.
        // A request that finds the version aged waits, without a thread, for the one read of it
        // that serves its 5 ms (PerformanceCache.versionFor).
        PerformanceCache.Entry kept = cache.keptAndCurrent(agency, year);
        if (kept != null) {
            return Uni.createFrom().item(conditional.ok(request, kept.document()));
        }
        return Uni.createFrom().completionStage(() -> cache.versionFor(System.nanoTime(), Infrastructure.getDefaultWorkerPool()))
                .onItem().transformToUni(version -> {
                    PerformanceCache.Entry current = cache.kept(agency, year, version);
                    if (current != null) {
                        return Uni.createFrom().item(conditional.ok(request, current.document()));
                    }
                    return Uni.createFrom().item(() -> conditional.ok(request, cache.performance(agency, year, version).document()))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                });
    }

    @GET
    @Path("sasaran/{code}")
    @Operation(operationId = "getSasaranPerformance", summary = "One sasaran in detail",
            description = "The sasaran's entry of /performance: capaian raw and capped, category, last year, its "
                    + "indicators with Renstra progress, and its budget lines with absorption and efficiency. "
                    + "Unknown agency, year or sasaran code: 404 problem.")
    @APIResponse(responseCode = "200", description = "The sasaran",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PerformanceQuery.SasaranPerformance.class),
                    examples = @ExampleObject(name = "the demo agency's S4, shortened", value = ApiExamples.SASARAN)))
    @APIResponse(responseCode = "404", description = "Unknown agency, year or sasaran",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response sasaran(@PathParam("agency") String agency, @PathParam("year") int year,
                            @PathParam("code") String code, @Context Request request) {
        PerformanceQuery.SasaranPerformance sasaran = cache.performance(agency, year).performance().sasaran().stream()
                .filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new ApiProblem(404, "Not found", "agency '" + agency + "' has no sasaran '" + code
                        + "' with results for " + year, List.of()));
        return conditional.ok(request, sasaran);
    }

    @GET
    @Path("absorption")
    @Operation(operationId = "getAbsorption", summary = "Budget absorption grouped by sub kegiatan, program, unit, funding source or sasaran",
            description = "Per group: lines, pagu, realisasi and absorption (realisasi / pagu x 100; pagu 0 is not "
                    + "computable, never 100 %). A line serving two sasaran is in both sasaran groups, once each. "
                    + "by: sub-kegiatan, program (default), unit, funding-source, sasaran. sort: key, absorption, "
                    + "pagu, realisasi; '-' for descending. Paged: page from 0, size 1.." + DashboardQuery.MAX_PAGE_SIZE
                    + " (larger: 400 problem). Unknown agency or no budget for the year: 404 problem.")
    @APIResponse(responseCode = "200", description = "The groups, paged",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiSchemas.AbsorptionPage.class),
                    examples = @ExampleObject(name = "by program", value = ApiExamples.ABSORPTION)))
    @APIResponse(responseCode = "400", description = "Unknown grouping, sort, or page size beyond the limit",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "Unknown agency or no budget for the year",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response absorption(@PathParam("agency") String agency, @PathParam("year") int year,
                               @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"sub-kegiatan", "program", "unit", "funding-source", "sasaran"}))
                               @QueryParam("by") @DefaultValue("program") String by,
                               @Parameter(description = "'-' in front for descending", schema = @Schema(type = SchemaType.STRING, enumeration = {"key", "-key", "absorption",
                                       "-absorption", "pagu", "-pagu", "realisasi", "-realisasi"}))
                               @QueryParam("sort") @DefaultValue("key") String sort,
                               @QueryParam("page") @DefaultValue("0") int page,
                               @QueryParam("size") @DefaultValue("20") int size,
                               @Context Request request) {
        return conditional.ok(request, dashboards.absorption(agency, year, by, sort, page, size));
    }
}
