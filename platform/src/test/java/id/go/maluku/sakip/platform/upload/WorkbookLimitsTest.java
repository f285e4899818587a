package id.go.maluku.sakip.platform.upload;

import id.go.maluku.sakip.platform.error.ApiProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkbookLimitsTest {

    private static final WorkbookLimits DEFAULTS = WorkbookLimits.defaults();
    private final List<Path> files = new ArrayList<>();

    @AfterEach
    void delete() throws IOException {
        for (Path f : files) {
            Files.deleteIfExists(f);
        }
    }

    /** A ZIP of the given parts, each deflated. */
    static byte[] zip(Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A ZIP with one part of {@code size} zero bytes, written in pieces so the test holds little. */
    static byte[] zeros(String name, long size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry(name));
            byte[] block = new byte[1 << 20];
            for (long written = 0; written < size; written += block.length) {
                zip.write(block, 0, (int) Math.min(block.length, size - written));
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** Rewrites every declared uncompressed size (local and central headers) to {@code size}: a lying header. */
    static byte[] lie(byte[] zip, int size) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= zip.length; i++) {
            int signature = b.getInt(i);
            if (signature == 0x04034b50) {
                b.putInt(i + 22, size);
            } else if (signature == 0x02014b50) {
                b.putInt(i + 24, size);
            } else if (signature == 0x08074b50) { // data descriptor after a streamed entry
                b.putInt(i + 12, size);
            }
        }
        return zip;
    }

    Path file(byte[] content) throws IOException {
        Path f = Files.createTempFile("workbook-limits-test", ".xlsx");
        files.add(f);
        Files.write(f, content);
        return f;
    }

    static ApiProblem refused(WorkbookLimits limits, Path file) {
        return assertThrows(ApiProblem.class, () -> limits.check(file));
    }

    static String sharedStrings(int items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><sst xmlns=\"x\" count=\"" + items + "\">");
        for (int i = 0; i < items; i++) {
            xml.append("<si><t>s").append(i).append("</t></si>");
        }
        return xml.append("</sst>").toString();
    }

    @Test
    void a_normal_workbook_passes() throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8));
        parts.put("xl/sharedStrings.xml", sharedStrings(500).getBytes(StandardCharsets.UTF_8));
        parts.put("xl/worksheets/sheet1.xml", "<worksheet><sheetData/></worksheet>".getBytes(StandardCharsets.UTF_8));
        assertDoesNotThrow(() -> DEFAULTS.check(file(zip(parts))));
    }

    @Test
    void a_sheet_of_zeros_inflating_200_MB_is_refused_by_its_ratio() throws IOException {
        byte[] bomb = zeros("xl/worksheets/sheet1.xml", 200L << 20);
        assertTrue(bomb.length < 400_000, "the bomb is small: " + bomb.length);
        ApiProblem problem = refused(DEFAULTS, file(bomb));
        assertEquals(413, problem.status());
        assertEquals("file", problem.errors().get(0).field());
        assertTrue(problem.getMessage().contains("xl/worksheets/sheet1.xml inflates"), problem.getMessage());
        assertTrue(problem.getMessage().endsWith("(sakip.upload.max-inflate-ratio)"), problem.getMessage());
    }

    @Test
    void a_header_that_lies_about_the_size_is_caught_while_inflating() throws IOException {
        Path bomb = file(lie(zeros("xl/worksheets/sheet1.xml", 50L << 20), 1000));
        ApiProblem problem = refused(DEFAULTS, bomb);
        assertEquals(413, problem.status());
        // the headers said 1000 bytes; the count of inflated bytes found more than 100 x the compressed size
        assertTrue(problem.getMessage().contains("sheet1.xml inflates"), problem.getMessage());
        assertTrue(problem.getMessage().endsWith("(sakip.upload.max-inflate-ratio)"), problem.getMessage());

        // a part size limit too, on the inflated bytes, when the ratio stays reasonable
        WorkbookLimits small = new WorkbookLimits(64L << 20, 100, 10L << 20, 100_000, 1L << 20, 1000, 1L << 20, 10, 10, 10);
        ApiProblem large = refused(small, bomb);
        assertTrue(large.getMessage().startsWith("file: the part xl/worksheets/sheet1.xml inflates to at least "),
                large.getMessage());
        assertTrue(large.getMessage().endsWith(" bytes, more than " + (10L << 20) + " (sakip.upload.max-part-size)"),
                large.getMessage());
    }

    @Test
    void a_declared_part_size_above_the_limit_is_refused_before_inflating() throws IOException {
        WorkbookLimits small = new WorkbookLimits(64L << 20, 100, 1L << 20, 100_000, 1L << 20, 1000, 1L << 20, 10, 10, 10);
        ApiProblem problem = refused(small, file(zeros("xl/worksheets/sheet1.xml", 2L << 20)));
        assertEquals("file: the part xl/worksheets/sheet1.xml declares " + (2L << 20) + " bytes, more than "
                + (1L << 20) + " (sakip.upload.max-part-size)", problem.getMessage());
    }

    @Test
    void the_shared_strings_are_counted_while_inflating() throws IOException {
        WorkbookLimits limits = new WorkbookLimits(64L << 20, 100, 64L << 20, 100, 1L << 20, 1_000, 64L << 20, 10, 10, 10);
        byte[] within = zip(Map.of("xl/sharedStrings.xml", sharedStrings(1_000).getBytes(StandardCharsets.UTF_8)));
        assertDoesNotThrow(() -> limits.check(file(within)));
        byte[] above = zip(Map.of("xl/sharedStrings.xml", sharedStrings(1_001).getBytes(StandardCharsets.UTF_8)));
        ApiProblem problem = refused(limits, file(above));
        assertEquals(413, problem.status());
        assertEquals("file: the shared-strings table holds more than 1000 items (sakip.upload.max-shared-strings)",
                problem.getMessage());

        // a prefixed element counts as well; <sii> or <sst> do not
        byte[] prefixed = zip(Map.of("xl/s.xml", "<x:sst><x:si/><x:si><t>a</t></x:si><sii/></x:sst>".getBytes(StandardCharsets.UTF_8)));
        WorkbookLimits two = new WorkbookLimits(64L << 20, 100, 64L << 20, 100, 1L << 20, 2, 64L << 20, 10, 10, 10);
        assertDoesNotThrow(() -> two.check(file(prefixed)));
        WorkbookLimits one = new WorkbookLimits(64L << 20, 100, 64L << 20, 100, 1L << 20, 1, 64L << 20, 10, 10, 10);
        assertEquals(413, refused(one, file(prefixed)).status());
    }

    @Test
    void the_default_refuses_a_table_of_more_than_a_million_strings() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            zip.write("<sst>".getBytes(StandardCharsets.UTF_8));
            // distinct texts keep the ratio of a real table (about 5:1), so the count is what refuses
            java.util.Random random = new java.util.Random(21);
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < 1_000_001; i++) {
                chunk.append("<si><t>").append(Long.toString(random.nextLong(), 36)).append("</t></si>");
                if (chunk.length() > 60_000) {
                    zip.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
                    chunk.setLength(0);
                }
            }
            zip.write(chunk.append("</sst>").toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        ApiProblem problem = refused(DEFAULTS, file(bytes.toByteArray()));
        assertEquals("file: the shared-strings table holds more than 1000000 items (sakip.upload.max-shared-strings)",
                problem.getMessage());
    }

    @Test
    void the_shared_strings_size_is_bounded() throws IOException {
        WorkbookLimits limits = new WorkbookLimits(64L << 20, 100, 64L << 20, 100_000, 1L << 20, 1_000_000, 100_000, 10, 10, 10);
        byte[] table = zip(Map.of("xl/sharedStrings.xml", sharedStrings(20_000).getBytes(StandardCharsets.UTF_8)));
        ApiProblem problem = refused(limits, file(table));
        assertEquals("file: the shared-strings table is more than 100000 bytes (sakip.upload.max-shared-strings-size)",
                problem.getMessage());
    }

    @Test
    void too_many_parts_too_large_a_file_and_no_zip_at_all() throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            parts.put("xl/p" + i + ".xml", new byte[] {'<', 'a', '/', '>'});
        }
        WorkbookLimits ten = new WorkbookLimits(64L << 20, 10, 64L << 20, 100, 1L << 20, 1000, 64L << 20, 10, 10, 10);
        assertEquals("file: the workbook has 11 parts, more than 10 (sakip.upload.max-entries)",
                refused(ten, file(zip(parts))).getMessage());

        WorkbookLimits tiny = new WorkbookLimits(100, 10, 64L << 20, 100, 1L << 20, 1000, 64L << 20, 10, 10, 10);
        ApiProblem large = refused(tiny, file(zip(parts)));
        assertEquals(413, large.status());
        assertTrue(large.getMessage().endsWith("more than 100 (sakip.upload.max-workbook-size)"), large.getMessage());

        ApiProblem junk = refused(DEFAULTS, file("indicator,year\nIK1,2024\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, junk.status());
        assertTrue(junk.getMessage().startsWith("file: is not an XLSX workbook"), junk.getMessage());
    }

    @Test
    void spooling_stops_at_the_workbook_size() throws IOException {
        WorkbookLimits tiny = new WorkbookLimits(1000, 10, 64L << 20, 100, 1L << 20, 1000, 64L << 20, 10, 10, 10);
        Path ok = tiny.spool(new ByteArrayInputStream(new byte[1000]));
        files.add(ok);
        assertEquals(1000, Files.size(ok));
        long before;
        try (var listing = Files.list(ok.getParent())) {
            before = listing.filter(p -> p.getFileName().toString().startsWith("sakip-upload-")).count();
        }
        ApiProblem problem = assertThrows(ApiProblem.class, () -> tiny.spool(new ByteArrayInputStream(new byte[1001])));
        assertEquals(413, problem.status());
        assertEquals("file: the workbook is larger than 1000 bytes (sakip.upload.max-workbook-size)", problem.getMessage());
        try (var listing = Files.list(ok.getParent())) {
            // the refused copy is gone
            assertEquals(before, listing.filter(p -> p.getFileName().toString().startsWith("sakip-upload-")).count());
        }
    }

    @Test
    void cells_numbers_and_rows() {
        assertEquals("a number must be smaller than 10^18 in magnitude",
                WorkbookLimits.unfitNumber(new BigDecimal("1E+999999999")));
        assertEquals("a number must be smaller than 10^18 in magnitude",
                WorkbookLimits.unfitNumber(new BigDecimal("-1E+18")));
        assertEquals("a number may have at most 10 decimals", WorkbookLimits.unfitNumber(new BigDecimal("1E-999999999")));
        assertNull(WorkbookLimits.unfitNumber(new BigDecimal("999999999999999999.5")));
        assertNull(WorkbookLimits.unfitNumber(new BigDecimal("0.1000000000000")));

        assertNull(DEFAULTS.unfitText("x".repeat(32_767)));
        assertEquals("a cell holds at most 32767 characters; this one has 32768", DEFAULTS.unfitText("x".repeat(32_768)));
        assertEquals("contains U+0000 (NUL), which no text may hold", DEFAULTS.unfitText("a\u0000"));

        assertDoesNotThrow(() -> DEFAULTS.checkRow(1_048_576, 1_000));
        ApiProblem rows = assertThrows(ApiProblem.class, () -> DEFAULTS.checkRow(1_048_577, 3));
        assertEquals("file: row 1048577: a sheet is read up to row 1048576 (sakip.upload.max-rows)", rows.getMessage());
        ApiProblem columns = assertThrows(ApiProblem.class, () -> DEFAULTS.checkRow(7, 1_001));
        assertEquals(413, columns.status());
        assertEquals("file: row 7 has 1001 cells; at most 1000 columns are read (sakip.upload.max-columns)",
                columns.getMessage());
        assertFalse(columns.errors().isEmpty());
    }
}
