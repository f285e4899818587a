package id.go.maluku.sakip.reporting.lkip;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The LKIP as JSON: the same numbered blocks the other formats render, each with its type. The
 * records are the answer's schema in the OpenAPI (issue 24: a generated client gets typed blocks,
 * not a free object). A block is one flat type with a {@code type} field rather than a oneOf per
 * kind: every generator reads it the same way, and each property says for which kinds it is set.
 */
public final class Json {

    private Json() {
    }

    @Schema(name = "LkipDocument", description = "The LKIP's chapters, sections, tables and charts as the HTML shows them",
            requiredProperties = {"agency", "agencyName", "year", "draft", "title", "blocks"})
    public record Document(@Schema(maxLength = 64) String agency,
                           @Schema(maxLength = 500) String agencyName,
                           int year,
                           @Schema(description = "A draft carries the review's findings as an annex") boolean draft,
                           String title,
                           List<BlockView> blocks) {
    }

    @Schema(name = "LkipBlock", description = "One block of the report, in reading order; which properties are set depends on type",
            requiredProperties = {"type"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BlockView(
            @Schema(enumeration = {"heading", "paragraph", "list", "table", "chart"}) String type,
            @Schema(description = "heading: 1 a chapter (BAB), 2 a section, 3 a subsection") Integer level,
            @Schema(description = "heading, table, chart: the number the generator gave (\"BAB III\", \"3.4\")") String number,
            @Schema(description = "heading") String title,
            @Schema(description = "paragraph") String text,
            @Schema(description = "list: numbered or not") Boolean ordered,
            @Schema(description = "list") List<String> items,
            @Schema(description = "table, chart: a stable name (the XLSX sheet)") String key,
            @Schema(description = "table, chart") String caption,
            @Schema(description = "table") List<String> columns,
            @Schema(description = "table: rows of cells") List<List<CellView>> rows,
            @Schema(description = "chart: one label per bar group") List<String> categories,
            @Schema(description = "chart") List<SeriesView> series,
            @Schema(description = "chart: the reference line (100 %), when drawn") BigDecimal reference) {
    }

    @Schema(name = "LkipCell", description = "A table cell: what a reader sees, and for a figure its value and kind",
            requiredProperties = {"display"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CellView(
            @Schema(description = "The cell as printed, in Indonesian number formats") String display,
            @Schema(description = "A money, percent or number cell's value; absent for text and for a percent that is not computable")
            BigDecimal value,
            @Schema(type = SchemaType.STRING, enumeration = {"money", "percent", "number"},
                    description = "Absent for text") String kind) {
    }

    @Schema(name = "LkipSeries", requiredProperties = {"name", "values"})
    public record SeriesView(String name,
                             @Schema(description = "One value per category; null where not computable") List<BigDecimal> values) {
    }

    public static Document of(LkipReport report) {
        List<BlockView> blocks = new ArrayList<>();
        for (Block block : report.blocks()) {
            blocks.add(view(block));
        }
        return new Document(report.agencyCode(), report.agencyName(), report.year(), report.draft(), report.title(), blocks);
    }

    private static BlockView view(Block block) {
        if (block instanceof Block.Heading h) {
            return new BlockView("heading", h.level(), h.number(), h.title(),
                    null, null, null, null, null, null, null, null, null, null);
        } else if (block instanceof Block.Paragraph p) {
            return new BlockView("paragraph", null, null, null,
                    p.text(), null, null, null, null, null, null, null, null, null);
        } else if (block instanceof Block.Items i) {
            return new BlockView("list", null, null, null,
                    null, i.ordered(), i.items(), null, null, null, null, null, null, null);
        } else if (block instanceof Block.Table t) {
            return new BlockView("table", null, t.number(), null,
                    null, null, null, t.key(), t.caption(), t.columns(), cells(t.rows()), null, null, null);
        }
        Block.Chart c = (Block.Chart) block;
        return new BlockView("chart", null, c.number(), null, null, null, null, c.key(), c.caption(), null, null,
                c.categories(), c.series().stream().map(s -> new SeriesView(s.name(), s.values())).toList(), c.reference());
    }

    private static List<List<CellView>> cells(List<List<Block.Cell>> rows) {
        List<List<CellView>> out = new ArrayList<>();
        for (List<Block.Cell> row : rows) {
            out.add(row.stream().map(cell -> cell.kind() == Block.Cell.Kind.TEXT
                    ? new CellView(cell.display(), null, null)
                    : new CellView(cell.display(), cell.value(), cell.kind().name().toLowerCase(java.util.Locale.ROOT))).toList());
        }
        return out;
    }
}
