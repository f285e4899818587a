package id.go.maluku.sakip.planning.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.maluku.sakip.planning.domain.Indicator;
import id.go.maluku.sakip.planning.domain.TargetValue;
import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.planning.service.PlanElements;
import id.go.maluku.sakip.planning.service.Renstra;
import id.go.maluku.sakip.platform.upload.UploadLimits;
import id.go.maluku.sakip.platform.upload.SheetRows;
import id.go.maluku.sakip.platform.upload.WorkbookLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionManager;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Renstra targets from an Excel sheet, as planners keep them: a header row with the columns
 * {@code indicator}, {@code year}, {@code target} (any order, any case), then one target per
 * row. A numeric cell is a number; a text cell is a scale value of an ordinal indicator or
 * "low-high" for a range. Every row is checked first; one bad row refuses the whole sheet, with
 * each bad row named by its number (the first {@code sakip.upload.max-reported-rows} of them). The
 * upload is spooled to a file and measured ({@link WorkbookLimits}) before the sheet is read, row by row.
 */
@ApplicationScoped
@Transactional
public class TargetUpload {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "TargetUploadReport", requiredProperties = {"dryRun", "rows", "counts"})
    public record Report(boolean dryRun, int rows, Map<String, Integer> counts) {
    }

    private record Parsed(int row, Indicator indicator, int year, TargetValue value) {
    }

    @Inject
    PlanElements planning;

    @Inject
    TransactionManager transactions;

    @Inject
    UploadLimits limits;

    // a number fastexcel cannot parse becomes an ERROR cell (refused as that cell) instead of ending the sheet
    private static final ReadingOptions CELLS_IN_ERROR = new ReadingOptions(false, true);

    public Report upload(String agencyCode, InputStream xlsx, boolean dryRun) throws Exception {
        planning.agency(agencyCode);
        Map<String, Indicator> indicators = new HashMap<>();
        planning.indicators(agencyCode).forEach(i -> indicators.put(i.code, i));
        WorkbookLimits bounds = limits.workbook();
        Path file = bounds.spool(xlsx);
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        int rejectedRows = 0;
        List<Parsed> parsed = new ArrayList<>();
        try {
            bounds.check(file);
            try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), CELLS_IN_ERROR)) {
                Sheet sheet = workbook.getFirstSheet();
                Map<String, Integer> columns = null;
                try (Stream<Row> rows = sheet.openStream()) {
                    for (Row row : (Iterable<Row>) rows::iterator) {
                        bounds.checkRow(SheetRows.number(row), row.getCellCount());
                        if (columns == null) {
                            columns = header(row);
                            continue;
                        }
                        if (blankRow(row)) {
                            continue;
                        }
                        List<ApiProblem.FieldError> rowErrors = new ArrayList<>();
                        if (!unfitCells(row, columns, bounds, rowErrors)) {
                            parse(row, columns, indicators, rowErrors, parsed);
                        }
                        if (!rowErrors.isEmpty()) {
                            // the report lists the first rows only; the count covers them all
                            if (++rejectedRows <= limits.maxReportedRows()) {
                                errors.addAll(rowErrors);
                            }
                        }
                    }
                }
                if (columns == null) {
                    throw ApiProblem.invalid("file", "the sheet is empty: a header row indicator | year | target is expected");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiProblem problem) {
                throw problem;
            }
            throw ApiProblem.invalid("file", "not a readable XLSX workbook (" + e.getMessage() + ")");
        } finally {
            Files.deleteIfExists(file);
        }
        if (rejectedRows > 0) {
            String listed = rejectedRows > limits.maxReportedRows() ? " (the first " + limits.maxReportedRows()
                    + " are listed)" : "";
            throw new ApiProblem(400, "Invalid target sheet", rejectedRows + " row(s) rejected" + listed
                    + "; nothing was changed", errors);
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (Parsed p : parsed) {
            PlanElements.Upserted<?> result = planning.setTarget(p.indicator(), p.year(), p.value());
            counts.merge(result.created() ? "created" : result.changed() ? "updated" : "unchanged", 1, Integer::sum);
        }
        if (dryRun) {
            transactions.setRollbackOnly();
        }
        return new Report(dryRun, parsed.size(), counts);
    }

    private static Map<String, Integer> header(Row row) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            if (cell != null && cell.getType() == CellType.STRING) {
                columns.put(cell.asString().trim().toLowerCase(Locale.ROOT), i);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of("indicator", "year", "target")) {
            if (!columns.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new ApiProblem(400, "Invalid target sheet", "the header row lacks the column(s) " + missing,
                    missing.stream().map(m -> new ApiProblem.FieldError("row 1: " + m, "missing column")).toList());
        }
        return columns;
    }

    /**
     * Adds an error for each cell no column could take (a number out of range, an unparseable one,
     * a text too long or holding U+0000); true when there was one, so the row is not read further.
     */
    private static boolean unfitCells(Row row, Map<String, Integer> columns, WorkbookLimits bounds,
                                      List<ApiProblem.FieldError> errors) {
        int before = errors.size();
        for (Map.Entry<String, Integer> column : columns.entrySet()) {
            Cell cell = cell(row, column.getValue());
            if (cell == null || cell.getType() == CellType.EMPTY) {
                continue;
            }
            String problem = switch (cell.getType()) {
                case NUMBER -> WorkbookLimits.unfitNumber(cell.asNumber());
                case ERROR -> "'" + clip(cell.getRawValue()) + "' is not a readable value";
                default -> bounds.unfitText(cell.getRawValue());
            };
            if (problem != null) {
                errors.add(new ApiProblem.FieldError("row " + SheetRows.number(row) + ": " + column.getKey(), problem));
            }
        }
        return errors.size() > before;
    }

    private static String clip(String raw) {
        return raw == null ? "" : raw.length() <= 40 ? raw : raw.substring(0, 40) + "...";
    }

    private static boolean blankRow(Row row) {
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            if (cell != null && cell.getType() != CellType.EMPTY && !cell.getRawValue().isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void parse(Row row, Map<String, Integer> columns, Map<String, Indicator> indicators,
                              List<ApiProblem.FieldError> errors, List<Parsed> parsed) {
        int number = SheetRows.number(row);
        String at = "row " + number;
        Cell codeCell = cell(row, columns.get("indicator"));
        Indicator indicator = codeCell == null ? null : indicators.get(codeCell.getRawValue().trim());
        if (indicator == null) {
            errors.add(new ApiProblem.FieldError(at + ": indicator", "no indicator '" + (codeCell == null ? "" : codeCell.getRawValue()) + "'"));
            return;
        }
        Cell yearCell = cell(row, columns.get("year"));
        int year;
        try {
            year = new java.math.BigDecimal(yearCell.getRawValue().trim()).intValueExact();
            if (year < 2000 || year > 2100) {
                throw new NumberFormatException();
            }
            Renstra.checkYear(indicator.agency, year, at + ": year");
        } catch (ApiProblem outside) {
            errors.addAll(outside.errors());
            return;
        } catch (RuntimeException e) {
            errors.add(new ApiProblem.FieldError(at + ": year", "not a year from 2000 to 2100"));
            return;
        }
        Cell targetCell = cell(row, columns.get("target"));
        try {
            parsed.add(new Parsed(number, indicator, year, TargetValue.parse(indicator.polarity, indicator.scale, json(targetCell))));
        } catch (IllegalArgumentException e) {
            errors.add(new ApiProblem.FieldError(at + ": target", e.getMessage()));
        }
    }

    private static Cell cell(Row row, int index) {
        return index < row.getCellCount() ? row.getCell(index) : null;
    }

    private static JsonNode json(Cell cell) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return null;
        }
        if (cell.getType() == CellType.NUMBER) {
            return json.numberNode(cell.asNumber());
        }
        String text = cell.getRawValue().trim();
        java.util.regex.Matcher range = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*-\\s*(\\d+(?:\\.\\d+)?)").matcher(text);
        if (range.matches()) {
            ObjectNode node = json.objectNode();
            node.put("low", new java.math.BigDecimal(range.group(1)));
            node.put("high", new java.math.BigDecimal(range.group(2)));
            return node;
        }
        return json.textNode(text);
    }
}
