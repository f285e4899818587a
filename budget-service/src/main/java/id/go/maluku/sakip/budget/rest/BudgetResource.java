package id.go.maluku.sakip.budget.rest;

import id.go.maluku.sakip.budget.domain.Absorption;
import id.go.maluku.sakip.budget.domain.TextBounds;
import id.go.maluku.sakip.budget.domain.BudgetCode;
import id.go.maluku.sakip.budget.domain.BudgetLine;
import id.go.maluku.sakip.budget.domain.LineLink;
import id.go.maluku.sakip.budget.domain.LineOutput;
import id.go.maluku.sakip.budget.domain.PaguVersion;
import id.go.maluku.sakip.budget.domain.SpendingRollup;
import id.go.maluku.sakip.budget.service.BudgetService;
import id.go.maluku.sakip.budget.service.LineWriter;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static id.go.maluku.sakip.budget.rest.ApiExamples.JSON;
import static id.go.maluku.sakip.budget.rest.ApiExamples.PROBLEM;

@Path("/api/v1/agencies/{agency}/years/{year}/budget")
@AgencyScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Budget", description = "Budget lines with pagu, spending and computed absorption")
public class BudgetResource {

    public record UnitBody(@Schema(example = "uptd-hiti-hiti") @NotBlank @Size(max = TextBounds.CODE) String code,
                           @Schema(example = "UPTD PSBR Hiti-Hiti Hala-Hala") @NotBlank @Size(max = TextBounds.UNIT_NAME) String name) {
    }

    public record OutputBody(@Schema(type = SchemaType.STRING, enumeration = {"output", "outcome"}) @NotBlank String kind,
                             @NotBlank @Size(max = TextBounds.STATEMENT) String statement,
                             @Schema(example = "68") BigDecimal targetQuantity,
                             @Schema(example = "68") BigDecimal achievedQuantity,
                             @Schema(example = "orang") @Size(max = TextBounds.CODE) String unit) {
        BudgetService.OutputInput input() {
            return new BudgetService.OutputInput(kind, statement, targetQuantity, achievedQuantity, unit);
        }
    }

    // planning's codes, 1-64 characters: BudgetService.PLAN_CODE refuses any other, naming the link
    public record LinkBody(@Schema(example = "S4", maxLength = TextBounds.CODE) @NotBlank String sasaran,
                           @Schema(example = "IK4", maxLength = TextBounds.CODE) String indicator,
                           @Schema(description = "The absorption a document printed for this line under this sasaran, "
                                   + "kept as stated for review", example = "98.91") BigDecimal statedAbsorption) {
        BudgetService.LinkInput input() {
            return new BudgetService.LinkInput(sasaran, indicator, statedAbsorption);
        }
    }

    public record LineBody(
            @Schema(example = "Penyediaan Permakanan") @NotBlank @Size(max = TextBounds.NAME) String name,
            @Schema(description = "Current pagu (ceiling) in rupiah; a different value than the stored one is kept as a "
                    + "new revision (perubahan), the first as the original (murni)", example = "199500000")
            @NotNull BigDecimal pagu,
            @Schema(description = "Spent in the year as a total, for lines without dated spending entries; never above the "
                    + "pagu. Omit it to keep the sum of the spending entries. A total belongs to no month or quarter: the "
                    + "line's realisasiKnownBy is then year.", example = "198468000") BigDecimal realisasi,
            @Schema(description = "SIPD's own numeric key of the line", example = "26510") @Size(max = TextBounds.CODE) String sipdKey,
            @Schema(description = "Absorption as stated by the source, kept to compare with the computed one")
            BigDecimal statedAbsorption,
            @Schema(description = "APBD (default), APBN_DEKONSENTRASI, APBN_TUGAS_PEMBANTUAN, DAK_FISIK, DAK_NON_FISIK, DBH, "
                    + "HIBAH, BLUD, LAINNYA; its column holds 32 characters, and a longer text is none of them "
                    + "(LineWriter refuses it, naming it)", maxLength = TextBounds.FUNDING_SOURCE) String fundingSource,
            @Schema(description = "The owning sub-unit (e.g. an UPTD); omitted: the agency itself") @Valid UnitBody unit,
            @Size(max = TextBounds.UNIT_NAME) String urusanName, @Size(max = TextBounds.UNIT_NAME) String bidangUrusanName,
            @Size(max = TextBounds.NAME) String programName, @Size(max = TextBounds.NAME) String kegiatanName,
            @Schema(description = "When given, replaces the line's outputs and outcomes") List<@Valid OutputBody> outputs,
            @Schema(description = "When given, replaces the sasaran/indicators the line serves") List<@Valid LinkBody> links) {
    }

