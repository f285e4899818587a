package id.go.maluku.sakip.budget.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import id.go.maluku.sakip.budget.domain.TextBounds;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.budget.domain.BudgetLine;
import id.go.maluku.sakip.budget.domain.ImportBatch;
import id.go.maluku.sakip.budget.domain.NumberText;
import id.go.maluku.sakip.budget.domain.SpendingEntry;
import id.go.maluku.sakip.budget.domain.SpendingLedger;
import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.platform.error.ApiProblem.FieldError;
import id.go.maluku.sakip.platform.upload.UploadLimits;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The e-budgeting integration: a pushed batch (one transaction, a result per row) and an
 * uploaded export (CSV or XLSX, read row by row and committed in chunks, every rejected row
 * reported with its line). Both are idempotent by the source's keys (SIPD key or code for a
 * line, source key for a spending entry) and, when a batch id is given, a batch id seen before
 * is a no-op that returns the first report. A dry run does everything and rolls it back.
 */
@ApplicationScoped
public class ImportService {

    public enum Kind { LINES, SPENDING }

    // written whole, so every property is required (issue 24); line (a file's) or index (a push's) is null,
    // and key when the row named none
    @Schema(name = "BudgetImportRow", requiredProperties = {"section", "line", "index", "key", "status", "errors"})
    public record RowResult(String section,
                            @Schema(nullable = true) Long line,
                            @Schema(nullable = true) Integer index,
                            @Schema(nullable = true) String key,
                            String status,
                            List<FieldError> errors) {
    }

    @Schema(name = "BudgetImportReport", requiredProperties = {"batchId", "kind", "dryRun", "duplicateBatch", "rows", "created", "updated",
            "unchanged", "rejected", "results"})
    public record Report(@Schema(nullable = true, description = "The batch id sent; null when none was") String batchId,
                         String kind, boolean dryRun, boolean duplicateBatch, long rows, long created,
                         long updated, long unchanged, long rejected, List<RowResult> results) {
        Report asDuplicate() {
            return new Report(batchId, kind, dryRun, true, rows, created, updated, unchanged, rejected, results);
        }
    }

    /** Column of an export: its name in the documentation, the headers accepted for it, whether required. */
    public record Column(String name, List<String> aliases, boolean required, String meaning) {
    }

    public static final List<Column> LINE_COLUMNS = List.of(
            new Column("kode_sub_kegiatan", List.of("kode_sub_kegiatan", "kode", "code"), true,
                    "official code, e.g. 1.06.02.2.01.0001 (or 2-digit sub kegiatan 1.06.02.2.01.01)"),
            new Column("nama_sub_kegiatan", List.of("nama_sub_kegiatan", "sub_kegiatan", "nama", "name"), true, "name"),
            new Column("pagu", List.of("pagu", "pagu_anggaran"), true, "current pagu in rupiah"),
            new Column("realisasi", List.of("realisasi"), false, "spent in the year as a total"),
            new Column("persen", List.of("persen", "persentase", "%", "stated_absorption"), false,
                    "absorption as printed by the source; kept as stated, never used in computing"),
            new Column("sumber_dana", List.of("sumber_dana", "funding_source"), false, "APBD (default), APBN_DEKONSENTRASI, DAK_FISIK ..."),
            new Column("kode_unit", List.of("kode_unit", "unit_code"), false, "owning sub-unit code (e.g. an UPTD)"),
            new Column("nama_unit", List.of("nama_unit", "unit_name"), false, "owning sub-unit name"),
            new Column("kode_sipd", List.of("kode_sipd", "id_sipd", "sipd_key"), false, "SIPD's own key of the line"),
            new Column("nama_urusan", List.of("nama_urusan", "urusan"), false, "urusan name"),
            new Column("nama_bidang_urusan", List.of("nama_bidang_urusan", "bidang_urusan"), false, "bidang urusan name"),
            new Column("nama_program", List.of("nama_program", "program"), false, "program name"),
            new Column("nama_kegiatan", List.of("nama_kegiatan", "kegiatan"), false, "kegiatan name"));

