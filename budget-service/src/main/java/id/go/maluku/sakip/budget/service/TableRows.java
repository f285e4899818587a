package id.go.maluku.sakip.budget.service;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.platform.error.ApiProblem.FieldError;
import id.go.maluku.sakip.platform.error.Text;
import id.go.maluku.sakip.platform.upload.WorkbookLimits;
import id.go.maluku.sakip.platform.upload.SheetRows;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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

    /** A row as read; {@code problems} names each cell no field can take (its row is then rejected). */
    record TableRow(long line, List<Cell> cells, List<FieldError> problems) {
        public TableRow(long line, List<Cell> cells) {
            this(line, cells, List.of());
        }

        public Cell cell(int index) {
            return index < 0 || index >= cells.size() ? new Cell(null, null) : cells.get(index);
        }
    }

    /** A cell's column as the file names it, for its errors. */
    static String columnName(List<String> header, int index) {
        String name = index < header.size() ? header.get(index).strip() : "";
        return name.isEmpty() ? "column " + (index + 1) : name;
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

    /**
     * A CSV file read by FastCSV (RFC 4180: quoted fields may hold separators, quotes and newlines);
     * the delimiter (',' ';' or tab) is the one the header line uses most. A field longer than a cell
     * may be, or a record of more fields than a row may have, ends the reading with a 413 naming its
     * line: the parser cannot go on past it, so the import checks the whole file first.
     */
    final class Csv implements TableRows {
        private final CsvReader<CsvRecord> reader;
        private final CloseableIterator<CsvRecord> records;
        private final WorkbookLimits limits;
        private final List<String> header;

        /** With the default limits (tests). */
        public Csv(InputStream in) throws IOException {
            this(in, WorkbookLimits.defaults());
        }

        public Csv(InputStream in, WorkbookLimits limits) throws IOException {
            this.limits = limits;
            BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
            char delimiter = pickDelimiter(firstLine(buffered));
            int maxField = limits.maxCellLength();
            // the record bound keeps FastCSV's buffer small too: an unclosed quote cannot grow it to 16M chars
            int maxRecord = Math.max(maxField, 1 << 20);
            this.reader = CsvReader.builder().fieldSeparator(delimiter).quoteCharacter('"')
                    .commentStrategy(CommentStrategy.NONE).skipEmptyLines(true)
                    .allowExtraFields(true).allowMissingFields(true).maxBufferSize(maxRecord)
                    .build(CsvRecordHandler.of(b -> b.maxFields(limits.maxColumns()).maxFieldSize(maxField)
                            .maxRecordSize(maxRecord)), new InputStreamReader(buffered, strictUtf8()));
            this.records = reader.iterator();
            List<String> h = new ArrayList<>(nextRecord() == null ? List.of() : last.getFields());
            if (!h.isEmpty() && h.get(0).startsWith("\uFEFF")) {
                h.set(0, h.get(0).substring(1));
            }
            this.header = h;
        }

        /** The bytes up to the first line break (at most 64 KiB), read ahead and put back. */
        private static String firstLine(BufferedInputStream in) throws IOException {
            in.mark(1 << 16);
            byte[] head = in.readNBytes(1 << 16);
            in.reset();
            int end = 0;
            while (end < head.length && head[end] != '\n') {
                end++;
            }
            return new String(head, 0, end, StandardCharsets.UTF_8);
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

        private CsvRecord last;

        /** The next record, or null at the end; a broken limit becomes a 413 naming the line. */
        private CsvRecord nextRecord() throws IOException {
            try {
                last = records.hasNext() ? records.next() : null;
                return last;
            } catch (CsvParseException e) {
                // FastCSV's message names the line, the field and the limit
                throw ApiProblem.tooLarge("file", e.getMessage() + " (sakip.upload.max-cell-length, max-columns)");
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }

        @Override
        public List<String> header() {
            return header;
        }

        @Override
        public TableRow next() throws IOException {
            while (true) {
                CsvRecord record = nextRecord();
                if (record == null) {
                    return null;
                }
                List<String> fields = record.getFields();
                if (fields.stream().allMatch(String::isBlank)) {
                    continue;
                }
                List<Cell> cells = new ArrayList<>(fields.size());
                List<FieldError> problems = new ArrayList<>(0);
                for (int i = 0; i < fields.size(); i++) {
                    String problem = Text.unstorable(fields.get(i));
                    if (problem != null) {
                        problems.add(new FieldError(columnName(header, i), problem));
                    }
                    cells.add(new Cell(fields.get(i), null));
                }
                return new TableRow(record.getStartingLineNumber(), cells, problems);
            }
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /**
     * The first sheet of an XLSX workbook, streamed row by row (fastexcel-reader, SAX-like) from its
     * file (the InputStream constructor would copy the whole file into the heap). The caller has
     * measured the file with {@link WorkbookLimits#check}. A cell no field can take (a number out of
     * range, one that does not parse, a text too long) is named in its row's problems; a row past
     * the row limit or with too many cells is a 413.
     */
    final class Xlsx implements TableRows {
        // a number fastexcel cannot parse becomes an ERROR cell (its row's problem) instead of ending the sheet
        private static final ReadingOptions CELLS_IN_ERROR = new ReadingOptions(false, true);

        private final ReadableWorkbook workbook;
        private final Stream<Row> stream;
        private final Iterator<Row> rows;
        private final WorkbookLimits limits;
        private final List<String> header = new ArrayList<>();

        public Xlsx(Path file, WorkbookLimits limits) throws IOException {
            this.limits = limits;
            this.workbook = new ReadableWorkbook(file.toFile(), CELLS_IN_ERROR);
            this.stream = workbook.getFirstSheet().openStream();
            this.rows = stream.iterator();
            if (rows.hasNext()) {
                Row first = rows.next();
                limits.checkRow(SheetRows.number(first), first.getCellCount());
                for (Cell cell : cells(first, new ArrayList<>())) {
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
                limits.checkRow(SheetRows.number(row), row.getCellCount());
                List<FieldError> problems = new ArrayList<>(0);
                List<Cell> cells = cells(row, problems);
                if (problems.isEmpty() && cells.stream().allMatch(Cell::blank)) {
                    continue;
                }
                return new TableRow(SheetRows.number(row), cells, problems);
            }
            return null;
        }

        private List<Cell> cells(Row row, List<FieldError> problems) {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < row.getCellCount(); i++) {
                org.dhatim.fastexcel.reader.Cell cell = row.getCell(i);
                String problem = null;
                if (cell == null || cell.getType() == CellType.EMPTY) {
                    cells.add(new Cell(null, null));
                } else if (cell.getType() == CellType.NUMBER) {
                    BigDecimal number = cell.asNumber();
                    // checked before toPlainString, which makes a string of a billion digits of 1E+999999999
                    problem = WorkbookLimits.unfitNumber(number);
                    cells.add(problem == null ? new Cell(number.toPlainString(), number) : new Cell(null, null));
                } else if (cell.getType() == CellType.ERROR) {
                    String raw = cell.getRawValue() == null ? "" : cell.getRawValue();
                    problem = "'" + (raw.length() <= 40 ? raw : raw.substring(0, 40) + "...") + "' is not a readable value";
                    cells.add(new Cell(null, null));
                } else {
                    String text = cell.getText();
                    problem = text == null ? null : limits.unfitText(text);
                    cells.add(problem == null ? new Cell(text, null) : new Cell(null, null));
                }
                if (problem != null) {
                    problems.add(new FieldError(columnName(header, i), problem));
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
