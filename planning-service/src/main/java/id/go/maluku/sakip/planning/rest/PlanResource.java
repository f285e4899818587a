package id.go.maluku.sakip.planning.rest;

import id.go.maluku.sakip.planning.domain.PerjanjianKinerja;
import id.go.maluku.sakip.planning.domain.PersonnelTable;
import id.go.maluku.sakip.planning.error.ApiProblem;
import id.go.maluku.sakip.planning.plan.PlanDocument;
import id.go.maluku.sakip.planning.plan.PlanService;
import id.go.maluku.sakip.planning.plan.TargetUpload;
import id.go.maluku.sakip.planning.service.PlanningService;
import id.go.maluku.sakip.security.AgencyScoped;
import id.go.maluku.sakip.security.Caller;
import id.go.maluku.sakip.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The agency's whole plan as one document, the Perjanjian Kinerja versions and the capaian policy. */
@Path("/api/v1/agencies/{agency}")
@AgencyScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plan document", description = "Import and export of the whole plan; Perjanjian Kinerja; capaian policy")
public class PlanResource {

    @Inject
    PlanService plans;

    @Inject
    PlanningService planning;

    @Inject
    Caller caller;

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Path("plan")
    @Operation(summary = "Export the agency's whole plan",
            description = "Profile, organisation, personnel, Renstra, sasaran, indicators with their Renstra targets, "
                    + "Perjanjian Kinerja versions and the capaian policy, in the format PUT .../plan takes.")
    public PlanDocument export(@PathParam("agency") String agency) throws Exception {
        return plans.export(agency);
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @PUT
    @Path("plan")
    @Operation(summary = "Import the agency's whole plan",
            description = "Upsert by code: importing the same document twice changes nothing and publishes nothing. "
                    + "The whole document is checked first; if any element is rejected, the answer is a 400 problem "
                    + "listing every element with its path (e.g. indicators[2].targets.2031) and nothing changes. "
                    + "A change to a signed Perjanjian Kinerja version is a 409. Parts absent from the document are "
                    + "left as they are. With dryRun=true the report is computed and nothing is kept. Creating the "
                    + "agency or creating or changing the province part (the governor's RPJMD, shared by every agency) "
                    + "needs an admin token; a planner's document may carry the province part only as it is (403).")
    public PlanService.ImportReport importPlan(@PathParam("agency") String agency,
                                               @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                                               PlanDocument document) throws Exception {
        return plans.importPlan(agency, document, dryRun, caller.has(Roles.ADMIN));
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @POST
    @Path("targets/upload")
    @Consumes({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Upload Renstra targets as an Excel sheet",
            description = "First sheet, header row with the columns indicator | year | target (any order). A numeric "
                    + "cell is a number; text is a scale value of an ordinal indicator or 'low-high' for a range. Every "
                    + "row is checked first: one bad row refuses the sheet (400, each bad row named, nothing changes). "
                    + "Existing targets are updated, equal ones left unchanged. dryRun=true reports without keeping.")
    public TargetUpload.Report uploadTargets(@PathParam("agency") String agency,
                                             @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                                             java.io.InputStream file) throws Exception {
        return targetUpload.upload(agency, file, dryRun);
    }

    @Inject
    TargetUpload targetUpload;

    public record PkItemView(String sasaran, String indicator, Object target) {
    }

    public record PkView(int year, int version, String kind, boolean signed, LocalDate signedAt, String signedBy,
                         long revision, List<PkItemView> items) {
        static PkView of(PerjanjianKinerja pk) {
            return new PkView(pk.year, pk.version, pk.kind.name().toLowerCase(), pk.signed(), pk.signedAt, pk.signedBy,
                    pk.revision, pk.items.stream().map(i -> new PkItemView(i.sasaranCode, i.indicatorCode, i.target)).toList());
        }
    }

    public record SignBody(@Schema(example = "2022-02-01") @NotNull LocalDate date,
                           @Schema(example = "GUSNA RIA, S.E., M.M") @NotBlank String signedBy) {
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Path("perjanjian-kinerja/{year}")
    @Operation(summary = "Every version of the year's Perjanjian Kinerja", description = "Oldest first.")
    public List<PkView> versions(@PathParam("agency") String agency, @PathParam("year") int year) {
        List<PkView> versions = plans.versions(agency, year).stream().map(PkView::of).toList();
        if (versions.isEmpty()) {
            throw ApiProblem.notFound("Perjanjian Kinerja of " + agency + " for", String.valueOf(year));
        }
        return versions;
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @PUT
    @Path("perjanjian-kinerja/{year}/versions/{version}")
    @Operation(summary = "Create or change a version of the Perjanjian Kinerja",
            description = "A signed version is immutable: changing it is a 409 problem. Items name sasaran and "
                    + "indicators by code; each target must fit its indicator.")
    public PkView putVersion(@PathParam("agency") String agency, @PathParam("year") @Min(2000) @Max(2100) int year,
                             @PathParam("version") @Min(1) int version, @NotNull PlanDocument.PkPart body) {
        PlanDocument.PkPart part = new PlanDocument.PkPart(year, version, body.kind(), body.signedAt(), body.signedBy(), body.items());
        plans.importPlan(agency, part);
        return PkView.of(plans.version(agency, year, version));
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @POST
    @Path("perjanjian-kinerja/{year}/versions/{version}/sign")
    @Operation(summary = "Sign a version", description = "After this the version never changes; a 409 if it is already signed.")
    public PkView sign(@PathParam("agency") String agency, @PathParam("year") int year, @PathParam("version") int version,
                       @Valid @NotNull SignBody body) {
        return PkView.of(plans.sign(agency, year, version, body.date(), body.signedBy()));
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @POST
    @Path("perjanjian-kinerja/{year}/revisions")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Start a PK perubahan", description = "A new unsigned version copying the latest signed one, "
            + "which stays as it was.")
    public Response revise(@PathParam("agency") String agency, @PathParam("year") int year) {
        return Response.status(Response.Status.CREATED).entity(PkView.of(plans.revise(agency, year))).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Path("capaian-policy")
    @Operation(summary = "The agency's current capaian policy", description = "Rating scale, cap, negative-polarity formula, zero-target and ordinal rules.")
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
    @Operation(summary = "Set the capaian policy", description = "A change makes a new version. Bands are half-open "
            + "[from, to), lowest first, the lowest open below and the highest open above; gaps or overlaps are a 400 problem.")
    public Map<String, String> setPolicy(@PathParam("agency") String agency, @NotNull PlanDocument.PolicyPart body) {
        return Map.of("result", plans.setPolicy(planning.agency(agency), body));
    }

    public record TableView(String title, String asOf, List<String> columns, List<PersonnelTable.Row> rows,
                            Map<String, Integer> rowTotals, Map<String, Integer> columnTotals, int total,
                            Integer statedTotal, List<PersonnelTable.Mismatch> mismatches) {
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Path("personnel")
    @Operation(summary = "Personnel statistics with computed totals",
            description = "Totals are computed from the counts; totals stated by the imported document are shown "
                    + "beside them, with every disagreement listed.")
    public List<TableView> personnel(@PathParam("agency") String agency,
                                     @Parameter(description = "unused; reserved") @QueryParam("unit") String unit) throws Exception {
        PlanDocument.Personnel personnel = plans.export(agency).personnel();
        if (personnel == null || personnel.tables() == null) {
            return List.of();
        }
        return personnel.tables().stream().map(t -> {
            PersonnelTable table = new PersonnelTable(t.title(), t.columns(), t.rows(), t.statedTotal());
            Map<String, Integer> rowTotals = new java.util.LinkedHashMap<>();
            t.rows().forEach(r -> rowTotals.put(r.label(), table.rowTotal(r)));
            return new TableView(t.title(), t.asOf(), t.columns(), t.rows(), rowTotals, table.columnTotals(),
                    table.total(), t.statedTotal(), table.mismatches());
        }).toList();
    }
}
