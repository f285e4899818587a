package id.go.maluku.sakip.reporting.rest;

import id.go.maluku.sakip.reporting.lkip.Json;
import id.go.maluku.sakip.platform.error.InputGuard;
import jakarta.validation.constraints.Size;

import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.reporting.readmodel.LkipBuild;
import id.go.maluku.sakip.reporting.service.NightlyBuilds;
import id.go.maluku.sakip.platform.security.Caller;
import id.go.maluku.sakip.platform.security.Roles;
import io.quarkus.panache.common.Page;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The builds of every agency's LKIP: nightly, or triggered here; listed and downloaded. A run
 * covers the whole province, so only an admin triggers one; a build is an agency's draft, read
 * like the draft LKIP by the agency's own staff and the province.
 */
@Path("/api/v1/builds")
@Tag(name = "Builds", description = "Nightly builds of every agency's LKIP")
public class BuildResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // a failed build has no freshness and no findings, a succeeded one no error
    @Schema(requiredProperties = {"id", "runId", "agency", "year", "status", "startedAt", "durationMs", "freshness",
            "findings", "error"})
    public record BuildView(long id, UUID runId, String agency, int year, String status, OffsetDateTime startedAt,
                            long durationMs, @Schema(nullable = true) OffsetDateTime freshness,
                            @Schema(nullable = true) Integer findings, @Schema(nullable = true) String error) {
        static BuildView of(LkipBuild b) {
            return new BuildView(b.id, b.runId, b.agencyCode, b.year, b.status, b.startedAt, b.durationMs, b.freshness,
                    b.findings, b.error);
        }
    }

    @Schema(name = "BuildPage", requiredProperties = {"items", "page", "size", "total", "running"})
    public record PageView(List<BuildView> items, int page, int size, long total,
                           @Schema(nullable = true, description = "The run under way, if any") UUID running) {
    }

    @Inject
    NightlyBuilds builds;

    @ConfigProperty(name = "sakip.nightly.zone", defaultValue = "Asia/Jayapura")
    String zone;

    @Inject
    Caller caller;

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startBuild", summary = "Build every agency's LKIP now",
            description = "Runs in the background (202) for the given year, by default the current year in the "
                    + "province's time zone. Each agency is built and recorded on its own; a failure does not stop the "
                    + "others. While a run is under way a second trigger is a 409 problem.")
    @APIResponse(responseCode = "202", description = "The run, started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NightlyBuilds.Run.class),
                    examples = @ExampleObject(name = "started", value = ApiExamples.BUILD_RUN)))
    @APIResponse(responseCode = "409", description = "A run is under way (on this instance or another)")
    public Response trigger(@QueryParam("year") Integer year) {
        int y = year == null ? LocalDate.now(ZoneId.of(zone)).getYear() : year;
        return Response.accepted(builds.start(y)).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "listBuilds", summary = "List builds", description = "Newest first; filter by agency, year or run; paged (size at most 200). "
            + "Each: status, start, duration, data freshness, number of review findings, error of a failed build. "
            + "A token of an agency must name its agency (agency=...); the province's tokens may list every agency's.")
    @APIResponse(responseCode = "200", description = "The builds, newest first, paged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class),
                    examples = @ExampleObject(name = "a run of two agencies", value = ApiExamples.BUILDS)))
    public PageView list(@QueryParam("agency") @Size(max = InputGuard.MAX_CODE) String agency, @QueryParam("year") Integer year,
                         @QueryParam("run") UUID run,
                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        if (!caller.scope().provinceWide()) {
            if (agency == null) {
                throw new ForbiddenException(caller.scope().agency() == null
                        ? "the token names no agency; it lists builds only with a province role"
                        : "name your agency: ?agency=" + caller.scope().agency());
            }
            caller.requireAgency(agency);
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        if (agency != null) {
            where.add("agencyCode = :agency");
            params.put("agency", agency);
        }
        if (year != null) {
            where.add("year = :year");
            params.put("year", year);
        }
        if (run != null) {
            where.add("runId = :run");
            params.put("run", run);
        }
        String query = (where.isEmpty() ? "1 = 1" : String.join(" and ", where)) + " order by startedAt desc, id desc";
        var found = LkipBuild.<LkipBuild>find(query, params);
        return new PageView(found.page(Page.of(page, size)).list().stream().map(BuildView::of).toList(), page, size,
                found.count(), builds.current());
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Path("{id}")
    @Produces({MediaType.TEXT_HTML, "application/pdf", XLSX, MediaType.APPLICATION_JSON})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "downloadBuild", summary = "Download a build", description = "Accept picks the format; a failed build has no document (404).")
    @APIResponse(responseCode = "200", description = "The build's LKIP, in the format Accept asks for", content = {
            // binary like the others: a generated client takes the first type for all four (deploy/clients)
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Json.Document.class),
                    examples = @ExampleObject(name = "the demo agency's, shortened", value = ApiExamples.LKIP_JSON))})
    @APIResponse(responseCode = "404", description = "No such build, or a failed one (it has no document)")
    @APIResponse(responseCode = "406", description = "Accept names none of the four formats")
    public Response download(@PathParam("id") long id, @HeaderParam("Accept") String accept) {
        LkipBuild b = LkipBuild.findById(id);
        if (b == null) {
            throw ApiProblem.notFound("build", String.valueOf(id));
        }
        caller.requireAgency(b.agencyCode);
        if (!"SUCCEEDED".equals(b.status)) {
            throw new ApiProblem(404, "Not found", "build " + id + " failed and has no document: " + b.error, List.of());
        }
        return StoredDocument.respond(accept, b.html, b.json, b.pdf, b.xlsx);
    }
}
