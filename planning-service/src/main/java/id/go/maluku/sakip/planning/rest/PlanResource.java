package id.go.maluku.sakip.planning.rest;

import id.go.maluku.sakip.planning.domain.PerjanjianKinerja;
import id.go.maluku.sakip.platform.error.InputGuard;
import id.go.maluku.sakip.planning.domain.PersonnelTable;
import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.planning.plan.PlanDocument;
import id.go.maluku.sakip.planning.plan.PlanDocuments;
import id.go.maluku.sakip.planning.plan.TargetUpload;
import id.go.maluku.sakip.planning.service.PlanElements;
import id.go.maluku.sakip.platform.security.AgencyScoped;
import id.go.maluku.sakip.platform.security.Caller;
import id.go.maluku.sakip.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static id.go.maluku.sakip.planning.rest.ApiExamples.JSON;
import static id.go.maluku.sakip.planning.rest.ApiExamples.PROBLEM;

/** The agency's whole plan as one document, the Perjanjian Kinerja versions and the capaian policy. */
@Path("/api/v1/agencies/{agency}")
@AgencyScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plan document", description = "Import and export of the whole plan; Perjanjian Kinerja; capaian policy")
public class PlanResource {

    @Inject
    PlanDocuments plans;

    @Inject
    PlanElements planning;

