package id.go.maluku.sakip.budget.domain;

/**
 * The longest text each input of budget may hold: one number per rule, read by the request
 * records' {@code @Size} and {@code @Schema(maxLength)} (which the OpenAPI document shows, and
 * which refuse a longer value before any work) and by the checks of rows that do not pass through
 * bean validation (a pushed batch's or an uploaded file's, each rejected row reported with its
 * line). Each is its column's length (V1, V2); InputBoundsTests holds the two against the database.
 */
public final class TextBounds {

    /** A code or key: budget_line.code, sipd_key, unit_code, a link's sasaran and indicator, an output's unit; varchar(64). */
    public static final int CODE = 64;

    /** A unit's, urusan's or bidang urusan's name: varchar(500). */
    public static final int UNIT_NAME = 500;

    /** A line's, program's or kegiatan's name: varchar(1000). */
    public static final int NAME = 1000;

    /** An output or outcome statement: varchar(2000). */
    public static final int STATEMENT = 2000;

    /** The source's key of a spending entry, its reference (SP2D number), a batch id: varchar(128). */
    public static final int KEY = 128;

    /** A funding source's code (APBD, APBN_DEKONSENTRASI, DAK_FISIK ...): varchar(32). */
    public static final int FUNDING_SOURCE = 32;

    private TextBounds() {
    }
}
