package id.go.maluku.sakip.realization.service;

import id.go.maluku.sakip.realization.domain.RuleViolation;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
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
 * text (so "14" typed as text is refused for a numeric indicator rather than guessed).
 */
public final class XlsxRows {

    private XlsxRows() {
    }

    public static List<ImportService.Row> read(InputStream in) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            Sheet sheet = workbook.getFirstSheet();
            List<ImportService.Row> rows = new ArrayList<>();
            Map<String, Integer> columns = new HashMap<>();
            try (Stream<Row> stream = sheet.openStream()) {
                for (Row row : (Iterable<Row>) stream::iterator) {
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
                    rows.add(new ImportService.Row(row.getRowNum(), text(row, columns, "indicator"),
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
            throw RuleViolation.invalid("body", "not a readable XLSX workbook: " + e.getMessage());
        }
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
