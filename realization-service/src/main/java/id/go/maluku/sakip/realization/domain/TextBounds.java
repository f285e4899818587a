package id.go.maluku.sakip.realization.domain;

/**
 * The longest text each input of realization may hold: one number per rule, read by the request
 * records' {@code @Size} (which the OpenAPI document shows as maxLength and which refuses a longer
 * value before any work) and by the check of the import's rows, which do not pass through bean
 * validation (a rejected row is reported, the others applied). Each is its column's length (V2),
 * or, for a text column, the rule itself; InputBoundsTests holds the two against the database.
 */
public final class TextBounds {

    /** realisasi.stated_in and realisasi_statement.stated_in, varchar(300): "Tabel 3.9". */
    public static final int STATED_IN = 300;

    /** explanation, supportingFactors, hinderingFactors, followUp: text columns; a narrative of a few pages. */
    public static final int NARRATIVE = 20_000;

    /** A note or a reason: realisasi.status_note, realisasi_statement.note, period_lock.unlock_reason, varchar(2000). */
    public static final int NOTE = 2000;

    /** evidence.url, varchar(2000). */
    public static final int URL = 2000;

    /** evidence.text: a text column; the rule's bound, as a narrative's. */
    public static final int EVIDENCE_TEXT = 20_000;

    /** A period code as written: Y, Q1..Q4, M01..M12 (stored in varchar(8) columns). */
    public static final int PERIOD = 3;

    /** An evidence file's name as sent (?name=), kept for display in evidence.file_name, varchar(300). */
    public static final int FILE_NAME = 300;

    /** An indicator's code, as planning's (indicator_ref.code, varchar(64)). */
    public static final int CODE = 64;

    /** The message of every bound: the same words the domain's own checks used. */
    public static final String AT_MOST = "at most {max} characters";

    private TextBounds() {
    }
}
