package id.go.maluku.sakip.reporting.lkip;

import java.math.BigDecimal;
import java.util.List;

/**
 * The content of an LKIP as a tree of blocks, independent of the output format. The assembler
 * builds it from the data; the renderers turn the same tree into HTML, PDF, XLSX and JSON, so
 * the formats cannot disagree. Numbers of chapters, sections and tables are assigned by the
 * {@link Numbering} pass, never written by hand.
 */
public sealed interface Block permits Block.Heading, Block.Paragraph, Block.Items, Block.Table, Block.Chart {

    /** level 1 is a chapter (BAB), 2 a section, 3 a subsection. number is set by the numbering. */
    record Heading(int level, String title, String number, String anchor) implements Block {
        public Heading withNumber(String number, String anchor) {
            return new Heading(level, title, number, anchor);
        }
    }

    record Paragraph(String text) implements Block {
    }

    record Items(boolean ordered, List<String> items) implements Block {
    }

    /**
     * A cell: text, money, percent (null percent: not computable; text, when set, a note printed
     * beside it), or a quantity with an optional unit.
     */
    record Cell(Kind kind, String text, BigDecimal value) {
        public enum Kind { TEXT, MONEY, PERCENT, NUMBER }

        public static Cell text(String text) {
            return new Cell(Kind.TEXT, text == null ? "" : text, null);
        }

        public static Cell money(BigDecimal value) {
            return new Cell(Kind.MONEY, null, value);
        }

        public static Cell percent(BigDecimal value) {
            return new Cell(Kind.PERCENT, null, value);
        }

        /**
         * The policy's capaian, with the raw one beside it where the cap changed it: "100,00 %
         * (sebelum dibatasi 137,92 %)"; one number where they are the same.
         */
        public static Cell percent(BigDecimal value, BigDecimal raw) {
            if (value == null || raw == null || value.compareTo(raw) == 0) {
                return percent(value);
            }
            return new Cell(Kind.PERCENT, IdFormat.beforeCap(raw), value);
        }

        public static Cell number(BigDecimal value, String unit) {
            return new Cell(Kind.NUMBER, unit, value);
        }

        /** What a reader sees, in Indonesian formats. */
        public String display() {
            return switch (kind) {
                case TEXT -> text;
                case MONEY -> IdFormat.money(value);
                case PERCENT -> IdFormat.percent(value) + (text == null ? "" : " (" + text + ")");
                case NUMBER -> value == null ? "-" : IdFormat.number(value) + (text == null || text.isBlank() ? "" : " " + text);
            };
        }
    }

    /** number is set by the numbering ("3.4"); key names the table for the XLSX sheet and JSON. */
    record Table(String key, String caption, String number, List<String> columns, List<List<Cell>> rows) implements Block {
        public Table withNumber(String number) {
            return new Table(key, caption, number, columns, rows);
        }
    }

    record Series(String name, List<BigDecimal> values) {
    }

    /** BARS: one bar per category per series, with an optional reference line (100 %). */
    record Chart(String key, String caption, String number, String unit, List<String> categories, List<Series> series,
                 BigDecimal reference) implements Block {
        public Chart withNumber(String number) {
            return new Chart(key, caption, number, unit, categories, series, reference);
        }
    }
}