    public static final List<Column> SPENDING_COLUMNS = List.of(
            new Column("id_transaksi", List.of("id_transaksi", "source_key", "kunci"), true,
                    "the source's key of the entry; a repeated key updates instead of adding"),
            new Column("kode_sub_kegiatan", List.of("kode_sub_kegiatan", "kode", "line_code"), true,
                    "code of the line spent on"),
            new Column("tanggal", List.of("tanggal", "date"), true, "yyyy-mm-dd or dd/mm/yyyy, within the fiscal year"),
            new Column("nilai", List.of("nilai", "jumlah", "amount"), true, "amount in rupiah, more than 0"),
            new Column("no_sp2d", List.of("no_sp2d", "nomor_sp2d", "reference"), false, "reference such as the SP2D number"));

    static final int MAX_PUSH_ROWS = 10_000;

    /** The file column each field of the writing rules is read from. */
    static final Map<String, String> COLUMN_OF = Map.ofEntries(
            Map.entry("code", "kode_sub_kegiatan"), Map.entry("name", "nama_sub_kegiatan"),
            Map.entry("statedAbsorption", "persen"), Map.entry("fundingSource", "sumber_dana"),
            Map.entry("unitCode", "kode_unit"), Map.entry("unitName", "nama_unit"), Map.entry("sipdKey", "kode_sipd"),
            Map.entry("sourceKey", "id_transaksi"), Map.entry("lineCode", "kode_sub_kegiatan"),
            Map.entry("lineSipdKey", "kode_sipd"), Map.entry("date", "tanggal"), Map.entry("amount", "nilai"),
            Map.entry("reference", "no_sp2d"));

    @Inject
    LineWriter writer;

    @Inject
    LineEvents events;

    @Inject
    SpendingImport spending;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    UploadLimits limits;

    @ConfigProperty(name = "sakip.import.chunk-size", defaultValue = "1000")
    int chunkSize;

    /**
     * Spending rows are written set-wise, so a chunk costs a few statements whatever its size: larger
     * chunks mean fewer round trips and fewer events (one per changed line per chunk); memory holds
     * one chunk of parsed rows.
     */
    @ConfigProperty(name = "sakip.import.spending-chunk-size", defaultValue = "20000")
    int spendingChunkSize;

    // ---- push API ------------------------------------------------------------------------

