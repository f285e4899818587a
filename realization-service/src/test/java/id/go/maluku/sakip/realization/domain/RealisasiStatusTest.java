package id.go.maluku.sakip.realization.domain;

import org.junit.jupiter.api.Test;

import static id.go.maluku.sakip.realization.domain.RealisasiStatus.DRAFT;
import static id.go.maluku.sakip.realization.domain.RealisasiStatus.RETURNED;
import static id.go.maluku.sakip.realization.domain.RealisasiStatus.SUBMITTED;
import static id.go.maluku.sakip.realization.domain.RealisasiStatus.VERIFIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RealisasiStatusTest {

    @Test
    void the_workflow_in_order() {
        assertEquals(SUBMITTED, DRAFT.submit());
        assertEquals(VERIFIED, SUBMITTED.verify());
        assertEquals(RETURNED, SUBMITTED.returnWith("angka belum sesuai"));
        assertEquals(RETURNED, VERIFIED.returnWith("dibuka kembali"));
        assertEquals(SUBMITTED, RETURNED.submit());
    }

    @Test
    void steps_out_of_order_are_conflicts_on_the_status() {
        for (Runnable step : new Runnable[]{DRAFT::verify, SUBMITTED::submit, VERIFIED::submit, VERIFIED::verify,
                RETURNED::verify, () -> DRAFT.returnWith("x"), () -> RETURNED.returnWith("x")}) {
            RuleViolation v = assertThrows(RuleViolation.class, step::run);
            assertEquals(409, v.status());
            assertEquals("status", v.field());
        }
    }

    @Test
    void a_return_needs_a_note() {
        RuleViolation v = assertThrows(RuleViolation.class, () -> SUBMITTED.returnWith(" "));
        assertEquals(400, v.status());
        assertEquals("note", v.field());
    }

    @Test
    void only_draft_and_returned_values_can_be_edited() {
        assertTrue(DRAFT.editable());
        assertTrue(RETURNED.editable());
        assertFalse(SUBMITTED.editable());
        assertFalse(VERIFIED.editable());
        assertFalse(RealisasiStatus.LOCKED.editable());
        assertEquals("verified", VERIFIED.code());
        assertEquals(VERIFIED, RealisasiStatus.of("verified"));
    }
}
