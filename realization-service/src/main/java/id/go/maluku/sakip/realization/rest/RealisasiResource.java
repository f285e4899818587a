package id.go.maluku.sakip.realization.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.realization.domain.Realisasi;
import id.go.maluku.sakip.realization.domain.RealisasiStatement;
import id.go.maluku.sakip.realization.domain.TextBounds;
import id.go.maluku.sakip.realization.service.RealisasiService;
import id.go.maluku.sakip.platform.security.AgencyScoped;
import id.go.maluku.sakip.platform.security.RequestAudit;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import static id.go.maluku.sakip.realization.rest.ApiExamples.JSON;
import static id.go.maluku.sakip.realization.rest.ApiExamples.PROBLEM;

@AgencyScoped
@Path("/api/v1/agencies/{agency}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Realisasi", description = "Measured values per indicator and period, with narrative and workflow")
public class RealisasiResource {

    /** What every realisasi value is (Realisasi.statedValue): a typed client needs the two cases named. */
    static final String VALUE = "A number in the indicator's unit, or a level of its ordinal scale such as \"BB\"";

    public record RealisasiBody(
            @Schema(description = "Measured value: a number (never negative) in the indicator's unit, or a level "
                    + "of the plan's ordered scale (e.g. \"BB\", \"WDP\") for an indicator the plan states ordinal",
                    example = "300", implementation = Object.class, oneOf = {BigDecimal.class, String.class})
            JsonNode value,
            @Schema(description = "Where the value is stated, e.g. \"Tabel 3.9\"")
            @Size(max = TextBounds.STATED_IN, message = TextBounds.AT_MOST) String statedIn,
            @Schema(description = "Why the value is above or below target")
            @Size(max = TextBounds.NARRATIVE, message = TextBounds.AT_MOST) String explanation,
            @Size(max = TextBounds.NARRATIVE, message = TextBounds.AT_MOST) String supportingFactors,
            @Size(max = TextBounds.NARRATIVE, message = TextBounds.AT_MOST) String hinderingFactors,
            @Size(max = TextBounds.NARRATIVE, message = TextBounds.AT_MOST) String followUp) {
    }

    // statedIn is required by the rule (RealisasiService.state), which answers a missing one after the 404s
    public record StatementBody(@Schema(description = VALUE, implementation = Object.class, oneOf = {BigDecimal.class, String.class}, example = "3") JsonNode value,
                                @Schema(example = "Tabel 3.10") @Size(max = TextBounds.STATED_IN, message = TextBounds.AT_MOST) String statedIn,
                                @Size(max = TextBounds.NOTE, message = TextBounds.AT_MOST) String note) {
    }

    // the note is required by the workflow's rule (RealisasiStatus.returnWith); its length by its column
    public record NoteBody(@Schema(description = "Required to return: what is to be corrected")
                           @Size(max = TextBounds.NOTE, message = TextBounds.AT_MOST) String note) {
    }

    @Schema(requiredProperties = {"value", "statedIn", "note", "recordedBy", "recordedAt"})
    public record StatementView(@Schema(description = VALUE, implementation = Object.class, oneOf = {BigDecimal.class, String.class}) Object value,
                                String statedIn, @Schema(nullable = true) String note, String recordedBy, OffsetDateTime recordedAt) {
        static StatementView of(RealisasiStatement s) {
            return new StatementView(s.statedValue(), s.statedIn, s.note, s.recordedBy, s.recordedAt);
        }
    }

    // written whole, nulls included: every property is required (issue 24; RealisasiLifecycleTests checks real ones)
    @Schema(requiredProperties = {"id", "indicator", "year", "period", "value", "status", "statusNote", "statedIn",
            "explanation", "supportingFactors", "hinderingFactors", "followUp", "revision", "updatedAt", "updatedBy",
            "otherStatements", "indicatorRemoved"})
    public record RealisasiView(String id,
                                String indicator,
                                int year,
                                String period,
                                @Schema(description = VALUE, implementation = Object.class, oneOf = {BigDecimal.class, String.class}) Object value,
                                String status,
                                @Schema(nullable = true) String statusNote,
                                @Schema(nullable = true) String statedIn,
                                @Schema(nullable = true) String explanation,
                                @Schema(nullable = true) String supportingFactors,
                                @Schema(nullable = true) String hinderingFactors,
                                @Schema(nullable = true) String followUp,
                                long revision,
                                OffsetDateTime updatedAt,
                                String updatedBy,
                                @Schema(nullable = true) List<StatementView> otherStatements,
                                @Schema(description = "planning removed the indicator: this realisasi is history, no new value is recorded")
                                boolean indicatorRemoved) {
        static RealisasiView of(Realisasi r, String status, List<StatementView> statements) {
            return new RealisasiView(r.id.toString(), r.indicator.code, r.year, r.period, r.statedValue(), status,
                    r.statusNote, r.statedIn, r.explanation, r.supportingFactors, r.hinderingFactors, r.followUp,
                    r.revision, r.updatedAt, r.updatedBy, statements, r.indicator.removed);
        }
    }

