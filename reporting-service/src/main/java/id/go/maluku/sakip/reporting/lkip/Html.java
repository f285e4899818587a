package id.go.maluku.sakip.reporting.lkip;

/**
 * Renders an LKIP as one XHTML page: cover, table of contents, numbered chapters, tables with
 * headers that repeat on every printed page, and SVG charts. Well-formed XML, so that the PDF
 * is rendered from exactly this page.
 */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        continue; // not allowed in XML
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    static final String CSS = """
            @page { size: A4; margin: 22mm 18mm 22mm 22mm;
                    @bottom-center { content: "Halaman " counter(page) " dari " counter(pages); font-size: 9pt; } }
            body { font-family: 'DejaVu Serif', Georgia, serif; font-size: 11pt; line-height: 1.4; color: #111; }
            .cover { text-align: center; page-break-after: always; padding-top: 40mm; }
            .cover h1 { font-size: 20pt; }
            .cover p { font-size: 13pt; margin: 4pt 0; }
            .draft { color: #b00; font-weight: bold; }
            nav.toc { page-break-after: always; }
            nav.toc ol { list-style: none; padding-left: 0; }
            nav.toc li.l2 { padding-left: 1.5em; }
            nav.toc li.l3 { padding-left: 3em; }
            h1.chapter { page-break-before: always; font-size: 15pt; text-align: center; }
            h2 { font-size: 13pt; } h3 { font-size: 11.5pt; }
            table { border-collapse: collapse; width: 100%; margin: 6pt 0 12pt 0; font-size: 9pt;
                    -fs-table-paginate: paginate; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            th, td { border: 0.6pt solid #555; padding: 3pt 4pt; vertical-align: top; }
            th { background: #e8eef5; }
            td.num { text-align: right; white-space: nowrap; }
            caption { caption-side: top; font-weight: bold; text-align: center; padding-bottom: 4pt; }
            figure { margin: 8pt 0 14pt 0; text-align: center; page-break-inside: avoid; }
            figcaption { font-weight: bold; font-size: 9.5pt; }
            """;

    public static String render(LkipReport report) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"id\"><head><meta charset=\"UTF-8\"/>")
                .append("<title>").append(escape(report.title())).append("</title><style>").append(CSS).append("</style></head><body>");
        html.append("<section class=\"cover\"><h1>").append(escape(report.title())).append("</h1>");
        for (String line : report.coverLines()) {
            html.append("<p>").append(escape(line)).append("</p>");
        }
        if (report.draft()) {
            html.append("<p class=\"draft\">DRAF: belum diterbitkan</p>");
        }
        html.append("</section>");

        html.append("<nav class=\"toc\"><h2 id=\"daftar-isi\">DAFTAR ISI</h2><ol>");
        for (Block.Heading h : report.headings()) {
            html.append("<li class=\"l").append(Math.max(1, h.level())).append("\"><a href=\"#").append(h.anchor()).append("\">")
                    .append(escape(label(h))).append("</a></li>");
        }
        html.append("</ol></nav>");

        for (Block block : report.blocks()) {
            if (block instanceof Block.Heading h) {
                String tag = h.level() <= 1 ? "h1" : "h" + Math.min(h.level(), 3);
                html.append('<').append(tag).append(" id=\"").append(h.anchor()).append('"')
                        .append(h.level() <= 1 ? " class=\"chapter\"" : "").append('>').append(escape(label(h)))
                        .append("</").append(tag).append('>');
            } else if (block instanceof Block.Paragraph p) {
                html.append("<p>").append(escape(p.text())).append("</p>");
            } else if (block instanceof Block.Items items) {
                String tag = items.ordered() ? "ol" : "ul";
                html.append('<').append(tag).append('>');
                items.items().forEach(i -> html.append("<li>").append(escape(i)).append("</li>"));
                html.append("</").append(tag).append('>');
            } else if (block instanceof Block.Table t) {
                html.append("<table data-table=\"").append(escape(t.key())).append("\"><caption>Tabel ").append(t.number())
                        .append(" ").append(escape(t.caption())).append("</caption><thead><tr>");
                t.columns().forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
                html.append("</tr></thead><tbody>");
                for (java.util.List<Block.Cell> row : t.rows()) {
                    html.append("<tr>");
                    for (Block.Cell cell : row) {
                        html.append(cell.kind() == Block.Cell.Kind.TEXT ? "<td>" : "<td class=\"num\">")
                                .append(escape(cell.display())).append("</td>");
                    }
                    html.append("</tr>");
                }
                html.append("</tbody></table>");
            } else if (block instanceof Block.Chart c) {
                html.append("<figure data-chart=\"").append(escape(c.key())).append("\">").append(SvgChart.render(c))
                        .append("<figcaption>Gambar ").append(c.number()).append(" ").append(escape(c.caption()))
                        .append("</figcaption></figure>");
            }
        }
        html.append("</body></html>");
        return html.toString();
    }

    private static String label(Block.Heading h) {
        return h.number() == null || h.number().isEmpty() ? h.title() : h.number() + " " + h.title();
    }
}