    @Inject
    Caller caller;

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Path("plan")
    @Operation(operationId = "exportPlan", summary = "Export the agency's whole plan",
            description = "Profile, organisation, personnel, Renstra, sasaran, indicators with their Renstra targets, "
                    + "Perjanjian Kinerja versions and the capaian policy, in the format PUT .../plan takes.")
    @APIResponse(responseCode = "200", description = "The plan document (shortened here)",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PlanDocument.class), examples = @ExampleObject(name = "plan", value = ApiExamples.PLAN)))
    @APIResponse(responseCode = "404", description = "No such agency",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unknown", value = ApiExamples.AGENCY_NOT_FOUND)))
    public PlanDocument export(@PathParam("agency") String agency) throws Exception {
        return plans.export(agency);
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @PUT
    @Path("plan")
    @Operation(operationId = "importPlan", summary = "Import the agency's whole plan",
            description = "Upsert by code: importing the same document twice changes nothing and publishes nothing. "
                    + "The whole document is checked first; if any element is rejected, the answer is a 400 problem "
                    + "listing every element with its path (e.g. indicators[2].targets.2031) and nothing changes. "
                    + "A change to a signed Perjanjian Kinerja version is a 409. Parts absent from the document are "
                    + "left as they are. With dryRun=true the report is computed and nothing is kept. Creating the "
                    + "agency or creating or changing the province part (the governor's RPJMD, shared by every agency) "
                    + "needs an admin token; a planner's document may carry the province part only as it is (403). "
                    + "Nothing is ever removed by an import: a removed sasaran, indicator, target or PK version named by "
                    + "the document is created again, with its old id.")
    @RequestBody(content = @Content(mediaType = JSON, examples = @ExampleObject(name = "plan (shortened)", value = ApiExamples.PLAN)))
    @APIResponse(responseCode = "200", description = "What changed, element by element",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PlanDocuments.ImportReport.class), examples = @ExampleObject(name = "report", value = ApiExamples.IMPORT_REPORT)))
    @APIResponse(responseCode = "400", description = "Elements rejected, each with its path; nothing changed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "rejected", value = ApiExamples.INVALID_PLAN)))
    @APIResponse(responseCode = "409", description = "The document changes a signed Perjanjian Kinerja version",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "signed", value = ApiExamples.PK_SIGNED_CONFLICT)))
    public PlanDocuments.ImportReport importPlan(@PathParam("agency") String agency,
                                               @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                                               @Valid PlanDocument document) throws Exception {
        return plans.importPlan(agency, document, dryRun, caller.has(Roles.ADMIN));
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @POST
    @Path("targets/upload")
    @Consumes({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "uploadTargets", summary = "Upload Renstra targets as an Excel sheet",
            description = "First sheet, header row with the columns indicator | year | target (any order). A numeric "
                    + "cell is a number; text is a scale value of an ordinal indicator or 'low-high' for a range. Every "
                    + "row is checked first: one bad row refuses the sheet (400, each bad row named, nothing changes). "
                    + "Existing targets are updated, equal ones left unchanged. dryRun=true reports without keeping.")
    @RequestBody(content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"),
            examples = @ExampleObject(name = "sheet", description = "The sheet's content, as a table",
                    value = ApiExamples.UPLOAD_BODY)))
    @APIResponse(responseCode = "200", description = "Rows read and what they changed",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = TargetUpload.Report.class), examples = @ExampleObject(name = "report", value = ApiExamples.UPLOAD_REPORT)))
    @APIResponse(responseCode = "400", description = "Rows rejected, each named; nothing changed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "rejected", value = ApiExamples.INVALID_UPLOAD)))
    public TargetUpload.Report uploadTargets(@PathParam("agency") String agency,
                                             @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                                             java.io.InputStream file) throws Exception {
        return targetUpload.upload(agency, file, dryRun);
    }

    @Inject
    TargetUpload targetUpload;

    // the views are written whole (no property left out): each is required (issue 24)
    @Schema(requiredProperties = {"sasaran", "indicator", "target"})
    public record PkItemView(String sasaran, String indicator, @Schema(implementation = PlanDocument.TargetSchema.class) Object target) {
    }

    @Schema(requiredProperties = {"id", "year", "version", "kind", "signed", "signedAt", "signedBy", "revision", "items"})
    public record PkView(String id,
                         int year,
                         int version,
                         String kind,
                         boolean signed,
                         @Schema(nullable = true) LocalDate signedAt,
                         @Schema(nullable = true) String signedBy,
                         long revision,
                         List<PkItemView> items) {
        static PkView of(PerjanjianKinerja pk) {
            return new PkView(pk.id.toString(), pk.year, pk.version, pk.kind.name().toLowerCase(), pk.signed(), pk.signedAt, pk.signedBy,
                    pk.revision, pk.items.stream().map(i -> new PkItemView(i.sasaranCode, i.indicatorCode, i.target)).toList());
        }
    }

    public record SignBody(@Schema(example = "2022-02-01") @NotNull LocalDate date,
                           // its column, perjanjian_kinerja.signed_by, holds 300: a longer name was a 500
                           @Schema(example = "GUSNA RIA, S.E., M.M") @NotBlank @Size(max = PlanDocument.NAME) String signedBy) {
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Path("perjanjian-kinerja/{year}")
    @Operation(operationId = "getPerjanjianKinerja", summary = "The versions of the year's Perjanjian Kinerja", description = "Oldest first, paged; signed=true "
            + "or false keeps the signed or the unsigned versions; q filters on kind (original, revised), signer, or the "
            + "code of a sasaran or indicator among the items. 404 when the year has no version at all.")
    @APIResponse(responseCode = "200", description = "A page of versions",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ApiSchemas.PkPage.class), examples = @ExampleObject(name = "original and perubahan", value = ApiExamples.PK_PAGE)))
    @APIResponse(responseCode = "400", description = "page below 0, or size outside 1-200",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "size too large", value = ApiExamples.BAD_PAGE)))
    @APIResponse(responseCode = "404", description = "The year has no Perjanjian Kinerja",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "none", value = ApiExamples.PK_YEAR_NOT_FOUND)))
    public PlanningDtos.PageView<PkView> versions(@PathParam("agency") String agency, @PathParam("year") int year,
                                                  @QueryParam("q") @Size(max = InputGuard.MAX_SEARCH) String q, @QueryParam("signed") Boolean signed,
                                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        List<PerjanjianKinerja> all = plans.versions(agency, year);
        if (all.isEmpty()) {
            throw ApiProblem.notFound("Perjanjian Kinerja of " + agency + " for", String.valueOf(year));
        }
        String query = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<PkView> matching = all.stream()
                .filter(pk -> signed == null || pk.signed() == signed)
                .filter(pk -> query.isEmpty() || pk.kind.name().toLowerCase(Locale.ROOT).contains(query)
                        || pk.signedBy != null && pk.signedBy.toLowerCase(Locale.ROOT).contains(query)
                        || pk.items.stream().anyMatch(i -> i.indicatorCode.toLowerCase(Locale.ROOT).contains(query)
                        || i.sasaranCode.toLowerCase(Locale.ROOT).contains(query)))
                .map(PkView::of).toList();
        return new PlanningDtos.PageView<>(matching.stream().skip((long) page * size).limit(size).toList(), page, size,
                matching.size());
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @PUT
    @Path("perjanjian-kinerja/{year}/versions/{version}")
    @Operation(operationId = "putPerjanjianKinerjaVersion", summary = "Create or change a version of the Perjanjian Kinerja",
            description = "A signed version is immutable: changing it is a 409 problem. Items name sasaran and "
                    + "indicators by code; each target must fit its indicator. A version removed earlier comes back with "
                    + "its old id.")
    @RequestBody(content = @Content(mediaType = JSON, examples = @ExampleObject(name = "one item", value = ApiExamples.PK_BODY)))
    @APIResponse(responseCode = "200", description = "The version as stored",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PkView.class), examples = @ExampleObject(name = "draft", value = ApiExamples.PK)))
    @APIResponse(responseCode = "400", description = "An item names no indicator, a target does not fit, or the year is "
            + "outside the Renstra", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "outside the Renstra",
            value = ApiExamples.INVALID_TARGET)))
    @APIResponse(responseCode = "409", description = "The version is signed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "signed", value = ApiExamples.PK_SIGNED_CONFLICT)))
    public PkView putVersion(@PathParam("agency") String agency, @PathParam("year") @Min(2000) @Max(2100) int year,
                             @PathParam("version") @Min(1) int version, @Valid @NotNull PlanDocument.PkPart body) {
        PlanDocument.PkPart part = new PlanDocument.PkPart(year, version, body.kind(), body.signedAt(), body.signedBy(), body.items());
        plans.importPlan(agency, part);
        return PkView.of(plans.version(agency, year, version));
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @POST
    @Path("perjanjian-kinerja/{year}/versions/{version}/sign")
    @Operation(operationId = "signPerjanjianKinerjaVersion", summary = "Sign a version", description = "After this the version never changes; a 409 if it is already signed.")
    @RequestBody(content = @Content(mediaType = JSON, examples = @ExampleObject(name = "signature", value = ApiExamples.SIGN_BODY)))
    @APIResponse(responseCode = "200", description = "The signed version",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PkView.class), examples = @ExampleObject(name = "signed", value = ApiExamples.PK_SIGNED)))
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unknown", value = ApiExamples.PK_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Already signed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "signed", value = ApiExamples.PK_ALREADY_SIGNED)))
    public PkView sign(@PathParam("agency") String agency, @PathParam("year") int year, @PathParam("version") int version,
                       @Valid @NotNull SignBody body) {
        return PkView.of(plans.sign(agency, year, version, body.date(), body.signedBy()));
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @POST
    @Path("perjanjian-kinerja/{year}/revisions")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "revisePerjanjianKinerja", summary = "Start a PK perubahan", description = "A new unsigned version copying the latest signed one, "
            + "which stays as it was.")
    @APIResponse(responseCode = "201", description = "The new version",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PkView.class), examples = @ExampleObject(name = "perubahan", value = ApiExamples.PK_REVISED)))
    @APIResponse(responseCode = "404", description = "The year has no Perjanjian Kinerja",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "none", value = ApiExamples.PK_YEAR_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The latest version is not signed yet",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unsigned", value = ApiExamples.PK_NOT_SIGNED_YET)))
    public Response revise(@PathParam("agency") String agency, @PathParam("year") int year) {
        return Response.status(Response.Status.CREATED).entity(PkView.of(plans.revise(agency, year))).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @DELETE
    @Path("perjanjian-kinerja/{year}/versions/{version}")
    @Operation(operationId = "deletePerjanjianKinerjaVersion", summary = "Remove an unsigned version", description = "A draft, or a perubahan not signed yet; a signed "
            + "version never changes (409). Publishes sakip.planning.pk.removed.v1. The version number is free again: "
            + "a PUT or an import of it, or the next perubahan, creates it anew.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such version (also when it was removed already)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unknown", value = ApiExamples.PK_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The version is signed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "signed", value = ApiExamples.PK_REMOVE_SIGNED)))
    public Response removeVersion(@PathParam("agency") String agency, @PathParam("year") int year,
                                  @PathParam("version") int version) {
        plans.removeVersion(agency, year, version);
        return Response.noContent().build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Path("capaian-policy")
    @Operation(operationId = "getCapaianPolicy", summary = "The agency's current capaian policy", description = "Rating scale, cap, negative-polarity formula, zero-target and ordinal rules, "
            + "and what the category is taken from (categoryBasis: CAPPED, RAW or TARGET with targetLabels).")
    @APIResponse(responseCode = "200", description = "The current version",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PlanDocument.PolicyPart.class), examples = @ExampleObject(name = "policy", value = ApiExamples.POLICY)))
    @APIResponse(responseCode = "404", description = "The agency has no policy yet",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "none", value = ApiExamples.POLICY_NOT_FOUND)))
    public PlanDocument.PolicyPart policy(@PathParam("agency") String agency) throws Exception {
        PlanDocument.PolicyPart policy = plans.export(agency).capaianPolicy();
        if (policy == null) {
            throw ApiProblem.notFound("capaian policy of agency", agency);
        }
        return policy;
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @PUT
    @Path("capaian-policy")
    @Operation(operationId = "setCapaianPolicy", summary = "Set the capaian policy", description = "A change makes a new version. Bands are half-open "
            + "[from, to), lowest first, the lowest open below and the highest open above; gaps or overlaps are a 400 problem. "
            + "categoryBasis says what every category (indicator, sasaran, agency) is taken from: CAPPED (default: the band "
            + "of the reported, capped capaian), RAW (the band of the raw capaian) or TARGET (realisasi against target, "
            + "below / met / exceeded, in targetLabels' three different words, default Tidak Tercapai / Tercapai / "
            + "Terlampaui; a sasaran or the agency by its mean raw capaian against 100). targetLabels without TARGET, "
            + "or blank or repeated words, are a 400 problem.")
    @RequestBody(content = @Content(mediaType = JSON, examples = @ExampleObject(name = "Permendagri 86/2017, capped at 110", value = ApiExamples.POLICY)))
    @APIResponse(responseCode = "200", description = "created, updated or unchanged",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ApiSchemas.PolicyResult.class), examples = @ExampleObject(name = "updated", value = ApiExamples.POLICY_RESULT)))
    @APIResponse(responseCode = "400", description = "Bands with a gap or an overlap, an unknown cap, or target labels that do not fit",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "gap", value = ApiExamples.INVALID_BANDS)))
    public Map<String, String> setPolicy(@PathParam("agency") String agency, @Valid @NotNull PlanDocument.PolicyPart body) {
        return Map.of("result", plans.setPolicy(planning.agency(agency), body));
    }

    @Schema(requiredProperties = {"title", "unit", "asOf", "columns", "rows", "rowTotals", "columnTotals", "total",
            "statedTotal", "mismatches"})
    public record TableView(String title,
                            @Schema(nullable = true) String unit,
                            @Schema(nullable = true, description = "Date the counts refer to; null when the table states none") String asOf,
                            List<String> columns,
                            List<PersonnelTable.Row> rows,
                            Map<String, Integer> rowTotals,
                            Map<String, Integer> columnTotals,
                            int total,
                            @Schema(nullable = true) Integer statedTotal,
                            List<PersonnelTable.Mismatch> mismatches) {
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Path("personnel")
    @Operation(operationId = "getPersonnel", summary = "Personnel statistics with computed totals",
            description = "Totals are computed from the counts; totals stated by the imported document are shown "
                    + "beside them, with every disagreement listed. In the document's order, paged; q filters on the "
                    + "title, unit on the organisation unit a table counts (none: the whole agency's).")
    @APIResponse(responseCode = "200", description = "A page of tables",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ApiSchemas.PersonnelPage.class), examples = @ExampleObject(name = "tables", value = ApiExamples.PERSONNEL_PAGE)))
    @APIResponse(responseCode = "400", description = "page below 0, or size outside 1-200",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "size too large", value = ApiExamples.BAD_PAGE)))
    @APIResponse(responseCode = "404", description = "No such agency",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unknown", value = ApiExamples.AGENCY_NOT_FOUND)))
    public PlanningDtos.PageView<TableView> personnel(@PathParam("agency") String agency, @QueryParam("q") @Size(max = InputGuard.MAX_SEARCH) String q,
                                                      @Parameter(description = "Code of an organisation unit")
                                                      @QueryParam("unit") @Size(max = InputGuard.MAX_CODE) String unit,
                                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size)
            throws Exception {
        PlanDocument.Personnel personnel = plans.export(agency).personnel();
        List<PlanDocument.PersonnelTablePart> tables = personnel == null || personnel.tables() == null ? List.of()
                : personnel.tables();
        String query = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<TableView> matching = tables.stream()
                .filter(t -> query.isEmpty() || t.title() != null && t.title().toLowerCase(Locale.ROOT).contains(query))
                .filter(t -> unit == null || unit.isBlank() || unit.equals(t.unit()))
                .map(PlanResource::view).toList();
        return new PlanningDtos.PageView<>(matching.stream().skip((long) page * size).limit(size).toList(), page, size,
                matching.size());
    }

    private static TableView view(PlanDocument.PersonnelTablePart t) {
        PersonnelTable table = new PersonnelTable(t.title(), t.columns(), t.rows(), t.statedTotal());
        Map<String, Integer> rowTotals = new java.util.LinkedHashMap<>();
        t.rows().forEach(r -> rowTotals.put(r.label(), table.rowTotal(r)));
        return new TableView(t.title(), t.unit(), t.asOf(), t.columns(), t.rows(), rowTotals, table.columnTotals(),
                table.total(), t.statedTotal(), table.mismatches());
    }
}