    @Inject
    RealisasiService realisasi;

    @Inject
    UnitScope units;

    @Inject
    RequestAudit requestAudit;

    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @PUT
    @Path("indicators/{indicator}/realisasi/{year}")
    @Operation(operationId = "putYearRealisasi", summary = "Record the realisasi of an indicator for a whole year (period Y)",
            description = "Creates or replaces the year's value; narrative fields left out stay as they are. The "
                    + "indicator must be known from planning's events (else 404). A changed value publishes "
                    + "sakip.realization.realisasi.recorded.v1. 409 when the period is locked, the realisasi is "
                    + "submitted or verified, or planning removed the indicator (its realisasi stay readable). A token bound to a unit (claim unit) records only realisasi of indicators "
                    + "its unit is responsible for (403 otherwise).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "a number", value = ApiExamples.REALISASI_BODY),
            @ExampleObject(name = "a level of an ordinal scale", value = ApiExamples.ORDINAL_BODY)}))
    @APIResponse(responseCode = "201", description = "The year's value is new",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RealisasiView.class), examples = @ExampleObject(name = "recorded", value = ApiExamples.REALISASI)))
    @APIResponse(responseCode = "200", description = "The year's value is replaced",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RealisasiView.class), examples = @ExampleObject(name = "replaced", value = ApiExamples.REALISASI_REPLACED)))
    @APIResponse(responseCode = "404", description = "Planning has not published the indicator",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unknown indicator", value = ApiExamples.INDICATOR_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The period is locked, the realisasi submitted or verified, or the indicator removed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "verified", value = ApiExamples.VERIFIED_UNCHANGEABLE)))
    public Response record(@PathParam("agency") String agency, @PathParam("indicator") String indicator,
                           @PathParam("year") int year, @Valid @NotNull RealisasiBody body, @Context UriInfo uri) {
        return recordPeriod(agency, indicator, year, "Y", body, uri);
    }

    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @PUT
    @Path("indicators/{indicator}/realisasi/{year}/{period}")
    @Operation(operationId = "putRealisasi", summary = "Record the realisasi of an indicator for a period",
            description = "period: Y (year), Q1..Q4 (triwulan), M01..M12 (month). The year must fall in the "
                    + "agency's Renstra period as planning publishes it (400 naming year otherwise); for an agency "
                    + "without one, years 2000-2100 are accepted.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "a quarter", value = ApiExamples.QUARTER_BODY),
            @ExampleObject(name = "a level of an ordinal scale", value = ApiExamples.ORDINAL_BODY)}))
    @APIResponse(responseCode = "201", description = "The period's value is new",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RealisasiView.class), examples = @ExampleObject(name = "a quarter", value = ApiExamples.QUARTER_RECORDED)))
    @APIResponse(responseCode = "200", description = "The period's value is replaced",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RealisasiView.class), examples = @ExampleObject(name = "a quarter", value = ApiExamples.QUARTER_REPLACED)))
    @APIResponse(responseCode = "400", description = "Not a period, a year outside the plan, or a value that does not fit the indicator",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "not a period", value = ApiExamples.BAD_PERIOD)))
    @APIResponse(responseCode = "409", description = "The period is locked, the realisasi submitted or verified, or the indicator removed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "locked", value = ApiExamples.PERIOD_LOCKED)))
    public Response recordPeriod(@PathParam("agency") String agency, @PathParam("indicator") String indicator,
                                 @PathParam("year") int year, @PathParam("period") String period,
                                 @Valid @NotNull RealisasiBody body, @Context UriInfo uri) {
        // One transaction of its own for the whole request, with each fact read once and the
        // request's audit row written in it, committed by the write's own round trip (nothing
        // follows it here but building the answer): this is the operation operators repeat all
        // day (deploy/bench/realization-wrk.sh measures it).
        return QuarkusTransaction.requiringNew().call(() -> {
            RealisasiService.Recorded recorded = realisasi.record(agency, indicator, year, period,
                    new RealisasiService.Input(Json.scalar(body.value()), body.statedIn(), body.explanation(),
                            body.supportingFactors(), body.hinderingFactors(), body.followUp()),
                    units::requireWritable,
                    outcome -> requestAudit.row("PUT", uri, status(outcome).getStatusCode()), true);
            requestAudit.written();
            Response.Status status = status(recorded.outcome());
            return Response.status(status)
                    .entity(RealisasiView.of(recorded.realisasi(), recorded.status().code(), null)).build();
        });
    }

    private static Response.Status status(RealisasiService.Outcome outcome) {
        return outcome == RealisasiService.Outcome.CREATED ? Response.Status.CREATED : Response.Status.OK;
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Path("indicators/{indicator}/realisasi/{year}")
    @Operation(operationId = "getYearRealisasi", summary = "Read the realisasi of an indicator for a year (period Y)")
    @APIResponse(responseCode = "200", description = "The year's value with the other statements of it",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RealisasiView.class), examples = @ExampleObject(name = "with a statement", value = ApiExamples.REALISASI_READ)))
    @APIResponse(responseCode = "404", description = "The indicator has no realisasi for this year and period",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "none", value = ApiExamples.REALISASI_NOT_FOUND)))
    public RealisasiView get(@PathParam("agency") String agency, @PathParam("indicator") String indicator,
                             @PathParam("year") int year) {
        return view(realisasi.get(agency, indicator, year, "Y"), true);
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Path("indicators/{indicator}/realisasi/{year}/{period}")
    @Operation(operationId = "getRealisasi", summary = "Read the realisasi of an indicator for a period, with the other statements of it")
    @APIResponse(responseCode = "200", description = "The period's value with the other statements of it",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RealisasiView.class), examples = @ExampleObject(name = "a quarter", value = ApiExamples.QUARTER_READ)))
    @APIResponse(responseCode = "404", description = "The indicator has no realisasi for this year and period",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "none", value = ApiExamples.REALISASI_NOT_FOUND)))
    public RealisasiView getPeriod(@PathParam("agency") String agency, @PathParam("indicator") String indicator,
                                   @PathParam("year") int year, @PathParam("period") String period) {
        return view(realisasi.get(agency, indicator, year, period), true);
    }

    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @POST
    @Path("indicators/{indicator}/realisasi/{year}/{period}/statements")
    @Operation(operationId = "addRealisasiStatement", summary = "Keep another statement of the realisasi from a source document",
            description = "Idempotent per statedIn. The statement never replaces the value used for capaian; "
                    + "it keeps contradictions of a source document visible, shown beside the value (otherStatements) "
                    + "and compared with it by the review. The realisasi of the year and period must be recorded "
                    + "first (404 naming it otherwise, nothing kept). 409 when the period is locked or planning "
                    + "removed the indicator.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "stated elsewhere",
            value = "{\"value\": 3, \"statedIn\": \"Tabel 3.10\", \"note\": \"the narrative of BAB III states 3\"}")))
    @APIResponse(responseCode = "200", description = "The statement as kept",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = StatementView.class), examples = @ExampleObject(name = "stated elsewhere", value = ApiExamples.STATEMENT)))
    @APIResponse(responseCode = "404", description = "Planning has not published the indicator, or no realisasi is recorded for the year and period",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = {
                    @ExampleObject(name = "no realisasi", value = ApiExamples.STATEMENT_WITHOUT_REALISASI),
                    @ExampleObject(name = "unknown indicator", value = ApiExamples.INDICATOR_NOT_FOUND)}))
    @APIResponse(responseCode = "409", description = "The period is locked, or planning removed the indicator",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Response state(@PathParam("agency") String agency, @PathParam("indicator") String indicator,
                          @PathParam("year") int year, @PathParam("period") String period,
                          @Valid @NotNull StatementBody body) {
        units.requireWritable(agency, indicator);
        return Response.ok(StatementView.of(realisasi.state(agency, indicator, year, period,
                Json.scalar(body.value()), body.statedIn(), body.note()))).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @POST
    @Path("indicators/{indicator}/realisasi/{year}/{period}/submit")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(operationId = "submitRealisasi", summary = "Submit a draft or returned realisasi for verification (409 out of order)")
    @APIResponse(responseCode = "200", description = "The realisasi, submitted",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RealisasiView.class), examples = @ExampleObject(name = "submitted", value = ApiExamples.SUBMITTED)))
    @APIResponse(responseCode = "409", description = "Only a draft or returned realisasi is submitted",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "already submitted", value = ApiExamples.ALREADY_SUBMITTED)))
    public RealisasiView submit(@PathParam("agency") String agency, @PathParam("indicator") String indicator,
                                @PathParam("year") int year, @PathParam("period") String period) {
        units.requireWritable(agency, indicator);
        return view(realisasi.step(agency, indicator, year, period, RealisasiService.Step.SUBMIT, null), false);
    }

    @RolesAllowed({Roles.ADMIN, Roles.VERIFIER})
    @POST
    @Path("indicators/{indicator}/realisasi/{year}/{period}/verify")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(operationId = "verifyRealisasi", summary = "Verify a submitted realisasi (409 out of order)")
    @APIResponse(responseCode = "200", description = "The realisasi, verified",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RealisasiView.class), examples = @ExampleObject(name = "verified", value = ApiExamples.VERIFIED)))
    @APIResponse(responseCode = "409", description = "Only a submitted realisasi is verified",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "a draft", value = ApiExamples.DRAFT_NOT_VERIFIABLE)))
    @APIResponse(responseCode = "403", description = "Separation of duties: the caller recorded or last changed the value",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "own figures", value = ApiExamples.OWN_FIGURES)))
    public RealisasiView verify(@PathParam("agency") String agency, @PathParam("indicator") String indicator,
                                @PathParam("year") int year, @PathParam("period") String period,
                                @Parameter(description = OVERRIDE) @QueryParam("override") @Size(max = TextBounds.NOTE) String override) {
        return view(realisasi.step(agency, indicator, year, period, RealisasiService.Step.VERIFY, null, override), false);
    }

    static final String OVERRIDE = "Admins only: the reason to verify or return a realisasi they recorded or last changed "
            + "themselves (separation of duties); kept in the audit entry of the step";

    @RolesAllowed({Roles.ADMIN, Roles.VERIFIER})
    @POST
    @Path("indicators/{indicator}/realisasi/{year}/{period}/return")
    @Operation(operationId = "returnRealisasi", summary = "Return a submitted or verified realisasi with a note (409 out of order)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "note",
            value = "{\"note\": \"Lampirkan daftar penerima bantuan per kabupaten\"}")))
    @APIResponse(responseCode = "200", description = "The realisasi, returned with the note",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RealisasiView.class), examples = @ExampleObject(name = "returned", value = ApiExamples.RETURNED)))
    @APIResponse(responseCode = "403", description = "Separation of duties: the caller recorded or last changed the value",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "own figures", value = ApiExamples.OWN_FIGURES)))
    @APIResponse(responseCode = "400", description = "The note is missing",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "no note", value = ApiExamples.NOTE_REQUIRED)))
    @APIResponse(responseCode = "409", description = "Only a submitted or verified realisasi is returned, and not while its period is locked",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public RealisasiView returnWithNote(@PathParam("agency") String agency, @PathParam("indicator") String indicator,
                                        @PathParam("year") int year, @PathParam("period") String period,
                                        @Parameter(description = OVERRIDE) @QueryParam("override") @Size(max = TextBounds.NOTE) String override,
                                        @Valid @NotNull NoteBody body) {
        return view(realisasi.step(agency, indicator, year, period, RealisasiService.Step.RETURN, body.note(), override),
                false);
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Path("realisasi")
    @Operation(operationId = "listRealisasi", summary = "List the realisasi of an agency", description = "Optionally for one year.")
    @APIResponse(responseCode = "200", description = "The agency's realisasi",
            content = @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = RealisasiView.class), examples = @ExampleObject(name = "a quarter and the year", value = ApiExamples.REALISASI_LIST)))
    @APIResponse(responseCode = "403", description = "The token is of another agency, or its roles do not allow this",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "another agency", value = ApiExamples.OTHER_AGENCY)))
    public List<RealisasiView> list(@PathParam("agency") String agency, @QueryParam("year") Integer year) {
        return realisasi.list(agency, year).stream()
                .map(r -> RealisasiView.of(r, realisasi.effectiveStatus(r).code(), null)).toList();
    }

    private RealisasiView view(Realisasi r, boolean withStatements) {
        List<StatementView> statements = withStatements
                ? realisasi.statements(r).stream().map(StatementView::of).toList() : null;
        return RealisasiView.of(r, realisasi.effectiveStatus(r).code(), statements);
    }
}
