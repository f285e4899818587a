package id.go.maluku.sakip.platform.upload;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code sakip.upload.*} settings: the bounds of an uploaded workbook or CSV and of the error
 * report about it. The defaults are documented in the README; a service overrides them in its
 * application.properties (budget's exports are the largest).
 */
@ApplicationScoped
public class UploadLimits {

    private final WorkbookLimits workbook;
    private final int maxCsvFieldLength;
    private final int maxReportedRows;

    public UploadLimits(
            @ConfigProperty(name = "sakip.upload.max-workbook-size", defaultValue = "64M") MemorySize maxWorkbookSize,
            @ConfigProperty(name = "sakip.upload.max-entries", defaultValue = "10000") int maxEntries,
            @ConfigProperty(name = "sakip.upload.max-part-size", defaultValue = "256M") MemorySize maxPartSize,
            @ConfigProperty(name = "sakip.upload.max-inflate-ratio", defaultValue = "100") int maxInflateRatio,
            @ConfigProperty(name = "sakip.upload.ratio-checked-above", defaultValue = "1M") MemorySize ratioCheckedAbove,
            @ConfigProperty(name = "sakip.upload.max-shared-strings", defaultValue = "1000000") long maxSharedStrings,
            @ConfigProperty(name = "sakip.upload.max-shared-strings-size", defaultValue = "64M") MemorySize maxSharedStringsSize,
            @ConfigProperty(name = "sakip.upload.max-cell-length", defaultValue = "32767") int maxCellLength,
            @ConfigProperty(name = "sakip.upload.max-rows", defaultValue = "1048576") int maxRows,
            @ConfigProperty(name = "sakip.upload.max-columns", defaultValue = "1000") int maxColumns,
            @ConfigProperty(name = "sakip.upload.max-reported-rows", defaultValue = "1000") int maxReportedRows) {
        this.workbook = new WorkbookLimits(maxWorkbookSize.asLongValue(), maxEntries, maxPartSize.asLongValue(),
                maxInflateRatio, ratioCheckedAbove.asLongValue(), maxSharedStrings, maxSharedStringsSize.asLongValue(),
                maxCellLength, maxRows, maxColumns);
        // a CSV field is a cell, a record a row: the same bounds
        this.maxCsvFieldLength = maxCellLength;
        this.maxReportedRows = maxReportedRows;
    }

    public WorkbookLimits workbook() {
        return workbook;
    }

    public int maxCsvFieldLength() {
        return maxCsvFieldLength;
    }

    /** Rows with errors listed in a report; the counts still cover every row. */
    public int maxReportedRows() {
        return maxReportedRows;
    }
}
