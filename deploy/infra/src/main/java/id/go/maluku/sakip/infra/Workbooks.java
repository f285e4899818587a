package id.go.maluku.sakip.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Workbooks built by hand for every service's upload-limit tests: a bomb, a huge shared-strings table, a sheet's own XML. */
public final class Workbooks {

    private Workbooks() {
    }

    /** A ZIP whose sheet is {@code size} zero bytes: about 1,000 times smaller than it inflates. */
    public static byte[] bomb(long size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] block = new byte[1 << 20];
            for (long written = 0; written < size; written += block.length) {
                zip.write(block, 0, (int) Math.min(block.length, size - written));
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** {@code workbook} with its shared-strings table replaced by one of {@code items} distinct texts. */
    public static byte[] withSharedStrings(byte[] workbook, int items) throws IOException {
        StringBuilder xml = new StringBuilder("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        for (int i = 0; i < items; i++) {
            xml.append("<si><t>").append(i).append("</t></si>");
        }
        return replace(workbook, "xl/sharedStrings.xml", xml.append("</sst>").toString());
    }

    /** {@code workbook} with its first sheet's XML replaced by rows of inline strings and raw numbers. */
    public static byte[] withSheet(byte[] workbook, List<List<String>> rows) throws IOException {
        return withSheet(workbook, rows, true);
    }

    /**
     * The same; without addresses, rows and cells carry no {@code r} attribute, as some
     * generators write them (legal: a row is the one after the last, a cell the next column).
     */
    public static byte[] withSheet(byte[] workbook, List<List<String>> rows, boolean addresses) throws IOException {
        StringBuilder xml = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            xml.append(addresses ? "<row r=\"" + (r + 1) + "\">" : "<row>");
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                String ref = addresses ? " r=\"" + (char) ('A' + c) + (r + 1) + "\"" : "";
                String value = row.get(c);
                if (value.startsWith("#")) {
                    // a raw numeric cell, as written: "#1E+999999999"
                    xml.append("<c").append(ref).append("><v>").append(value.substring(1)).append("</v></c>");
                } else {
                    xml.append("<c").append(ref).append(" t=\"inlineStr\"><is><t>").append(value).append("</t></is></c>");
                }
            }
            xml.append("</row>");
        }
        return replace(workbook, "xl/worksheets/sheet1.xml", xml.append("</sheetData></worksheet>").toString());
    }

    private static byte[] replace(byte[] workbook, String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean replaced = false;
        // read through the central directory: fastexcel's writer leaves sizes out of the local headers
        Path source = Files.createTempFile("workbook", ".xlsx");
        Files.write(source, workbook);
        try (ZipFile in = new ZipFile(source.toFile());
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                    replaced = true;
                } else {
                    try (InputStream part = in.getInputStream(entry)) {
                        part.transferTo(out);
                    }
                }
                out.closeEntry();
            }
            if (!replaced) {
                out.putNextEntry(new ZipEntry(name));
                out.write(content.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } finally {
            Files.delete(source);
        }
        return bytes.toByteArray();
    }
}
