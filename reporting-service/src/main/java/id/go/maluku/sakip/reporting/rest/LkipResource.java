package id.go.maluku.sakip.reporting.rest;

import id.go.maluku.sakip.reporting.lkip.Html;
import id.go.maluku.sakip.reporting.lkip.Json;
import id.go.maluku.sakip.reporting.lkip.LkipAssembler;
import id.go.maluku.sakip.reporting.lkip.LkipReport;
import id.go.maluku.sakip.reporting.lkip.Pdf;
import id.go.maluku.sakip.reporting.lkip.Xlsx;
import id.go.maluku.sakip.reporting.review.Finding;
import id.go.maluku.sakip.reporting.service.LkipService;
import id.go.maluku.sakip.reporting.service.NarrativeService;
import id.go.maluku.sakip.platform.http.FileNames;
import id.go.maluku.sakip.platform.security.AgencyScoped;
import id.go.maluku.sakip.platform.security.Caller;
import id.go.maluku.sakip.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The LKIP document in four formats, the review's findings, and the narrative sections: the
 * draft is read by the agency's own staff and the province; its planners write the narratives
 * and publish. Published versions are read through {@link PublishedLkipResource}.
 */
@Path("/api/v1/agencies/{agency}/years/{year}")
@AgencyScoped
@Tag(name = "LKIP", description = "The performance report, its review and its narratives")
public class LkipResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** One operation in the document: the four methods below answer one GET, by its Accept. */
    static final String LKIP_SUMMARY = "The LKIP as HTML, PDF, XLSX or JSON, as Accept asks";
    static final String DESCRIPTION = "The LKIP of the agency for the year (PermenPANRB 53/2014), generated from the data "
            + "reporting holds: profile, legal basis, organisation, personnel, strategic issues, Renstra, Perjanjian "
            + "Kinerja, IKU, and per sasaran the capaian table, the comparison with last year and along the Renstra years, "
            + "charts, and the budget table with computed percentages. BAB III states the capaian policy (formula per "
            + "polarity, range, ordinal and zero-target rules, cap, what the category is taken from, with its scale or "
            + "words); every capaian printed (chart, summary, analysis, comparison with last year, conclusion) is the "
            + "policy's figure, capped where the policy caps, with the raw one beside it where the cap changed it. "
            + "Sections and tables are numbered by the generator. "
            + "Accept picks the format: text/html, application/pdf, the XLSX type (one sheet per table) or "
            + "application/json; any other is a 406. variant=draft (default) carries the review's findings as an annex; "
            + "variant=final does not. Unknown agency: 404; a year without Perjanjian Kinerja or targets: 422.";

    @Inject
    LkipService lkip;

    @Inject
    NarrativeService narratives;

    @Inject
    Caller caller;

    private LkipReport report(String agency, int year, String variant) {
        if (!"draft".equals(variant) && !"final".equals(variant)) {
            throw id.go.maluku.sakip.platform.error.ApiProblem.invalid("variant", "draft or final");
        }
        return LkipAssembler.assemble(lkip.gather(agency, year, "draft".equals(variant)).data());
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Path("lkip")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "getLkip", summary = LKIP_SUMMARY, description = DESCRIPTION)
    // The four methods are one operation of the document: its answers are declared here once.
    @APIResponse(responseCode = "200", description = "The LKIP, in the format Accept asks for", content = {
            // binary like the others: a generated client takes the first type of an answer for all four, and a
            // "string" HTML first made a Java client parse a PDF as JSON (deploy/clients found it)
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "One sheet per table")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Json.Document.class),
                    examples = @ExampleObject(name = "the demo agency's, shortened", value = ApiExamples.LKIP_JSON))})
    @APIResponse(responseCode = "404", description = "Unknown agency")
    @APIResponse(responseCode = "406", description = "Accept names none of the four formats")
    @APIResponse(responseCode = "422", description = "The year has no Perjanjian Kinerja or no targets")
    public String html(@PathParam("agency") String agency, @PathParam("year") int year,
                       @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"draft", "final"})) @QueryParam("variant") @DefaultValue("draft") String variant) {
        return Html.render(report(agency, year, variant));
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Path("lkip")
    @Produces("application/pdf")
    @Operation(operationId = "getLkip", summary = LKIP_SUMMARY, description = DESCRIPTION)
    public Response pdf(@PathParam("agency") String agency, @PathParam("year") int year,
                        @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"draft", "final"})) @QueryParam("variant") @DefaultValue("draft") String variant) {
        return Response.ok(Pdf.render(report(agency, year, variant)))
                .header("Content-Disposition", FileNames.contentDisposition("inline", "lkip-" + agency + "-" + year + ".pdf")).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Path("lkip")
    @Produces(XLSX)
    @Operation(operationId = "getLkip", summary = LKIP_SUMMARY, description = DESCRIPTION)
    public Response xlsx(@PathParam("agency") String agency, @PathParam("year") int year,
                         @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"draft", "final"})) @QueryParam("variant") @DefaultValue("draft") String variant) {
        return Response.ok(Xlsx.render(report(agency, year, variant)))
                .header("Content-Disposition", FileNames.contentDisposition("attachment", "lkip-" + agency + "-" + year + ".xlsx")).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Path("lkip")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getLkip", summary = LKIP_SUMMARY, description = DESCRIPTION)
    public Json.Document json(@PathParam("agency") String agency, @PathParam("year") int year,
                                    @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"draft", "final"})) @QueryParam("variant") @DefaultValue("draft") String variant) {
        return Json.of(report(agency, year, variant));
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Path("review")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getReview", summary = "The review's findings",
            description = "Every place where a stated figure disagrees with the computation: stated percentages, totals "
                    + "that are not the sum of their parts, the same fact with different values, 0/0 shown as a "
                    + "percentage, realisasi without target and the reverse, spending above pagu, a printed capaian, "
                    + "realisasi or target (lkip/stated-figures) that disagrees with the system's value, narratives naming "
                    + "another year or agency. Each finding: rule, where, stated value, computed value, severity. An "
                    + "agency with a budget but neither a Perjanjian Kinerja nor targets for the year is reviewed too "
                    + "(the budget rules find its figures); with none of the three: 422. Unknown agency: 404.")
    @APIResponse(responseCode = "200", description = "The findings, in the order of the report", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Finding.class),
            examples = @ExampleObject(name = "two findings", value = ApiExamples.REVIEW)))
    @APIResponse(responseCode = "422", description = "The year has neither a Perjanjian Kinerja, nor targets, nor a budget")
    public List<Finding> review(@PathParam("agency") String agency, @PathParam("year") int year) {
        return lkip.review(agency, year);
    }

    @Inject
    id.go.maluku.sakip.reporting.service.PublicationService publications;

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @jakarta.ws.rs.POST
    @Path("lkip/publications")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "publishLkip", summary = "Publish the LKIP", description = "Renders the final report (without the findings annex) in "
            + "every format and stores it with a checksum (SHA-256 of the JSON rendering) and the freshness of its data. "
            + "A published version never changes; publishing again makes the next version. publishedBy is the subject "
            + "of the bearer token. Publishing locks every period of the year in realization-service "
            + "(sakip.reporting.lkip.published.v1); an unlock there later marks the version as supersededByData.")
    @APIResponse(responseCode = "201", description = "The new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = id.go.maluku.sakip.reporting.service.PublicationService.Summary.class),
                    examples = @ExampleObject(name = "the second version", value = ApiExamples.PUBLICATION)))
    @APIResponse(responseCode = "404", description = "Unknown agency")
    @APIResponse(responseCode = "422", description = "The year has no Perjanjian Kinerja or targets to report on")
    public Response publish(@PathParam("agency") String agency, @PathParam("year") int year) throws Exception {
        return Response.status(Response.Status.CREATED)
                .entity(publications.publish(agency, year, caller.subject())).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @PUT
    @Path("lkip/publications/{version}")
    @Operation(operationId = "putPublication", summary = "Refused: a published version is immutable", description = "Always a 409 problem; publish a new version instead.")
    @APIResponse(responseCode = "404", description = "No such version")
    // its one answer: a generated client must not expect a 200 (OpenApiWalk.refusesOnly)
    @APIResponse(responseCode = "409", description = "Always: a published version never changes",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "published", value = ApiExamples.PUBLISHED_IMMUTABLE)))
    public Response editPublished(@PathParam("agency") String agency, @PathParam("year") int year,
                                  @PathParam("version") int version) {
        publications.get(agency, year, version);
        throw id.go.maluku.sakip.platform.error.ApiProblem.conflict("version " + version + " of the " + year
                + " LKIP of " + agency + " is published and cannot change; publish a new version instead");
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @jakarta.ws.rs.DELETE
    @Path("lkip/publications/{version}")
    @Operation(operationId = "deletePublication", summary = "Refused: a published version is never removed", description = "Always a 409 problem.")
    @APIResponse(responseCode = "404", description = "No such version")
    @APIResponse(responseCode = "409", description = "Always: a published version is never removed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "published", value = ApiExamples.PUBLISHED_IMMUTABLE)))
    public Response deletePublished(@PathParam("agency") String agency, @PathParam("year") int year,
                                    @PathParam("version") int version) {
        return editPublished(agency, year, version);
    }

    public record NarrativeBody(@NotBlank @Size(max = 20000) String text) {
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Path("lkip/narratives")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listNarratives", summary = "Every version of every narrative section", description = "Sections: kata-pengantar, "
            + "ringkasan-eksekutif, latar-belakang, analisis-<sasaran code>, kesimpulan, saran; and any other key, "
            + "which the review reads too.")
    @APIResponse(responseCode = "200", description = "Every version, by section and version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = NarrativeService.Version.class),
                    examples = @ExampleObject(name = "the demo's, shortened", value = ApiExamples.NARRATIVES)))
    public List<NarrativeService.Version> narratives(@PathParam("agency") String agency, @PathParam("year") int year) {
        return narratives.all(agency, year);
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @PUT
    @Path("lkip/narratives/{section}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putNarrative", summary = "Write a narrative section", description = "A new text is a new version; the old ones stay. "
            + "Where none is written, the report carries a neutral draft generated from the figures. writtenBy is the "
            + "subject of the bearer token.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "a conclusion",
            value = "{\"text\": \"Secara umum capaian kinerja Dinas Sosial tahun 2022 sangat baik.\"}")))
    @APIResponse(responseCode = "200", description = "The new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NarrativeService.Version.class),
                    examples = @ExampleObject(name = "a conclusion", value = ApiExamples.NARRATIVE)))
    public NarrativeService.Version write(@PathParam("agency") String agency, @PathParam("year") int year,
                                          @PathParam("section") String section, @Valid @NotNull NarrativeBody body) {
        return narratives.write(agency, year, section, body.text(), caller.subject());
    }
}