    public record RakBody(@NotNull BigDecimal q1, @NotNull BigDecimal q2, @NotNull BigDecimal q3, @NotNull BigDecimal q4) {
    }

    public record SpendingBody(@Schema(description = "The sender's key of the entry (e.g. the SP2D id); repeating it "
            + "updates the entry instead of adding one", example = "SP2D-00123") @NotBlank @Size(max = TextBounds.KEY) String sourceKey,
                               @NotNull LocalDate date, @NotNull BigDecimal amount,
                               @Schema(example = "00123/SP2D/LS/2022") @Size(max = TextBounds.KEY) String reference) {
    }

    public record LinksBody(@NotNull List<@Valid LinkBody> links) {
    }

    public record OutputsBody(@NotNull List<@Valid OutputBody> outputs) {
    }

    @Schema(requiredProperties = {"code", "name"})
    public record Level(String code,
                        @Schema(nullable = true) String name) {
    }

    @Schema(requiredProperties = {"version", "kind", "amount", "recordedAt"})
    public record PaguVersionView(int version, String kind, BigDecimal amount, OffsetDateTime recordedAt) {
    }

    @Schema(requiredProperties = {"quarter", "rak", "realisasi", "absorption", "absorptionComputable"})
    public record QuarterView(int quarter,
                              @Schema(nullable = true) BigDecimal rak,
                              @Schema(nullable = true, description = "Spent in the quarter; null when it is not known: "
                                      + "the line's realisasiKnownBy is year (some of its spending is known only as a year "
                                      + "total, which belongs to no quarter)")
                              BigDecimal realisasi,
                              @Schema(nullable = true, description = "realisasi / RAK x 100; null (absorptionComputable "
                                      + "false) without a RAK, with RAK 0, or when the quarter's realisasi is not known")
                              BigDecimal absorption,
                              boolean absorptionComputable) {
    }

    @Schema(requiredProperties = {"kind", "statement", "targetQuantity", "achievedQuantity", "unit"})
    public record OutputView(String kind,
                             String statement,
                             @Schema(nullable = true) BigDecimal targetQuantity,
                             @Schema(nullable = true) BigDecimal achievedQuantity,
                             @Schema(nullable = true) String unit) {
    }

    @Schema(requiredProperties = {"sasaran", "indicator", "statedAbsorption"})
    public record LinkView(String sasaran,
                           @Schema(nullable = true) String indicator,
                           @Schema(nullable = true) BigDecimal statedAbsorption) {
    }

