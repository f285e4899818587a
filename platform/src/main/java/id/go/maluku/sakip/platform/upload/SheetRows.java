package id.go.maluku.sakip.platform.upload;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.Row;

/** Where a row of an uploaded sheet is, as the sheet's user sees it (1 for the first row). */
public final class SheetRows {

    private SheetRows() {
    }

    /**
     * The row's number as the spreadsheet shows it. fastexcel numbers a row from its {@code r}
     * attribute (1-based) but counts from 0 when a generator leaves the attribute out, while the
     * cells' addresses are right either way: so the first cell decides, and the row's own number
     * only when it has none (an empty row).
     */
    public static int number(Row row) {
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            if (cell != null && cell.getAddress() != null) {
                return cell.getAddress().getRow() + 1;
            }
        }
        return row.getRowNum();
    }
}
