package id.go.maluku.sakip.budget.rest;

import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.budget.domain.TextBounds;
import id.go.maluku.sakip.budget.service.ImportService;
import id.go.maluku.sakip.budget.service.LineWriter;
import id.go.maluku.sakip.platform.security.AgencyScoped;
import id.go.maluku.sakip.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static id.go.maluku.sakip.budget.rest.ApiExamples.JSON;
import static id.go.maluku.sakip.budget.rest.ApiExamples.PROBLEM;

@Path("/api/v1/agencies/{agency}/years/{year}/budget")
@AgencyScoped
@RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "E-budgeting integration", description = "Batches pushed by the e-budgeting system (SIPD) and uploaded exports")
public class BudgetImportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // The bounds are declared for the document (maxLength) and checked by LineWriter, row by row: a
    // row past one is rejected and reported, the others applied. Each is its budget_line column's.
    public record LineRow(@Schema(description = "SIPD's key of the line; the line's identity when given", maxLength = TextBounds.CODE) String sipdKey,
                          @Schema(example = "1.06.05.2.01.0001", maxLength = TextBounds.CODE) String code,
                          @Schema(maxLength = TextBounds.NAME) String name, BigDecimal pagu,
                          BigDecimal realisasi, BigDecimal statedAbsorption,
                          @Schema(maxLength = TextBounds.FUNDING_SOURCE) String fundingSource,
                          @Schema(maxLength = TextBounds.CODE) String unitCode,
                          @Schema(maxLength = TextBounds.UNIT_NAME) String unitName, @Schema(maxLength = TextBounds.UNIT_NAME) String urusanName,
                          @Schema(maxLength = TextBounds.UNIT_NAME) String bidangUrusanName, @Schema(maxLength = TextBounds.NAME) String programName,
                          @Schema(maxLength = TextBounds.NAME) String kegiatanName) {
        LineWriter.LineInput input() {
            return new LineWriter.LineInput(sipdKey, code, name, pagu, realisasi, statedAbsorption, fundingSource,
                    unitCode, unitName, urusanName, bidangUrusanName, programName, kegiatanName);
        }
    }

    // As LineRow's: checked row by row (SpendingLedger.check, the line's lookup), declared here.
    public record SpendingRow(@Schema(description = "The source's key of the entry (e.g. the SP2D id)", maxLength = TextBounds.KEY) String sourceKey,
                              @Schema(maxLength = TextBounds.CODE) String lineCode, @Schema(maxLength = TextBounds.CODE) String lineSipdKey,
                              LocalDate date, BigDecimal amount, @Schema(maxLength = TextBounds.KEY) String reference) {
        LineWriter.SpendingInput input() {
            return new LineWriter.SpendingInput(sourceKey, lineCode, lineSipdKey, date, amount, reference);
        }
    }

    public record BatchBody(@Schema(description = "The sender's id of the batch; a batch id seen before is a no-op "
            + "reported with duplicateBatch = true") @Size(max = TextBounds.KEY) String batchId,
                            boolean dryRun, List<LineRow> lines, List<SpendingRow> spending) {
    }

    @Inject
    ImportService imports;

    @POST
    @Path("batches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "pushBudgetBatch", summary = "Push a batch of budget lines and spending entries (e-budgeting integration)",
            description = "Lines are upserted first (identity: sipdKey when given, else the code), then spending entries "
                    + "(identity: sourceKey). Idempotent: rows equal to what is stored are 'unchanged'. A bad row is "
                    + "'rejected' with its errors and the others still apply. The same batchId sent again changes nothing "
                    + "and returns the first report with duplicateBatch = true. dryRun = true reports without storing. "
                    + "At most 10000 rows per batch. Result: one entry per row (section, index, key, status, errors).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "a line and a spending entry", value = ApiExamples.BATCH_BODY)))
    @APIResponse(responseCode = "200", description = "One result per row; a batch id seen before returns the first report with duplicateBatch = true",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ImportService.Report.class), examples = @ExampleObject(name = "a line and a spending entry", value = ApiExamples.BATCH_REPORT)))
    @APIResponse(responseCode = "400", description = "The batch holds more than 10000 rows, or is not a batch",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "too many rows", value = ApiExamples.BATCH_TOO_LARGE)))
    public ImportService.Report push(@PathParam("agency") String agency, @PathParam("year") int year,
                                     @Valid @NotNull BatchBody body) {
        return imports.push(agency, year, body.batchId(), body.dryRun(),
                body.lines() == null ? List.of() : body.lines().stream().map(LineRow::input).toList(),
                body.spending() == null ? List.of() : body.spending().stream().map(SpendingRow::input).toList());
    }

    @POST
    @Path("imports")
    @Consumes({"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "importBudget", summary = "Import an e-budgeting export (CSV or XLSX), streaming",
            description = """
                    The body is the file itself: Content-Type text/csv (UTF-8; delimiter ',', ';' or tab, taken from the \
                    header line; quotes per RFC 4180) or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet \
                    (first sheet, first row is the header). The file is read row by row and committed in chunks, so \
                    memory does not grow with it. A file that is not UTF-8, is not a workbook or lacks a required \
                    column is refused as a whole (400) before anything is stored. Otherwise every row is applied or \
                    rejected on its own; every rejected row is reported with its line (CSV line / sheet row) and reason.

                    Headers are matched case-insensitively, spaces and punctuation read as '_'. Columns of kind=lines \
                    (first accepted header is the documented name):
                    - kode_sub_kegiatan | kode | code (required): official code, 1.06.02.2.01.0001 or 1.06.02.2.01.01
                    - nama_sub_kegiatan | sub_kegiatan | nama | name (required)
                    - pagu | pagu_anggaran (required): current pagu; a change is kept as a new revision
                    - realisasi: spent in the year as a total (lines without dated spending entries)
                    - persen | persentase | % | stated_absorption: the source's own percentage, kept as stated for review
                    - sumber_dana | funding_source: APBD (default), APBN_DEKONSENTRASI, APBN_TUGAS_PEMBANTUAN, DAK_FISIK, \
                    DAK_NON_FISIK, DBH, HIBAH, BLUD, LAINNYA
                    - kode_unit | unit_code, nama_unit | unit_name: owning sub-unit such as an UPTD (both or neither)
                    - kode_sipd | id_sipd | sipd_key: SIPD's key of the line (its identity when present)
                    - nama_urusan, nama_bidang_urusan, nama_program, nama_kegiatan: names of the levels
                    Columns of kind=spending:
                    - id_transaksi | source_key | kunci (required): the source's key; importing it again is harmless
                    - kode_sub_kegiatan | kode | line_code (required): the line spent on (must exist)
                    - tanggal | date (required): yyyy-mm-dd, dd/mm/yyyy or dd-mm-yyyy, within the fiscal year
                    - nilai | jumlah | amount (required): more than 0; spending beyond the line's pagu is rejected
                    - no_sp2d | nomor_sp2d | reference: e.g. the SP2D number

                    Numbers: both conventions are read, per value: 'Rp. 1.123.840.000', 'Rp. 30,000,000.00', \
                    '1.234.567,89', '98,91 %', '98.91%'. A single separator followed by exactly three digits \
                    ('1.234', '1,234') could be thousands or decimals: the row is rejected, never guessed. Rupiah have \
                    at most two decimals; negative amounts are rejected. XLSX number cells are taken as they are.
                    """)
    @RequestBody(content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary"), examples = {
                    @ExampleObject(name = "lines", description = "?kind=lines", value = ApiExamples.CSV_LINES),
                    @ExampleObject(name = "spending", description = "?kind=spending", value = ApiExamples.CSV_SPENDING)}),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "lines", description = "The first sheet's content, as a table",
                            value = ApiExamples.SHEET_LINES)),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "lines", description = "Read as CSV", value = ApiExamples.CSV_LINES))})
    @APIResponse(responseCode = "200", description = "Counts, and every rejected row with its line and reason",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ImportService.Report.class), examples = @ExampleObject(name = "a row rejected", value = ApiExamples.IMPORT_REPORT)))
    @APIResponse(responseCode = "400", description = "The file as a whole is refused (not UTF-8, not a workbook, a required column missing, an unknown kind); nothing is stored",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "a column missing", value = ApiExamples.MISSING_COLUMN)))
    public ImportService.Report importFile(@PathParam("agency") String agency, @PathParam("year") int year,
                                           @Parameter(description = "lines (default) or spending",
                                                   schema = @Schema(type = SchemaType.STRING, enumeration = {"lines", "spending"}))
                                           @QueryParam("kind") @DefaultValue("lines") String kind,
                                           @Parameter(description = "the sender's id of this import; repeated: a no-op")
                                           @QueryParam("batchId") @Size(max = TextBounds.KEY) String batchId,
                                           @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                           InputStream body) throws IOException {
        ImportService.Kind k;
        try {
            k = ImportService.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("kind", "must be lines or spending");
        }
        boolean xlsx = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(XLSX);
        // Spooled to disk (streamed, constant memory) so that the file can be checked before any row is applied.
        java.nio.file.Path file = Files.createTempFile("budget-import-", xlsx ? ".xlsx" : ".csv");
        try {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            return imports.importFile(agency, year, k, batchId, dryRun, file, xlsx);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
