package id.go.maluku.sakip.realization.service;

import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.platform.upload.WorkbookLimits;
import id.go.maluku.sakip.platform.upload.SheetRows;
import id.go.maluku.sakip.realization.domain.RuleViolation;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads import rows from the first sheet of an XLSX workbook. The first row names the columns
 * (any order, any case): indicator, year, period, value, statedIn, explanation,
 * supportingFactors, hinderingFactors, followUp. A row's number is its row in the sheet, as
 * the user sees it in Excel. Cell types are kept: a number cell is a number, a text cell is
 * text (so "14" typed as text is refused for a numeric indicator rather than guessed). The upload
 * is spooled to a file and measured ({@link WorkbookLimits}) before the sheet is opened; a cell no
 * field can take rejects its row.
 */
public final class XlsxRows {

    private XlsxRows() {
    }

    // a number fastexcel cannot parse becomes an ERROR cell (its row's error) instead of ending the sheet
    private static final ReadingOptions CELLS_IN_ERROR = new ReadingOptions(false, true);

    public static List<ImportService.Row> read(InputStream in, WorkbookLimits limits) throws IOException {
        try {
            Path file = limits.spool(in);
            try {
                limits.check(file);
                return read(file, limits);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (ApiProblem refused) {
            throw asBody(refused);
        }
    }

    /** The workbook is this endpoint's whole body: its refusals name "body", as the rest of the import does. */
    private static ApiProblem asBody(ApiProblem refused) {
        List<ApiProblem.FieldError> errors = refused.errors().stream()
                .map(e -> new ApiProblem.FieldError("file".equals(e.field()) ? "body" : e.field(), e.message())).toList();
        String detail = refused.getMessage().startsWith("file: ") ? "body: " + refused.getMessage().substring(6)
                : refused.getMessage();
        return new ApiProblem(refused.status(), refused.title(), detail, errors);
    }

    private static List<ImportService.Row> read(Path file, WorkbookLimits limits) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), CELLS_IN_ERROR)) {
            Sheet sheet = workbook.getFirstSheet();
            List<ImportService.Row> rows = new ArrayList<>();
            Map<String, Integer> columns = new HashMap<>();
            try (Stream<Row> stream = sheet.openStream()) {
                for (Row row : (Iterable<Row>) stream::iterator) {
                    limits.checkRow(SheetRows.number(row), row.getCellCount());
                    if (columns.isEmpty()) {
                        for (int i = 0; i < row.getCellCount(); i++) {
                            Object name = value(row, i);
                            if (name != null) {
                                columns.put(name.toString().strip().toLowerCase(Locale.ROOT), i);
                            }
                        }
                        for (String required : List.of("indicator", "year", "value")) {
                            if (!columns.containsKey(required)) {
                                throw RuleViolation.invalid("body", "the first row must name the columns; '" + required
                                        + "' is missing");
                            }
                        }
                        continue;
                    }
                    if (blank(row)) {
                        continue;
                    }
                    ImportService.CellProblem unreadable = unreadable(row, columns, limits);
                    if (unreadable != null) {
                        rows.add(new ImportService.Row(SheetRows.number(row), null, null, null, null, null, null, null, null,
                                null, unreadable));
                        continue;
                    }
                    rows.add(new ImportService.Row(SheetRows.number(row), text(row, columns, "indicator"),
                            year(row, columns), text(row, columns, "period"), cell(row, columns, "value"),
                            text(row, columns, "statedin"), text(row, columns, "explanation"),
                            text(row, columns, "supportingfactors"), text(row, columns, "hinderingfactors"),
                            text(row, columns, "followup")));
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuleViolation violation) {
                throw violation;
            }
            if (e instanceof ApiProblem limit) {
                throw limit; // a 413 naming the limit the sheet broke
            }
            throw RuleViolation.invalid("body", "not a readable XLSX workbook: " + e.getMessage());
        }
    }

    /** The first cell of a named column no field can take (checked before any number is printed), or null. */
    private static ImportService.CellProblem unreadable(Row row, Map<String, Integer> columns, WorkbookLimits limits) {
        for (Map.Entry<String, Integer> column : columns.entrySet()) {
            if (column.getValue() >= row.getCellCount()) {
                continue;
            }
            Cell cell = row.getCell(column.getValue());
            if (cell == null || cell.getType() == CellType.EMPTY) {
                continue;
            }
            String problem = switch (cell.getType()) {
                case NUMBER -> WorkbookLimits.unfitNumber(cell.asNumber());
                case ERROR -> "'" + clip(cell.getRawValue()) + "' is not a readable value";
                default -> limits.unfitText(cell.getRawValue());
            };
            if (problem != null) {
                return new ImportService.CellProblem(column.getKey(), problem);
            }
        }
        return null;
    }

    private static String clip(String raw) {
        return raw == null ? "" : raw.length() <= 40 ? raw : raw.substring(0, 40) + "...";
    }

    private static boolean blank(Row row) {
        for (int i = 0; i < row.getCellCount(); i++) {
            Object v = value(row, i);
            if (v != null && !v.toString().isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static Object value(Row row, int index) {
        if (index >= row.getCellCount()) {
            return null;
        }
        Cell cell = row.getCell(index);
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return null;
        }
        if (cell.getType() == CellType.NUMBER) {
            return cell.asNumber();
        }
        return cell.getText();
    }

    private static Object cell(Row row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null ? null : value(row, index);
    }

    private static String text(Row row, Map<String, Integer> columns, String name) {
        Object v = cell(row, columns, name);
        if (v == null) {
            return null;
        }
        return v instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString() : v.toString();
    }

    /** A year typed as text or as a number; anything else is left null and refused by the row's check. */
    private static Integer year(Row row, Map<String, Integer> columns) {
        Object v = cell(row, columns, "year");
        try {
            if (v instanceof BigDecimal number) {
                return number.intValueExact();
            }
            return v == null ? null : Integer.valueOf(v.toString().strip());
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }
}
