package id.go.maluku.sakip.platform.upload;

import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.platform.error.StrictJson;
import id.go.maluku.sakip.platform.error.Text;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The bounds an uploaded XLSX workbook must keep, checked on the file before a spreadsheet reader
 * opens it. A workbook is a ZIP of XML parts: a small file can inflate to gigabytes (a bomb) and a
 * shared-strings table is held in memory by the reader, so both are measured here first, by
 * inflating every part once and throwing the bytes away. Entry headers can lie about sizes, so the
 * sizes in the central directory are only a first, cheap refusal; the inflated bytes are counted too.
 * Plain Java: the services build one from {@link UploadLimits} (configuration), tests directly.
 *
 * @param maxWorkbookSize    bytes of the file itself (compressed)
 * @param maxEntries         parts in the ZIP
 * @param maxPartSize        inflated bytes of any one part
 * @param maxInflateRatio    inflated : compressed bytes of a part, checked once the part is above ...
 * @param ratioCheckedAbove  ... this many inflated bytes (small parts compress well and are harmless)
 * @param maxSharedStrings   {@code <si>} items in the shared-strings table
 * @param maxSharedStringsSize inflated bytes of the shared-strings part
 * @param maxCellLength      characters of a cell's text (Excel's own limit is 32,767)
 * @param maxRows            rows read from a sheet
 * @param maxColumns         cells read from a row
 */
public record WorkbookLimits(long maxWorkbookSize, int maxEntries, long maxPartSize, int maxInflateRatio,
                             long ratioCheckedAbove, long maxSharedStrings, long maxSharedStringsSize,
                             int maxCellLength, int maxRows, int maxColumns) {

    /** The documented defaults (README, application.properties): generous for a real export, far below a bomb. */
    public static WorkbookLimits defaults() {
        return new WorkbookLimits(64L << 20, 10_000, 256L << 20, 100, 1L << 20, 1_000_000, 64L << 20,
                32_767, 1_048_576, 1_000);
    }

    /**
     * Copies an upload to a temporary file, refusing it (413) once it is above the workbook size,
     * so that the workbook is read from a file, never whole in the heap. The caller deletes it.
     */
    public Path spool(InputStream in) throws IOException {
        Path file = Files.createTempFile("sakip-upload-", ".xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxWorkbookSize) {
                    throw ApiProblem.tooLarge("file", "the workbook is larger than " + maxWorkbookSize
                            + " bytes (sakip.upload.max-workbook-size)");
                }
                out.write(buffer, 0, n);
            }
            return file;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * Refuses the workbook in {@code file} when it breaks a limit: 413 naming the limit for sizes
     * and counts, 400 when it is no ZIP at all. Returns normally when a reader may open it.
     */
    public void check(Path file) throws IOException {
        long size = Files.size(file);
        if (size > maxWorkbookSize) {
            throw tooLarge("the workbook is " + size + " bytes, more than " + maxWorkbookSize, "max-workbook-size");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw ApiProblem.invalid("file", "is not an XLSX workbook (not a readable ZIP: " + e.getMessage() + ")");
        }
        try (zip) {
            if (zip.size() > maxEntries) {
                throw tooLarge("the workbook has " + zip.size() + " parts, more than " + maxEntries, "max-entries");
            }
            // declared sizes first: a bomb that admits what it is costs nothing to refuse
            Set<String> names = new HashSet<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!names.add(entry.getName())) {
                    // two readers may pick different ones of the two: only one was measured
                    throw ApiProblem.invalid("file", "is not an XLSX workbook (the part " + entry.getName()
                            + " is there twice)");
                }
                checkSize(entry.getName(), entry.getSize(), entry.getCompressedSize(), "declares");
            }
            Part total = new Part();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        measure(entry, in, total);
                    }
                }
            }
        } catch (ZipException e) {
            throw ApiProblem.invalid("file", "is not an XLSX workbook (" + e.getMessage() + ")");
        }
    }

    /** Why a number read from a cell cannot be taken (the JSON bound: below 10^18, at most 10 decimals), or null. */
    public static String unfitNumber(BigDecimal value) {
        return StrictJson.unfitNumber(value);
    }

    /** Why a cell's text cannot be taken (too long, or holding what no column may hold), or null. */
    public String unfitText(String text) {
        if (text.length() > maxCellLength) {
            return "a cell holds at most " + maxCellLength + " characters; this one has " + text.length();
        }
        return Text.unstorable(text);
    }

    /** Refuses (413) a sheet row past the row limit or a row with more cells than the column limit. */
    public void checkRow(long row, int cells) {
        if (row > maxRows) {
            throw tooLarge("row " + row + ": a sheet is read up to row " + maxRows, "max-rows");
        }
        if (cells > maxColumns) {
            throw tooLarge("row " + row + " has " + cells + " cells; at most " + maxColumns + " columns are read",
                    "max-columns");
        }
    }

    /** {@code how}: whether the size is what the header declares or what inflating has produced so far. */
    private void checkSize(String name, long inflated, long compressed, String how) {
        if (inflated > maxPartSize) {
            throw tooLarge("the part " + name + " " + how + " " + inflated + " bytes, more than " + maxPartSize,
                    "max-part-size");
        }
        if (inflated > ratioCheckedAbove && compressed >= 0 && inflated > maxInflateRatio * Math.max(compressed, 1)) {
            throw tooLarge("the part " + name + " inflates " + inflated / Math.max(compressed, 1)
                    + " times its compressed size, more than " + maxInflateRatio, "max-inflate-ratio");
        }
    }

    /** Counts across the parts: shared-strings items. */
    private static final class Part {
        long sharedStrings;
    }

    /** Inflates one part, counting bytes (the header may lie) and {@code <si>} start tags. */
    private void measure(ZipEntry entry, InputStream in, Part total) throws IOException {
        String name = entry.getName();
        long compressed = entry.getCompressedSize();
        byte[] buffer = new byte[1 << 16];
        long bytes = 0;
        long items = 0;
        // tag scanner: after '<', the element name (with any prefix) up to a delimiter
        boolean inTag = false;
        int tagLength = 0;
        byte[] tag = new byte[16];
        int n;
        while ((n = in.read(buffer)) > 0) {
            bytes += n;
            checkSize(name, bytes, compressed, "inflates to at least");
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b == '<') {
                    inTag = true;
                    tagLength = 0;
                } else if (inTag) {
                    if (b == '>' || b == '/' || b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                        inTag = false;
                        if (isSi(tag, tagLength)) {
                            items++;
                            if (total.sharedStrings + items > maxSharedStrings) {
                                throw tooLarge("the shared-strings table holds more than " + maxSharedStrings
                                        + " items", "max-shared-strings");
                            }
                        }
                    } else if (tagLength < tag.length) {
                        tag[tagLength++] = b;
                    } else {
                        inTag = false; // a longer name is no <si>
                    }
                }
            }
            if (items > 0 && bytes > maxSharedStringsSize) {
                throw tooLarge("the shared-strings table is more than " + maxSharedStringsSize + " bytes",
                        "max-shared-strings-size");
            }
        }
        total.sharedStrings += items;
    }

    /** {@code si} or {@code prefix:si}. */
    private static boolean isSi(byte[] tag, int length) {
        if (length < 2 || tag[length - 2] != 's' || tag[length - 1] != 'i') {
            return false;
        }
        return length == 2 || tag[length - 3] == ':';
    }

    private static ApiProblem tooLarge(String what, String limit) {
        return ApiProblem.tooLarge("file", what + " (sakip.upload." + limit + ")");
    }
}
