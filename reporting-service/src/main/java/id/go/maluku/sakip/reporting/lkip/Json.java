package id.go.maluku.sakip.reporting.lkip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The LKIP as JSON: the same numbered blocks the other formats render, each with its type. */
public final class Json {

    private Json() {
    }

    public static Map<String, Object> of(LkipReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("agency", report.agencyCode());
        doc.put("agencyName", report.agencyName());
        doc.put("year", report.year());
        doc.put("draft", report.draft());
        doc.put("title", report.title());
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (Block block : report.blocks()) {
            Map<String, Object> b = new LinkedHashMap<>();
            if (block instanceof Block.Heading h) {
                b.put("type", "heading");
                b.put("level", h.level());
                b.put("number", h.number());
                b.put("title", h.title());
            } else if (block instanceof Block.Paragraph p) {
                b.put("type", "paragraph");
                b.put("text", p.text());
            } else if (block instanceof Block.Items i) {
                b.put("type", "list");
                b.put("ordered", i.ordered());
                b.put("items", i.items());
            } else if (block instanceof Block.Table t) {
                b.put("type", "table");
                b.put("key", t.key());
                b.put("number", t.number());
                b.put("caption", t.caption());
                b.put("columns", t.columns());
                List<List<Map<String, Object>>> rows = new ArrayList<>();
                for (List<Block.Cell> row : t.rows()) {
                    List<Map<String, Object>> cells = new ArrayList<>();
                    for (Block.Cell cell : row) {
                        Map<String, Object> c = new LinkedHashMap<>();
                        c.put("display", cell.display());
                        if (cell.kind() != Block.Cell.Kind.TEXT) {
                            c.put("value", cell.value());
                            c.put("kind", cell.kind().name().toLowerCase());
                        }
                        cells.add(c);
                    }
                    rows.add(cells);
                }
                b.put("rows", rows);
            } else if (block instanceof Block.Chart c) {
                b.put("type", "chart");
                b.put("key", c.key());
                b.put("number", c.number());
                b.put("caption", c.caption());
                b.put("categories", c.categories());
                b.put("series", c.series());
                b.put("reference", c.reference());
            }
            blocks.add(b);
        }
        doc.put("blocks", blocks);
        return doc;
    }
}
