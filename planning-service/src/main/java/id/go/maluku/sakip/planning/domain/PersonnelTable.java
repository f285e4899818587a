package id.go.maluku.sakip.planning.domain;

import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A personnel statistics table as printed in an LKIP: rows (an education level, a rank group,
 * a unit) by columns (e.g. PNS L, PNS P, non PNS L, non PNS P). Totals are computed; a total
 * stated by an imported document is kept as stated, so that the review can flag it when it
 * disagrees (the seed states 3 for "SMP: 2 + 0").
 */
public record PersonnelTable(String title, List<String> columns, List<Row> rows, Integer statedTotal) {

    // a row of a table in the plan document (PlanDocument.NAME, kept in its JSON section)
    public record Row(@Size(max = 300) String label, List<Integer> counts, Integer statedTotal) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(requiredProperties = {"where", "stated", "computed"})
    public record Mismatch(String where, int stated, int computed) {
    }

    public int rowTotal(Row row) {
        return row.counts().stream().mapToInt(c -> c == null ? 0 : c).sum();
    }

    public int columnTotal(int column) {
        return rows.stream().mapToInt(r -> r.counts().get(column) == null ? 0 : r.counts().get(column)).sum();
    }

    public int total() {
        return rows.stream().mapToInt(this::rowTotal).sum();
    }

    public Map<String, Integer> columnTotals() {
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            totals.put(columns.get(i), columnTotal(i));
        }
        return totals;
    }

    /** Every stated total that disagrees with the sum of its parts. */
    public List<Mismatch> mismatches() {
        List<Mismatch> mismatches = new ArrayList<>();
        for (Row row : rows) {
            if (row.statedTotal() != null && row.statedTotal() != rowTotal(row)) {
                mismatches.add(new Mismatch(title + " / " + row.label(), row.statedTotal(), rowTotal(row)));
            }
        }
        if (statedTotal != null && statedTotal != total()) {
            mismatches.add(new Mismatch(title + " / total", statedTotal, total()));
        }
        return mismatches;
    }

    /** Shape problems, each naming the row. */
    public static List<String> problems(String path, List<String> columns, List<Row> rows) {
        List<String> problems = new ArrayList<>();
        if (columns == null || columns.isEmpty()) {
            problems.add(path + ".columns: required");
            return problems;
        }
        if (rows == null) {
            problems.add(path + ".rows: required");
            return problems;
        }
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String at = path + ".rows[" + i + "]";
            if (row == null || row.label() == null || row.label().isBlank()) {
                problems.add(at + ".label: required");
                continue;
            }
            if (row.counts() == null || row.counts().size() != columns.size()) {
                problems.add(at + ".counts: expected " + columns.size() + " counts, one per column");
                continue;
            }
            for (int c = 0; c < row.counts().size(); c++) {
                Integer count = row.counts().get(c);
                if (count != null && count < 0) {
                    problems.add(at + ".counts[" + c + "]: a count is never negative");
                }
            }
        }
        return problems;
    }
}
