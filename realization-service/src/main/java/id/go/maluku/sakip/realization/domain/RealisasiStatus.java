package id.go.maluku.sakip.realization.domain;

import java.util.Locale;

/**
 * The verification workflow of a realisasi: draft -> submitted -> verified, or returned with a
 * note (and then submitted again). LOCKED is never stored: a realisasi is locked while a period
 * lock of its agency covers it, whatever its stored status.
 */
public enum RealisasiStatus {
    DRAFT, SUBMITTED, VERIFIED, RETURNED, LOCKED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RealisasiStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Values and narrative can change only before submission or after a return. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    public RealisasiStatus submit() {
        if (this == DRAFT || this == RETURNED) {
            return SUBMITTED;
        }
        throw outOfOrder("submitted");
    }

    public RealisasiStatus verify() {
        if (this == SUBMITTED) {
            return VERIFIED;
        }
        throw outOfOrder("verified");
    }

    /** The verifier sends a submitted (or already verified) value back with a note saying why. */
    public RealisasiStatus returnWith(String note) {
        if (note == null || note.isBlank()) {
            throw RuleViolation.invalid("note", "a return needs a note saying what to correct");
        }
        if (this == SUBMITTED || this == VERIFIED) {
            return RETURNED;
        }
        throw outOfOrder("returned");
    }

    private RuleViolation outOfOrder(String step) {
        return RuleViolation.conflict("status", "a " + code() + " realisasi cannot be " + step);
    }
}
