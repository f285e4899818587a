package id.go.maluku.sakip.budget.domain;

import id.go.maluku.sakip.budget.domain.SpendingLedger.Entry;
import id.go.maluku.sakip.budget.domain.SpendingLedger.Line;
import id.go.maluku.sakip.budget.domain.SpendingLedger.Outcome;
import id.go.maluku.sakip.budget.domain.SpendingLedger.Row;
import id.go.maluku.sakip.platform.error.ApiProblem.FieldError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpendingLedgerTest {

    static final UUID A = new UUID(0, 1), B = new UUID(0, 2);
    static final LocalDate MARCH = LocalDate.of(2022, 3, 1);

    private final AtomicLong next = new AtomicLong(100);

    private SpendingLedger ledger(Map<String, Entry> stored, Line... lines) {
        return new SpendingLedger("dinsos", 2022, List.of(lines), stored, () -> new UUID(1, next.incrementAndGet()));
    }

    private static Line line(UUID id, String code, String pagu, String realisasi) {
        return new Line(id, code, new BigDecimal(pagu), new BigDecimal(realisasi));
    }

    private static Row row(String key, String code, String amount) {
        return new Row(key, code, MARCH, new BigDecimal(amount), "SP2D-" + key);
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void new_entries_add_up_and_one_beyond_the_pagu_is_refused_while_later_rows_still_apply() {
        Line a = line(A, "1.06.04.2.01.0001", "1000.00", "0.00");
        SpendingLedger ledger = ledger(Map.of(), a);
        assertEquals(Outcome.CREATED, ledger.apply(row("K1", a.code(), "600")).outcome());
        SpendingLedger.Result refused = ledger.apply(row("K2", a.code(), "401"));
        assertEquals(Outcome.REJECTED, refused.outcome());
        assertEquals(List.of(new FieldError("amount", "spending on 1.06.04.2.01.0001 would total 1001.00, above its "
                + "pagu 1000.00")), refused.errors());
        // the realisasi stands where the accepted rows left it: a smaller row still fits
        assertEquals(Outcome.CREATED, ledger.apply(row("K3", a.code(), "400")).outcome());
        assertEquals(d("1000.00"), a.realisasi());
        assertTrue(a.changed());
        assertEquals(List.of("K1", "K3"), ledger.created().stream().map(Map.Entry::getKey).toList());
        assertEquals(d("400.00"), ledger.created().get(1).getValue().amount());
        assertEquals(List.of(), ledger.updated());
    }

    @Test
    void a_stored_entry_sent_again_is_unchanged_and_with_other_values_corrects_the_entry() {
        Line a = line(A, "1.06.04.2.01.0001", "1000.00", "600.00");
        UUID stored = new UUID(2, 2);
        SpendingLedger ledger = ledger(Map.of("K1", new Entry(stored, A, MARCH, d("600.00"), "SP2D-K1")), a);
        assertEquals(Outcome.UNCHANGED, ledger.apply(row("K1", a.code(), "600")).outcome());
        assertFalse(a.changed());
        // a correction replaces the stored amount: 600 -> 1000 fits the pagu of 1000
        assertEquals(Outcome.UPDATED, ledger.apply(row("K1", a.code(), "1000")).outcome());
        assertEquals(d("1000.00"), a.realisasi());
        assertEquals(List.of(), ledger.created());
        assertEquals(List.of(new Entry(stored, A, MARCH, d("1000.00"), "SP2D-K1")), ledger.updated());
        // the same key again with the corrected values: unchanged now
        assertEquals(Outcome.UNCHANGED, ledger.apply(row("K1", a.code(), "1000.00")).outcome());
    }

    @Test
    void a_key_repeated_within_the_batch_is_written_once_with_its_last_values() {
        Line a = line(A, "1.06.04.2.01.0001", "1000.00", "0.00");
        SpendingLedger ledger = ledger(Map.of(), a);
        assertEquals(Outcome.CREATED, ledger.apply(row("K1", a.code(), "100")).outcome());
        assertEquals(Outcome.UPDATED, ledger.apply(row("K1", a.code(), "250")).outcome());
        assertEquals(d("250.00"), a.realisasi());
        assertEquals(1, ledger.created().size());
        assertEquals(d("250.00"), ledger.created().get(0).getValue().amount());
    }

    @Test
    void an_entry_moved_to_another_line_is_given_back_by_the_old_line() {
        Line a = line(A, "1.06.04.2.01.0001", "1000.00", "600.00");
        Line b = line(B, "1.06.04.2.01.0002", "500.00", "0.00");
        UUID stored = new UUID(2, 2);
        SpendingLedger ledger = ledger(Map.of("K1", new Entry(stored, A, MARCH, d("600.00"), "SP2D-K1")), a, b);
        // 600 does not fit line B's pagu of 500: refused, nothing moves
        assertEquals(Outcome.REJECTED, ledger.apply(row("K1", b.code(), "600")).outcome());
        assertEquals(Outcome.UPDATED, ledger.apply(row("K1", b.code(), "450")).outcome());
        assertEquals(d("0.00"), a.realisasi());
        assertEquals(d("450.00"), b.realisasi());
        assertTrue(a.changed() && b.changed());
        assertEquals(B, ledger.updated().get(0).lineId());
        // March: triwulan I moves from line A to line B
        Map<UUID, BigDecimal[]> quarters = ledger.quarterChanges();
        assertEquals(List.of(d("-600.00"), d("0.00"), d("0.00"), d("0.00")), List.of(quarters.get(A)));
        assertEquals(List.of(d("450.00"), d("0.00"), d("0.00"), d("0.00")), List.of(quarters.get(B)));
    }

    @Test
    void field_errors_and_an_unknown_line_are_reported_together() {
        Line a = line(A, "1.06.04.2.01.0001", "1000.00", "0.00");
        SpendingLedger ledger = ledger(Map.of(), a);
        SpendingLedger.Result r = ledger.apply(new Row("total:x", "1.06.04.2.01.0099", LocalDate.of(2021, 12, 31),
                d("1.001"), "x".repeat(129)));
        assertEquals(List.of("sourceKey", "amount", "date", "reference", "lineCode"),
                r.errors().stream().map(FieldError::field).toList());
        assertEquals(Outcome.REJECTED, ledger.apply(row("K0", a.code(), "0")).outcome());
        assertEquals(Outcome.REJECTED, ledger.apply(row(" ", a.code(), "1")).outcome());
        assertFalse(a.changed());
        assertEquals(d("0.00"), a.realisasi());
    }

    @Test
    void the_shared_checks_normalise_the_amount_to_two_decimals() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals(d("12.50"), SpendingLedger.check("K", d("12.5"), MARCH, null, 2022, errors));
        assertEquals(List.of(), errors);
        SpendingLedger.check("K", d("-1"), MARCH, null, 2022, errors);
        assertEquals(List.of(new FieldError("amount", "must not be negative")), errors);
    }
}