    @Schema(requiredProperties = {"id", "code", "name", "pagu", "realisasi", "absorption", "absorptionComputable",
            "revision", "sipdKey", "urusan", "bidangUrusan", "program", "kegiatan", "subKegiatan", "unit",
            "fundingSource", "paguOriginal", "paguVersions", "statedAbsorption", "realisasiKnownBy",
            "realisasiUndated", "quarters", "months", "outputs", "links"})
    public record LineView(String id,
                           String code,
                           String name,
                           BigDecimal pagu,
                           BigDecimal realisasi,
                           @Schema(nullable = true, description = "realisasi / pagu x 100; null when the pagu is 0 (not computable)")
                           BigDecimal absorption,
                           boolean absorptionComputable,
                           long revision,
                           @Schema(nullable = true) String sipdKey,
                           Level urusan,
                           Level bidangUrusan,
                           @Schema(nullable = true) Level program,
                           @Schema(nullable = true) Level kegiatan,
                           @Schema(nullable = true) Level subKegiatan,
                           @Schema(nullable = true) Level unit,
                           @Schema(nullable = true) String fundingSource,
                           @Schema(nullable = true) BigDecimal paguOriginal,
                           List<PaguVersionView> paguVersions,
                           @Schema(nullable = true) BigDecimal statedAbsorption,
                           @Schema(description = "month: every rupiah of realisasi is dated (spending entries), so "
                                   + "months and quarters add up to it. year: some or all of it is known only as a year "
                                   + "total (realisasi sent as a total, such as an LKIP's yearly figure; see "
                                   + "realisasiUndated), which belongs to no month or quarter: every month's and "
                                   + "quarter's realisasi is null and the quarterly absorption not computable, while the "
                                   + "line's absorption counts all of realisasi", enumeration = {"month", "year"})
                           String realisasiKnownBy,
                           @Schema(description = "The part of realisasi known only as a year total; 0.00 when all of it "
                                   + "is dated", example = "198468000.00")
                           BigDecimal realisasiUndated,
                           List<QuarterView> quarters,
                           @Schema(description = "Spent per month, January first; all twelve null when "
                                   + "realisasiKnownBy is year", type = SchemaType.ARRAY, implementation = MonthAmount.class)
                           List<BigDecimal> months,
                           List<OutputView> outputs,
                           List<LinkView> links) {

        /**
         * The line with its parts as {@code facts} holds them. The only way to build a view: a read
         * and a write show a line from the same facts, so that a write cannot answer with less
         * than a GET shows.
         */
        static LineView of(BudgetLine line, BudgetService.YearFacts facts) {
            List<PaguVersion> versions = facts.versions().getOrDefault(line.id, List.of());
            Map<Integer, BigDecimal> months = facts.months().getOrDefault(line.id, Map.of());
            List<LineOutput> outputs = facts.outputs().getOrDefault(line.id, List.of());
            List<LineLink> links = facts.links().getOrDefault(line.id, List.of());
            Absorption absorption = line.absorption();
            BudgetCode.Levels levels = BudgetCode.levels(line.code);
            SpendingRollup rollup = SpendingRollup.of(months, facts.undated().getOrDefault(line.id, BigDecimal.ZERO),
                    line.rak());
            return new LineView(line.id.toString(), line.code, line.name, line.pagu, line.realisasi,
                    absorption.percent(), absorption.computable(), line.revision, line.sipdKey,
                    new Level(levels.urusan(), line.urusanName), new Level(levels.bidangUrusan(), line.bidangName),
                    levels.program() == null ? null : new Level(levels.program(), line.programName),
                    levels.kegiatan() == null ? null : new Level(levels.kegiatan(), line.kegiatanName),
                    levels.subKegiatan() == null ? null : new Level(levels.subKegiatan(), line.name),
                    line.unitCode == null ? null : new Level(line.unitCode, line.unitName), line.fundingSource,
                    line.paguOriginal,
                    versions.stream().map(v -> new PaguVersionView(v.version, v.kind, v.amount, v.recordedAt)).toList(),
                    stated(line.statedAbsorption), rollup.knownByMonth() ? "month" : "year", rollup.undated(),
                    rollup.quarters().stream().map(q -> new QuarterView(q.quarter(), q.rak(), q.realisasi(),
                            q.absorption().percent(), q.absorption().computable())).toList(),
                    rollup.months(),
                    outputs.stream().map(o -> new OutputView(o.kind, o.statement, o.targetQuantity, o.achievedQuantity,
                            o.unit)).toList(),
                    links.stream().map(l -> new LinkView(l.sasaranCode, l.indicatorCode, stated(l.statedAbsorption))).toList());
        }

        /** A stated percentage as the source wrote it: 98.91, 100 (stored with four decimals). */
        static BigDecimal stated(BigDecimal value) {
            if (value == null) {
                return null;
            }
            BigDecimal plain = value.stripTrailingZeros();
            return plain.scale() < 0 ? plain.setScale(0) : plain;
        }
    }

    /** For the document only: an annotation cannot say that the items of a list may be null. */
    @Schema(name = "MonthAmount", type = SchemaType.NUMBER, nullable = true,
            description = "Spent in the month; null when the line's realisasi is known only for the year")
    interface MonthAmount {
    }

    @Schema(requiredProperties = {"sasaran", "lines", "pagu", "realisasi", "absorption", "absorptionComputable"})
    public record SasaranTotal(String sasaran,
                               List<String> lines,
                               BigDecimal pagu,
                               BigDecimal realisasi,
                               @Schema(nullable = true) BigDecimal absorption,
                               boolean absorptionComputable) {
    }

