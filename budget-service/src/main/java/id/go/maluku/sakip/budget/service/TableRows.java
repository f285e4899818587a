package id.go.maluku.sakip.budget.service;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rows of an uploaded table (CSV or XLSX), read one at a time so that memory does not grow with
 * the file. A cell has its text and, for XLSX number cells, the exact number (which needs no
 * guessing about separators).
 */
public interface TableRows extends AutoCloseable {

    record Cell(String text, BigDecimal number) {
        public boolean blank() {
            return number == null && (text == null || text.isBlank());
        }
    }

    record TableRow(long line, List<Cell> cells) {
        public Cell cell(int index) {
            return index < 0 || index >= cells.size() ? new Cell(null, null) : cells.get(index);
        }
    }

    List<String> header();

    /** The next row, or null at the end. Blank rows are skipped. */
    TableRow next() throws IOException;

    @Override
    void close() throws IOException;

    static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * Checks the whole file once as strict UTF-8 (streaming, byte by byte) and returns the 1-based
     * line of the first byte sequence that is not UTF-8, or 0 when the file is valid. Decoding
     * with a Reader would fail a whole buffer ahead and lose the line.
     */
    static long firstNonUtf8Line(Path file) throws IOException {
        // a plain buffer: BufferedInputStream.read() per byte takes a lock each time
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long line = 1;
            int pending = 0;     // continuation bytes still expected
            int low = 0x80, high = 0xBF; // allowed range of the next continuation byte
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    if (pending > 0) {
                        if (b < low || b > high) {
                            return line;
                        }
                        pending--;
                        low = 0x80;
                        high = 0xBF;
                        continue;
                    }
                    if (b < 0x80) {
                        if (b == '\n') {
                            line++;
                        }
                    } else if (b >= 0xC2 && b <= 0xDF) {
                        pending = 1;
                    } else if (b >= 0xE0 && b <= 0xEF) {
                        pending = 2;
                        // no overlong forms, no surrogates
                        if (b == 0xE0) low = 0xA0;
                        if (b == 0xED) high = 0x9F;
                    } else if (b >= 0xF0 && b <= 0xF4) {
                        pending = 3;
                        if (b == 0xF0) low = 0x90;
                        if (b == 0xF4) high = 0x8F;
                    } else {
                        return line;
                    }
                }
            }
            return pending > 0 ? line : 0;
        }
    }

    /** An RFC 4180 CSV reader; the delimiter (',' ';' or tab) is the one the header line uses most. */
    final class Csv implements TableRows {
        private final BufferedReader reader;
        private final char delimiter;
        private final List<String> header;
        private long line = 1;

        public Csv(InputStream in) throws IOException {
            this.reader = new BufferedReader(new InputStreamReader(in, strictUtf8()), 65536);
            reader.mark(65536);
            String first = reader.readLine();
            reader.reset();
            this.delimiter = first == null ? ',' : pickDelimiter(first);
            List<String> h = record();
            if (h != null && !h.isEmpty() && h.get(0).startsWith("\uFEFF")) {
                h.set(0, h.get(0).substring(1));
            }
            this.header = h == null ? List.of() : h;
        }

        static char pickDelimiter(String line) {
            int commas = 0, semicolons = 0, tabs = 0;
            boolean quoted = false;
            for (char c : line.toCharArray()) {
                if (c == '"') quoted = !quoted;
                else if (!quoted && c == ',') commas++;
                else if (!quoted && c == ';') semicolons++;
                else if (!quoted && c == '\t') tabs++;
            }
            if (semicolons > commas && semicolons >= tabs) return ';';
            if (tabs > commas) return '\t';
            return ',';
        }

        @Override
        public List<String> header() {
            return header;
        }

        @Override
        public TableRow next() throws IOException {
            while (true) {
                long start = line;
                List<String> fields = record();
                if (fields == null) {
                    return null;
                }
                if (fields.stream().allMatch(String::isBlank)) {
                    continue;
                }
                List<Cell> cells = new ArrayList<>(fields.size());
                fields.forEach(f -> cells.add(new Cell(f, null)));
                return new TableRow(start, cells);
            }
        }

        // Characters come from a local buffer: BufferedReader.read() per character takes a lock each
        // time, which was a good part of reading a large export.
        private final char[] buffer = new char[1 << 16];
        private int position;
        private int limit;

        private int read() throws IOException {
            if (position == limit && !fill()) {
                return -1;
            }
            return buffer[position++];
        }

        /** The next character without taking it, or -1 at the end. */
        private int peek() throws IOException {
            if (position == limit && !fill()) {
                return -1;
            }
            return buffer[position];
        }

        private boolean fill() throws IOException {
            int n = reader.read(buffer, 0, buffer.length);
            position = 0;
            limit = Math.max(n, 0);
            return n > 0;
        }

        /** One record, or null at the end of the input. Quoted fields may hold delimiters, quotes and newlines. */
        private List<String> record() throws IOException {
            int c = read();
            if (c < 0) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            while (true) {
                if (c < 0) {
                    fields.add(field.toString());
                    return fields;
                }
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        if (peek() == '"') {
                            position++;
                            field.append('"');
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (ch == '\n') line++;
                        field.append(ch);
                    }
                } else if (ch == '"' && field.length() == 0) {
                    quoted = true;
                } else if (ch == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (ch == '\r') {
                    // CRLF: the LF ends the record
                } else if (ch == '\n') {
                    line++;
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append(ch);
                }
                c = read();
            }
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** The first sheet of an XLSX workbook, streamed row by row (fastexcel-reader, SAX-like). */
    final class Xlsx implements TableRows {
        private final ReadableWorkbook workbook;
        private final Stream<Row> stream;
        private final Iterator<Row> rows;
        private final List<String> header = new ArrayList<>();

        public Xlsx(InputStream in) throws IOException {
            this.workbook = new ReadableWorkbook(in);
            this.stream = workbook.getFirstSheet().openStream();
            this.rows = stream.iterator();
            if (rows.hasNext()) {
                for (Cell cell : cells(rows.next())) {
                    header.add(cell.text() == null ? "" : cell.text());
                }
            }
        }

        @Override
        public List<String> header() {
            return header;
        }

        @Override
        public TableRow next() {
            while (rows.hasNext()) {
                Row row = rows.next();
                List<Cell> cells = cells(row);
                if (cells.stream().allMatch(Cell::blank)) {
                    continue;
                }
                return new TableRow(row.getRowNum(), cells);
            }
            return null;
        }

        private static List<Cell> cells(Row row) {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < row.getCellCount(); i++) {
                org.dhatim.fastexcel.reader.Cell cell = row.getCell(i);
                if (cell == null || cell.getType() == CellType.EMPTY) {
                    cells.add(new Cell(null, null));
                } else if (cell.getType() == CellType.NUMBER) {
                    BigDecimal number = cell.asNumber();
                    cells.add(new Cell(number.toPlainString(), number));
                } else {
                    cells.add(new Cell(cell.getText(), null));
                }
            }
            return cells;
        }

        @Override
        public void close() throws IOException {
            stream.close();
            workbook.close();
        }
    }
}