    public Report push(String agency, int year, String batchId, boolean dryRun, List<LineWriter.LineInput> lineRows,
                       List<LineWriter.SpendingInput> spendingRows) {
        if (lineRows.size() + spendingRows.size() > MAX_PUSH_ROWS) {
            throw ApiProblem.invalid("lines", "a batch holds at most " + MAX_PUSH_ROWS + " rows; send the rest in "
                    + "another batch or upload a file");
        }
        Report seen = previous(agency, batchId);
        if (seen != null) {
            return seen;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
            LineWriter.Lines lines = new LineWriter.Lines(agency, year);
            Set<BudgetLine> touched = new LinkedHashSet<>();
            Counter counter = new Counter(true, Integer.MAX_VALUE);
            writer.preload(lines, lineRows.stream().map(LineWriter.LineInput::code).toList(),
                    lineRows.stream().map(LineWriter.LineInput::sipdKey).toList());
            for (int i = 0; i < lineRows.size(); i++) {
                LineWriter.LineInput row = lineRows.get(i);
                counter.add("lines", null, i, row.sipdKey() != null ? row.sipdKey() : row.code(),
                        writer.applyLine(lines, row, touched));
            }
            writer.preload(lines, spendingRows.stream().map(LineWriter.SpendingInput::lineCode).toList(),
                    spendingRows.stream().map(LineWriter.SpendingInput::lineSipdKey).toList());
            Map<String, SpendingEntry> existing = writer.existingEntries(agency, year,
                    spendingRows.stream().map(LineWriter.SpendingInput::sourceKey).toList());
            for (int i = 0; i < spendingRows.size(); i++) {
                LineWriter.SpendingInput row = spendingRows.get(i);
                counter.add("spending", null, i, row.sourceKey(), writer.applySpending(lines, row, existing, touched));
            }
            events.changed(touched);
            Report report = counter.report(batchId, "push", dryRun);
            if (dryRun) {
                throw new DryRunDone(report);
            }
            remember(agency, year, batchId, "push", report);
            return report;
        });
        } catch (DryRunDone done) {
            return done.report;
        }
    }

    /** Leaves a dry run's transaction by rolling it back (setRollbackOnly would make the commit throw). */
    private static final class DryRunDone extends RuntimeException {
        final transient Report report;

        DryRunDone(Report report) {
            super("dry run", null, false, false);
            this.report = report;
        }
    }

    // ---- file import ---------------------------------------------------------------------

    /**
     * Imports an uploaded export already spooled to {@code file}. The file is checked first
     * (encoding, the workbook's sizes, every row read once against the field, cell, row and column
     * limits, columns) so that a wrong file changes nothing; then its rows are applied in
     * chunks of {@code sakip.import.chunk-size}, each chunk in its own transaction (a dry run:
     * all in one transaction, flushed and cleared per chunk, rolled back at the end).
     */
    public Report importFile(String agency, int year, Kind kind, String batchId, boolean dryRun, Path file, boolean xlsx)
            throws IOException {
        Report seen = previous(agency, batchId);
        if (seen != null) {
            return seen;
        }
        if (xlsx) {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] magic = in.readNBytes(4);
                if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K') {
                    throw ApiProblem.invalid("file", "is not an XLSX workbook (no ZIP signature)");
                }
            }
            limits.workbook().check(file);
        } else {
            long bad = TableRows.firstNonUtf8Line(file);
            if (bad > 0) {
                throw ApiProblem.invalid("file", "is not UTF-8: line " + bad + " holds a byte sequence that is not "
                        + "UTF-8 (export the file as CSV UTF-8)");
            }
        }
        readThrough(file, xlsx);
        List<Column> columns = kind == Kind.LINES ? LINE_COLUMNS : SPENDING_COLUMNS;
        Counter counter = new Counter(false, limits.maxReportedRows());
        try (TableRows rows = open(file, xlsx)) {
            int[] index = mapColumns(rows.header(), columns);
            if (dryRun) {
                // one transaction for the whole dry run; long files need more than the default timeout
                try {
                    QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
                        applyAll(agency, year, kind, rows, index, counter, true);
                        throw new DryRunDone(null);
                    });
                } catch (DryRunDone done) {
                    // rolled back, as a dry run must be
                }
            } else {
                applyAll(agency, year, kind, rows, index, counter, false);
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io && !(e instanceof ApiProblem)) {
                throw ApiProblem.invalid("file", "could not be read: " + io.getMessage());
            }
            throw e;
        }
        Report report = counter.report(batchId, kind.name().toLowerCase(Locale.ROOT), dryRun);
        if (!dryRun) {
            QuarkusTransaction.requiringNew().run(() -> remember(agency, year, batchId, "file", report));
        }
        return report;
    }

    /**
     * Reads every row once without applying it: a limit the parser cannot read past (a CSV field or
     * a row too long, a row past the last one read) is refused here, before a chunk is committed.
     * It costs one more parse of the file (not yet measured in BENCHMARKS.md); the writes stay one pass.
     */
    private void readThrough(Path file, boolean xlsx) throws IOException {
        try (TableRows rows = open(file, xlsx)) {
            while (rows.next() != null) {
                // only the limits matter here
            }
        } catch (java.io.UncheckedIOException e) {
            throw ApiProblem.invalid("file", "could not be read: " + e.getCause().getMessage());
        } catch (ApiProblem e) {
            throw e;
        } catch (RuntimeException e) {
            throw ApiProblem.invalid("file", "could not be read as " + (xlsx ? "XLSX" : "CSV") + ": " + e.getMessage());
        }
    }

    private TableRows open(Path file, boolean xlsx) throws IOException {
        if (xlsx) {
            try {
                return new TableRows.Xlsx(file, limits.workbook());
            } catch (ApiProblem e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw ApiProblem.invalid("file", "could not be read as XLSX: " + e.getMessage());
            }
        }
        InputStream in = Files.newInputStream(file);
        try {
            return new TableRows.Csv(in, limits.workbook());
        } catch (ApiProblem e) {
            in.close();
            throw e;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw ApiProblem.invalid("file", "could not be read as CSV: " + e.getMessage());
        }
    }

    private void applyAll(String agency, int year, Kind kind, TableRows rows, int[] index, Counter counter,
                          boolean oneTransaction) {
        if (kind == Kind.SPENDING) {
            applySpending(agency, year, rows, index, counter, oneTransaction);
            return;
        }
        List<TableRows.TableRow> chunk = new ArrayList<>(chunkSize);
        try {
            TableRows.TableRow row;
            while ((row = rows.next()) != null) {
                chunk.add(row);
                if (chunk.size() == chunkSize) {
                    applyChunk(agency, year, chunk, index, counter, oneTransaction);
                    chunk.clear();
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!chunk.isEmpty()) {
            applyChunk(agency, year, chunk, index, counter, oneTransaction);
        }
    }

    /** A spending row as read: where it is in the file, its key as written, and the row or its errors. */
    private record SpendingRow(long line, String key, SpendingImport.Parsed parsed) {
    }

    /** Spending rows are parsed as they are read (a chunk holds only the parsed rows) and written set-wise. */
    private void applySpending(String agency, int year, TableRows rows, int[] index, Counter counter,
                               boolean inCallerTransaction) {
        List<SpendingRow> chunk = new ArrayList<>(Math.min(spendingChunkSize, 65536));
        SpendingImport.Tallies tallies = new SpendingImport.Tallies();
        try {
            TableRows.TableRow row;
            while ((row = rows.next()) != null) {
                chunk.add(new SpendingRow(row.line(), row.cell(index[0]).text(), spendingInput(row, index)));
                if (chunk.size() == spendingChunkSize) {
                    applySpendingChunk(agency, year, chunk, tallies, counter, inCallerTransaction);
                    chunk.clear();
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!chunk.isEmpty()) {
            applySpendingChunk(agency, year, chunk, tallies, counter, inCallerTransaction);
        }
    }

    private void applySpendingChunk(String agency, int year, List<SpendingRow> chunk, SpendingImport.Tallies tallies,
                                    Counter counter, boolean inCallerTransaction) {
        List<SpendingImport.Parsed> parsed = chunk.stream().map(SpendingRow::parsed).toList();
        List<LineWriter.Result> results = inCallerTransaction ? applyWithinDryRun(agency, year, parsed, tallies)
                : QuarkusTransaction.requiringNew().call(() -> spending.apply(agency, year, parsed, tallies));
        for (int i = 0; i < chunk.size(); i++) {
            counter.add("spending", chunk.get(i).line(), null, chunk.get(i).key(), results.get(i));
        }
    }

    /** A dry run's chunks share one transaction: the persistence context is emptied after each. */
    private List<LineWriter.Result> applyWithinDryRun(String agency, int year, List<SpendingImport.Parsed> parsed,
                                                      SpendingImport.Tallies tallies) {
        List<LineWriter.Result> results = spending.apply(agency, year, parsed, tallies);
        em.flush();
        em.clear();
        return results;
    }

    private void applyChunk(String agency, int year, List<TableRows.TableRow> chunk, int[] index, Counter counter,
                            boolean inCallerTransaction) {
        Runnable work = () -> {
            LineWriter.Lines lines = new LineWriter.Lines(agency, year);
            Set<BudgetLine> touched = new LinkedHashSet<>();
            List<Object> parsed = chunk.stream().map(r -> (Object) lineInput(r, index)).toList();
            writer.preload(lines, parsed.stream().filter(p -> p instanceof LineWriter.LineInput)
                    .map(p -> ((LineWriter.LineInput) p).code()).toList(), List.of());
            for (int i = 0; i < chunk.size(); i++) {
                Object p = parsed.get(i);
                TableRows.TableRow row = chunk.get(i);
                String key = row.cell(index[0]).text();
                if (p instanceof LineWriter.LineInput input) {
                    counter.add("lines", row.line(), null, key, writer.applyLine(lines, input, touched));
                } else {
                    @SuppressWarnings("unchecked") List<FieldError> errors = (List<FieldError>) p;
                    counter.add("lines", row.line(), null, key, LineWriter.Result.rejected(errors));
                }
            }
            events.changed(touched);
            em.flush();
            em.clear();
        };
        if (inCallerTransaction) {
            work.run();
        } else {
            QuarkusTransaction.requiringNew().run(work);
        }
    }

    /** Reads one export row into a line, or the list of what is wrong with it. */
    private static Object lineInput(TableRows.TableRow row, int[] index) {
        if (!row.problems().isEmpty()) {
            return row.problems();
        }
        List<FieldError> errors = new ArrayList<>();
        BigDecimal pagu = money(row, index[2], "pagu", errors);
        BigDecimal realisasi = money(row, index[3], "realisasi", errors);
        BigDecimal stated = null;
        TableRows.Cell percentCell = row.cell(index[4]);
        if (percentCell.number() != null) {
            stated = percentCell.number();
        } else if (!percentCell.blank()) {
            NumberText.Parsed parsed = NumberText.percent(percentCell.text());
            if (parsed.ok()) {
                stated = parsed.value();
            } else {
                errors.add(new FieldError("persen", parsed.error()));
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        return new LineWriter.LineInput(text(row, index[8]), text(row, index[0]), text(row, index[1]), pagu, realisasi,
                stated, text(row, index[5]), text(row, index[6]), text(row, index[7]), text(row, index[9]),
                text(row, index[10]), text(row, index[11]), text(row, index[12]));
    }

    // strict: 31/02/2022 is refused, not moved to the 28th
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY_MONTH_YEAR_DASH = DateTimeFormatter.ofPattern("d-M-uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private static SpendingImport.Parsed spendingInput(TableRows.TableRow row, int[] index) {
        if (!row.problems().isEmpty()) {
            return new SpendingImport.Parsed(null, row.problems());
        }
        List<FieldError> errors = new ArrayList<>();
        BigDecimal amount = money(row, index[3], "nilai", errors);
        if (amount == null && errors.isEmpty()) {
            errors.add(new FieldError("nilai", "is required"));
        } else if (amount != null && amount.signum() < 0) {
            errors.add(new FieldError("nilai", "must not be negative"));
        }
        LocalDate date = null;
        TableRows.Cell dateCell = row.cell(index[2]);
        if (dateCell.number() != null) {
            // an XLSX date is a day count from Excel's epoch; Excel's own dates end in 9999
            long days = dateCell.number().longValue();
            if (days < 0 || days > 2_958_465) {
                errors.add(new FieldError("tanggal", "'" + dateCell.text() + "' is not a date"));
            } else {
                date = EXCEL_EPOCH.plusDays(days);
            }
        } else if (dateCell.blank()) {
            errors.add(new FieldError("tanggal", "is required"));
        } else {
            String t = dateCell.text().strip();
            date = date(t);
            if (date == null) {
                errors.add(new FieldError("tanggal", "'" + t + "' is not a date (yyyy-mm-dd or dd/mm/yyyy)"));
            }
        }
        if (!errors.isEmpty()) {
            return new SpendingImport.Parsed(null, errors);
        }
        return new SpendingImport.Parsed(new SpendingLedger.Row(text(row, index[0]), text(row, index[1]), date, amount,
                text(row, index[4])), null);
    }

    /** yyyy-mm-dd, dd/mm/yyyy or dd-mm-yyyy, strictly (31/02 is no date); null when it is none of them. */
    static LocalDate date(String t) {
        // the usual yyyy-mm-dd without a formatter: the formatters cost more than the rest of a row
        if (t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
            int y = digits(t, 0, 4), m = digits(t, 5, 7), d = digits(t, 8, 10);
            if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= java.time.YearMonth.of(y, m).lengthOfMonth()) {
                return LocalDate.of(y, m, d);
            }
        }
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DAY_MONTH_YEAR, DAY_MONTH_YEAR_DASH)) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return null;
    }

    private static int digits(String t, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static BigDecimal money(TableRows.TableRow row, int column, String field, List<FieldError> errors) {
        TableRows.Cell cell = row.cell(column);
        if (cell.number() != null) {
            return cell.number();
        }
        NumberText.Parsed parsed = NumberText.money(cell.text());
        if (!parsed.ok()) {
            errors.add(new FieldError(field, parsed.error()));
            return null;
        }
        return parsed.value();
    }

    private static String text(TableRows.TableRow row, int column) {
        TableRows.Cell cell = row.cell(column);
        if (cell.blank()) {
            return null;
        }
        return cell.text().strip();
    }

    /** Index of each column in the file (-1: absent); a missing required column refuses the file. */
    static int[] mapColumns(List<String> header, List<Column> columns) {
        List<String> names = header.stream().map(ImportService::normaliseHeader).toList();
        int[] index = new int[columns.size()];
        List<FieldError> missing = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            index[c] = -1;
            for (String alias : columns.get(c).aliases()) {
                int at = names.indexOf(alias);
                if (at >= 0) {
                    index[c] = at;
                    break;
                }
            }
            if (index[c] < 0 && columns.get(c).required()) {
                missing.add(new FieldError(columns.get(c).name(), "required column is missing (accepted headers: "
                        + String.join(", ", columns.get(c).aliases()) + ")"));
            }
        }
        if (!missing.isEmpty()) {
            throw new ApiProblem(400, "Invalid request", "the file lacks required columns: " + String.join(", ",
                    missing.stream().map(FieldError::field).toList()), missing);
        }
        return index;
    }

    static String normaliseHeader(String header) {
        String h = header == null ? "" : header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
        if (h.equals("%")) {
            return h;
        }
        return h.replaceAll("[^a-z0-9%]+", "_").replaceAll("^_+|_+$", "");
    }

    // ---- batches -------------------------------------------------------------------------

    private Report previous(String agency, String batchId) {
        if (batchId == null) {
            return null;
        }
        if (batchId.isBlank() || batchId.length() > TextBounds.KEY) {
            throw ApiProblem.invalid("batchId", "must be 1 to " + TextBounds.KEY + " characters");
        }
        return QuarkusTransaction.requiringNew().call(() -> ImportBatch.find(agency, batchId).map(b -> {
            try {
                return mapper.readValue(b.report, Report.class).asDuplicate();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored report of batch " + batchId + " is unreadable", e);
            }
        }).orElse(null));
    }

    private void remember(String agency, int year, String batchId, String kind, Report report) {
        if (batchId == null) {
            return;
        }
        ImportBatch batch = new ImportBatch();
        batch.agencyCode = agency;
        batch.batchId = batchId;
        batch.fiscalYear = year;
        batch.kind = kind;
        batch.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            batch.report = mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        batch.persist();
    }

    /**
     * Counts outcomes; keeps every row's result for a push, only the first {@code listed} rejected
     * rows for a file (a junk file made a report of 60 MB); the counts cover every row.
     */
    private static final class Counter {
        final boolean everyRow;
        final int listed;
        long rows, created, updated, unchanged, rejected;
        final List<RowResult> results = new ArrayList<>();

        Counter(boolean everyRow, int listed) {
            this.everyRow = everyRow;
            this.listed = listed;
        }

        void add(String section, Long line, Integer index, String key, LineWriter.Result result) {
            rows++;
            switch (result.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case REJECTED -> rejected++;
            }
            if ((everyRow || result.outcome() == LineWriter.Outcome.REJECTED) && results.size() < listed) {
                List<FieldError> errors = result.errors();
                if (line != null) {
                    // a file's rows are corrected in the file: name its columns, not the API's fields
                    errors = errors.stream().map(e -> new FieldError(COLUMN_OF.getOrDefault(e.field(), e.field()),
                            e.message())).toList();
                }
                results.add(new RowResult(section, line, index, key, result.outcome().name().toLowerCase(Locale.ROOT),
                        errors));
            }
        }

        Report report(String batchId, String kind, boolean dryRun) {
            return new Report(batchId, kind, dryRun, false, rows, created, updated, unchanged, rejected,
                    List.copyOf(results));
        }
    }

    static Map<String, Object> describe(List<Column> columns) {
        Map<String, Object> out = new LinkedHashMap<>();
        columns.forEach(c -> out.put(c.name(), c.aliases()));
        return out;
    }
}