    @Schema(requiredProperties = {"agency", "year", "lines", "totalPagu", "totalRealisasi", "absorption",
            "absorptionComputable", "totalPaguOriginal", "bySasaran"})
    public record BudgetView(String agency,
                             int year,
                             List<LineView> lines,
                             @Schema(description = "Each line counted once, however many sasaran it serves")
                             BigDecimal totalPagu,
                             BigDecimal totalRealisasi,
                             @Schema(nullable = true) BigDecimal absorption,
                             boolean absorptionComputable,
                             @Schema(nullable = true) BigDecimal totalPaguOriginal,
                             @Schema(description = "Per sasaran, the lines that serve it; a line serving two sasaran "
                                     + "appears under both, so these do not add up to the totals")
                             List<SasaranTotal> bySasaran) {
    }

    @Schema(requiredProperties = {"lineCode", "sourceKey", "outcome", "line"})
    public record SpendingView(String lineCode, String sourceKey, String outcome, LineView line) {
    }

    @Inject
    BudgetService budget;

    @Inject
    Caller caller;

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Operation(operationId = "getBudget", summary = "The year's budget lines with pagu, spending and computed absorption",
            description = "Per line: structure (urusan, bidang urusan, program, kegiatan, sub kegiatan), owning unit, "
                    + "funding source, SIPD key, pagu versions, spending per month and quarter with the cash plan (RAK) "
                    + "and quarterly absorption, outputs and outcomes, linked sasaran/indicators and stated percentages.")
    @APIResponse(responseCode = "200", description = "The year's lines with their totals, and the totals per sasaran",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = BudgetView.class), examples = @ExampleObject(name = "a line spent over the year", value = ApiExamples.BUDGET)))
    @APIResponse(responseCode = "403", description = "The token is of another agency, or its roles do not allow reading",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "another agency", value = ApiExamples.OTHER_AGENCY)))
    public BudgetView get(@PathParam("agency") String agency, @PathParam("year") int year) {
        BudgetService.YearFacts facts = budget.facts(agency, year);
        List<LineView> lines = new ArrayList<>();
        BigDecimal pagu = BigDecimal.ZERO.setScale(2);
        BigDecimal realisasi = BigDecimal.ZERO.setScale(2);
        BigDecimal original = BigDecimal.ZERO.setScale(2);
        Map<String, List<BudgetLine>> bySasaran = new TreeMap<>();
        for (BudgetLine line : facts.lines()) {
            List<LineLink> links = facts.links().getOrDefault(line.id, List.of());
            lines.add(LineView.of(line, facts));
            pagu = pagu.add(line.pagu);
            realisasi = realisasi.add(line.realisasi);
            original = original.add(line.paguOriginal);
            Map<String, BudgetLine> once = new LinkedHashMap<>();
            links.forEach(l -> once.put(l.sasaranCode, line));
            once.keySet().forEach(s -> bySasaran.computeIfAbsent(s, k -> new ArrayList<>()).add(line));
        }
        List<SasaranTotal> sasaran = new ArrayList<>();
        bySasaran.forEach((code, served) -> {
            BigDecimal p = served.stream().map(l -> l.pagu).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            BigDecimal r = served.stream().map(l -> l.realisasi).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            Absorption a = Absorption.of(p, r);
            sasaran.add(new SasaranTotal(code, served.stream().map(l -> l.code).toList(), p, r, a.percent(),
                    a.computable()));
        });
        Absorption absorption = Absorption.of(pagu, realisasi);
        return new BudgetView(agency, year, lines, pagu, realisasi, absorption.percent(), absorption.computable(),
                original, sasaran);
    }

    @Schema(requiredProperties = {"agency", "year", "lines"})
    public record RepublishView(String agency, int year,
                                @Schema(description = "lines published again, each with its revision moved on by one")
                                int lines) {
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("republish")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "republishBudget", summary = "Publish every line of the year again",
            description = "Each line's sakip.budget.line.upserted.v1 and sakip.budget.line.changed.v3 are published "
                    + "again through the outbox with the line's revision moved on by one; nothing else changes. For "
                    + "readers of an older event version after an upgrade: a line last published as "
                    + "sakip.budget.line.changed.v2 keeps v2's quarters in reporting until its next change, and this "
                    + "is that change. 404 problem when the year has no budget line.")
    @APIResponse(responseCode = "200", description = "How many lines were published again",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RepublishView.class),
                    examples = @ExampleObject(name = "the seed's year", value = "{\"agency\": \"dinsos-maluku\", \"year\": 2022, \"lines\": 28}")))
    @APIResponse(responseCode = "404", description = "The agency has no budget line in the year",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "a year without lines", value = ApiExamples.YEAR_WITHOUT_LINES)))
    public RepublishView republish(@PathParam("agency") String agency, @PathParam("year") int year) {
        return new RepublishView(agency, year, budget.republish(agency, year));
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @PUT
    @Path("lines/{code}")
    @Operation(operationId = "putBudgetLine", summary = "Create or update a budget line (sub kegiatan) by its official code",
            description = "Codes follow Permendagri 90/2019 (4-digit sub kegiatan, e.g. 1.06.02.2.01.0001, or the older "
                    + "2-digit form 1.06.02.2.01.01). Publishes sakip.budget.line.upserted.v1 and "
                    + "sakip.budget.line.changed.v3 when anything changed. A malformed code, a negative amount or "
                    + "spending above the pagu is a 400 problem naming the field.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "a sub kegiatan of an UPTD", value = ApiExamples.LINE_BODY)))
    @APIResponse(responseCode = "201", description = "The line is new; the line as stored",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = LineView.class), examples = @ExampleObject(name = "created", value = ApiExamples.LINE)))
    @APIResponse(responseCode = "200", description = "The line existed and is updated (or unchanged); the line as stored",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = LineView.class), examples = @ExampleObject(name = "updated", value = ApiExamples.LINE_CHANGED)))
    @APIResponse(responseCode = "400", description = "A malformed code, a negative or over-precise amount, or realisasi above the pagu",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "malformed code", value = ApiExamples.BAD_CODE)))
    public Response upsert(@PathParam("agency") String agency, @PathParam("year") @Min(2000) @Max(2100) int year,
                           @PathParam("code") String code, @Valid @NotNull LineBody body) {
        LineWriter.LineInput input = new LineWriter.LineInput(body.sipdKey(), code, body.name(), body.pagu(),
                body.realisasi(), body.statedAbsorption(), body.fundingSource(),
                body.unit() == null ? null : body.unit().code(), body.unit() == null ? null : body.unit().name(),
                body.urusanName(), body.bidangUrusanName(), body.programName(), body.kegiatanName());
        BudgetService.Upserted result = budget.upsert(agency, year, input,
                body.outputs() == null ? null : body.outputs().stream().map(OutputBody::input).toList(),
                body.links() == null ? null : body.links().stream().map(LinkBody::input).toList());
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(stored(result.line())).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @PUT
    @Path("lines/{code}/rak")
    @Operation(operationId = "setBudgetLineRak", summary = "Set the line's cash plan (RAK) per quarter", description = "The plan may not exceed the pagu.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "even quarters", value = ApiExamples.RAK_BODY)))
    @APIResponse(responseCode = "200", description = "The line as stored, with its RAK per quarter",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = LineView.class), examples = @ExampleObject(name = "with its RAK", value = ApiExamples.LINE_CHANGED)))
    @APIResponse(responseCode = "400", description = "The quarters add up to more than the pagu",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "above the pagu", value = ApiExamples.RAK_ABOVE_PAGU)))
    @APIResponse(responseCode = "404", description = "No line with this code in the agency's year",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unknown code", value = ApiExamples.LINE_NOT_FOUND)))
    public LineView rak(@PathParam("agency") String agency, @PathParam("year") int year, @PathParam("code") String code,
                        @Valid @NotNull RakBody body) {
        return stored(budget.setRak(agency, year, code, List.of(body.q1(), body.q2(), body.q3(), body.q4())));
    }

    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @POST
    @Path("lines/{code}/spending")
    @Operation(operationId = "recordSpending", summary = "Record a spending entry (e.g. an SP2D) on the line",
            description = "Idempotent by sourceKey: the same key again with the same values changes nothing, with other "
                    + "values corrects the entry. Spending beyond the (revised) pagu is refused.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "an SP2D", value = ApiExamples.SPENDING_BODY)))
    @APIResponse(responseCode = "201", description = "A new entry; the line with its new realisasi",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = SpendingView.class), examples = @ExampleObject(name = "created", value = ApiExamples.SPENDING)))
    @APIResponse(responseCode = "200", description = "The entry was known: unchanged, or updated with the new values",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = SpendingView.class), examples = @ExampleObject(name = "sent again", value = ApiExamples.SPENDING_AGAIN)))
    @APIResponse(responseCode = "400", description = "The entry would take the line's spending above its pagu, or its date is outside the year",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "above the pagu", value = ApiExamples.SPENDING_ABOVE_PAGU)))
    @APIResponse(responseCode = "404", description = "No line with this code in the agency's year",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unknown code", value = ApiExamples.LINE_NOT_FOUND)))
    public Response spend(@PathParam("agency") String agency, @PathParam("year") int year, @PathParam("code") String code,
                          @Valid @NotNull SpendingBody body) {
        BudgetLine.find(agency, year, code).ifPresent(line ->
                caller.requireUnit("budget line " + code, line.unitCode, line.unitName));
        LineWriter.Result result = budget.addSpending(agency, year, new LineWriter.SpendingInput(body.sourceKey(), code,
                null, body.date(), body.amount(), body.reference()));
        return Response.status(result.outcome() == LineWriter.Outcome.CREATED ? 201 : 200)
                .entity(new SpendingView(code, body.sourceKey(), result.outcome().name().toLowerCase(),
                        stored(result.line()))).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @PUT
    @Path("lines/{code}/links")
    @Operation(operationId = "setBudgetLineLinks", summary = "Set the sasaran / indicators of the agency's plan that the line serves (many to many)")
    @RequestBody(content = @Content(mediaType = JSON, examples = @ExampleObject(name = "a line serving two sasaran",
            value = "{\"links\": [{\"sasaran\": \"S1\", \"indicator\": \"IK1\", \"statedAbsorption\": 80}, "
                    + "{\"sasaran\": \"S4\", \"indicator\": \"IK4\", \"statedAbsorption\": 98.91}]}")))
    @APIResponse(responseCode = "200", description = "The line as stored",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = LineView.class), examples = @ExampleObject(name = "linked", value = ApiExamples.LINE_CHANGED)))
    @APIResponse(responseCode = "400", description = "A link names no sasaran code, or names one twice",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "not a sasaran code", value = ApiExamples.BAD_SASARAN)))
    @APIResponse(responseCode = "404", description = "No line with this code in the agency's year",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unknown code", value = ApiExamples.LINE_NOT_FOUND)))
    public LineView links(@PathParam("agency") String agency, @PathParam("year") int year, @PathParam("code") String code,
                          @Valid @NotNull LinksBody body) {
        return stored(budget.setLinks(agency, year, code, body.links().stream().map(LinkBody::input).toList()));
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @PUT
    @Path("lines/{code}/outputs")
    @Operation(operationId = "setBudgetLineOutputs", summary = "Set the line's output and outcome statements with target and achieved quantities")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "an output and an outcome", value = ApiExamples.OUTPUTS_BODY)))
    @APIResponse(responseCode = "200", description = "The line as stored",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = LineView.class), examples = @ExampleObject(name = "with outputs", value = ApiExamples.LINE_CHANGED)))
    @APIResponse(responseCode = "400", description = "A statement is neither an output nor an outcome, or lacks its text",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unknown kind", value = ApiExamples.BAD_OUTPUT_KIND)))
    @APIResponse(responseCode = "404", description = "No line with this code in the agency's year",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unknown code", value = ApiExamples.LINE_NOT_FOUND)))
    public LineView outputs(@PathParam("agency") String agency, @PathParam("year") int year,
                            @PathParam("code") String code, @Valid @NotNull OutputsBody body) {
        return stored(budget.setOutputs(agency, year, code, body.outputs().stream().map(OutputBody::input).toList()));
    }

    /** The line a write committed, exactly as the year's budget (GET) shows it. */
    private LineView stored(BudgetLine written) {
        BudgetService.YearFacts facts = budget.stored(written.id);
        return LineView.of(facts.lines().get(0), facts);
    }
}
