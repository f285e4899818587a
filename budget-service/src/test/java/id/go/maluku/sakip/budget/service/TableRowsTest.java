package id.go.maluku.sakip.budget.service;

import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.platform.upload.WorkbookLimits;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

class TableRowsTest {

    @Test
    void csv_rows_keep_quoted_separators_and_their_line_numbers() throws Exception {
        String csv = "\uFEFFkode;nama;pagu\r\n1.06.02.2.01.0001;\"Makan; minum\";Rp. 1.123.840.000\r\n\r\n"
                + "1.06.02.2.01.0002;\"two\nlines \"\"quoted\"\"\";\"Rp. 30,000,000.00\"\n1.06.02.2.01.0003;x;5";
        try (TableRows rows = new TableRows.Csv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            assertEquals(List.of("kode", "nama", "pagu"), rows.header());
            TableRows.TableRow first = rows.next();
            assertEquals(2, first.line());
            assertEquals("Makan; minum", first.cell(1).text());
            assertEquals("Rp. 1.123.840.000", first.cell(2).text());
            TableRows.TableRow second = rows.next();
            assertEquals(4, second.line());
            assertEquals("two\nlines \"quoted\"", second.cell(1).text());
            assertEquals("Rp. 30,000,000.00", second.cell(2).text());
            assertEquals(6, rows.next().line());
            assertNull(rows.next());
        }
    }

    @Test
    void the_first_line_that_is_not_utf8_is_found() throws Exception {
        Path file = Files.createTempFile("enc", ".csv");
        try {
            Files.write(file, "kode,nama\n1,ok\n2,Dinas Sosial\n3,Pemulasaraan Lansia \u00e9".getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(4, TableRows.firstNonUtf8Line(file));
            Files.write(file, "kode,nama\n3,Pemulasaraan \u00e9".getBytes(StandardCharsets.UTF_8));
            assertEquals(0, TableRows.firstNonUtf8Line(file));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void escaped_quotes_and_line_numbers_survive_the_reader_buffer_boundaries() throws Exception {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 20000; i++) {
            csv.append(i).append(",\"x\"\"y").append(i % 7 == 0 ? "\n" : "").append("\"\r\n");
        }
        try (TableRows rows = new TableRows.Csv(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)))) {
            long line = 2;
            for (int i = 0; i < 20000; i++) {
                TableRows.TableRow row = rows.next();
                assertEquals(line, row.line());
                assertEquals(String.valueOf(i), row.cell(0).text());
                assertEquals("x\"y" + (i % 7 == 0 ? "\n" : ""), row.cell(1).text());
                line += i % 7 == 0 ? 2 : 1;
            }
            assertNull(rows.next());
        }
    }

    @Test
    void a_field_longer_than_a_cell_is_refused_with_its_line() throws Exception {
        String csv = "a,b\n1,ok\n2,\"two\nlines\"\n3," + "x".repeat(32_768) + "\n";
        try (TableRows rows = new TableRows.Csv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            assertEquals(2, rows.next().line());
            assertEquals(3, rows.next().line());
            ApiProblem problem = assertThrows(ApiProblem.class, rows::next);
            assertEquals(413, problem.status());
            assertEquals("file: Field at index 1 in record starting at line 5 exceeds the max field size of 32767 "
                    + "characters (sakip.upload.max-cell-length, max-columns)", problem.getMessage());
        }
        String exact = "a,b\n1," + "x".repeat(32_767) + "\n";
        try (TableRows rows = new TableRows.Csv(new ByteArrayInputStream(exact.getBytes(StandardCharsets.UTF_8)))) {
            assertEquals(32_767, rows.next().cell(1).text().length());
        }
    }

    @Test
    void an_unclosed_quote_ends_at_the_record_bound_not_at_the_end_of_memory() throws Exception {
        String csv = "a,b\n1,\"" + "x".repeat(2 << 20);
        try (TableRows rows = new TableRows.Csv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            ApiProblem problem = assertThrows(ApiProblem.class, rows::next);
            assertEquals(413, problem.status());
            assertTrue(problem.getMessage().contains("line 2"), problem.getMessage());
        }
    }

    @Test
    void more_fields_than_columns_and_a_nul_are_refused() throws Exception {
        WorkbookLimits three = new WorkbookLimits(1 << 20, 10, 1 << 20, 100, 1 << 20, 10, 1 << 20, 100, 100, 3);
        String csv = "a;b;c\n1;2;3\n1;2;3;4\n";
        try (TableRows rows = new TableRows.Csv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), three)) {
            assertEquals(List.of("a", "b", "c"), rows.header());
            assertEquals("3", rows.next().cell(2).text());
            ApiProblem problem = assertThrows(ApiProblem.class, rows::next);
            assertTrue(problem.getMessage().contains("line 3"), problem.getMessage());
        }
        String nul = "kode,nama\n1,a\u0000b\n";
        try (TableRows rows = new TableRows.Csv(new ByteArrayInputStream(nul.getBytes(StandardCharsets.UTF_8)))) {
            TableRows.TableRow row = rows.next();
            assertEquals(List.of(new ApiProblem.FieldError("nama", "contains U+0000 (NUL), which no text may hold")),
                    row.problems());
        }
    }
}
