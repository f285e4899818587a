package id.go.maluku.sakip.reporting.lkip;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every table of the LKIP on its own sheet, named by its number. Money, percentages and
 * quantities are stored as numbers with a display format, so that a reader can compute with
 * them; "not computable" stays an empty cell with a note in the text column.
 */
public final class Xlsx {

    static final String MONEY = "\"Rp \"#,##0.##";
    static final String PERCENT = "0.00\" %\"";
    static final String NUMBER = "#,##0.####";

    private Xlsx() {
    }

    public static byte[] render(LkipReport report) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            Workbook workbook = new Workbook(out, "SAKIP", "1.0");
            Set<String> names = new HashSet<>();
            for (Block.Table table : report.tables()) {
                String name = sheetName("Tabel " + table.number(), names);
                Worksheet ws = workbook.newWorksheet(name);
                ws.value(0, 0, "Tabel " + table.number() + " " + table.caption());
                ws.style(0, 0).bold().set();
                List<String> columns = table.columns();
                for (int c = 0; c < columns.size(); c++) {
                    ws.value(1, c, columns.get(c));
                    ws.style(1, c).bold().fillColor("E8EEF5").set();
                }
                for (int r = 0; r < table.rows().size(); r++) {
                    List<Block.Cell> row = table.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        write(ws, r + 2, c, row.get(c));
                    }
                }
                for (int c = 0; c < columns.size(); c++) {
                    ws.width(c, Math.min(60, Math.max(12, columns.get(c).length() + 4)));
                }
            }
            if (report.tables().isEmpty()) {
                workbook.newWorksheet("LKIP").value(0, 0, report.title());
            }
            workbook.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("the workbook could not be written", e);
        }
    }

    private static void write(Worksheet ws, int r, int c, Block.Cell cell) {
        switch (cell.kind()) {
            case TEXT -> ws.value(r, c, cell.text());
            case MONEY -> number(ws, r, c, cell, MONEY);
            case PERCENT -> {
                if (cell.value() == null) {
                    ws.value(r, c, "tidak dapat dihitung");
                } else if (cell.text() != null) {
                    ws.value(r, c, cell.display()); // with the raw capaian beside it, as the other formats print it
                } else {
                    number(ws, r, c, cell, PERCENT);
                }
            }
            case NUMBER -> number(ws, r, c, cell, NUMBER);
        }
    }

    private static void number(Worksheet ws, int r, int c, Block.Cell cell, String format) {
        if (cell.value() == null) {
            return;
        }
        ws.value(r, c, cell.value());
        ws.style(r, c).format(format).set();
    }

    /** Excel sheet names: at most 31 characters, none of []:*?/\ , unique. */
    static String sheetName(String wanted, Set<String> taken) {
        String base = wanted.replaceAll("[\\[\\]:*?/\\\\]", "-");
        base = base.length() > 31 ? base.substring(0, 31) : base;
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            String suffix = " (" + i + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }
}
