package id.go.maluku.sakip.budget.domain;

import id.go.maluku.sakip.platform.error.ApiProblem.FieldError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The rules of spending entries, applied to many rows in file order without a database: the
 * bulk import loads what a chunk of rows needs (its lines, and the stored entries of its source
 * keys), lets the ledger decide every row, then writes only the outcome, set-wise.
 *
 * <p>Row by row, as a sender expects from an ordered export:
 * <ul>
 *   <li>a source key seen before (stored, or earlier in the same batch) with the same line, date,
 *       amount and reference is {@code UNCHANGED}; with other values it corrects the entry
 *       ({@code UPDATED}), and an entry moved to another line is given back by the old line;</li>
 *   <li>an entry that would take its line's realisasi beyond the (revised) pagu is refused, and the
 *       rows after it still apply: the check uses the realisasi as it stands at that row;</li>
 *   <li>an unknown line is refused.</li>
 * </ul>
 * The field checks ({@link #check}) are the ones every way of recording spending shares.
 */
public final class SpendingLedger {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    /** What a row did: its outcome, and for a refusal the fields and why. */
    public record Result(Outcome outcome, List<FieldError> errors) {
        static final Result CREATED = new Result(Outcome.CREATED, List.of());
        static final Result UPDATED = new Result(Outcome.UPDATED, List.of());
        static final Result UNCHANGED = new Result(Outcome.UNCHANGED, List.of());

        static Result rejected(List<FieldError> errors) {
            return new Result(Outcome.REJECTED, List.copyOf(errors));
        }
    }

    /** A spending row as a sender gives it; the line is named by its code. */
    public record Row(String sourceKey, String lineCode, LocalDate date, BigDecimal amount, String reference) {
    }

    /** An entry as stored, or as it will be after the batch. */
    public record Entry(UUID id, UUID lineId, LocalDate spentOn, BigDecimal amount, String reference) {
        boolean same(UUID line, LocalDate date, BigDecimal money, String ref) {
            return lineId.equals(line) && spentOn.equals(date) && amount.compareTo(money) == 0
                    && Objects.equals(reference, ref);
        }
    }

    /** A line as far as spending needs it; its realisasi moves as rows apply. */
    public static final class Line {
        private final UUID id;
        private final String code;
        private final BigDecimal pagu;
        private BigDecimal realisasi;
        private boolean changed;

        public Line(UUID id, String code, BigDecimal pagu, BigDecimal realisasi) {
            this.id = Objects.requireNonNull(id);
            this.code = code;
            this.pagu = Objects.requireNonNull(pagu);
            this.realisasi = Objects.requireNonNull(realisasi);
        }

        public UUID id() {
            return id;
        }

        public String code() {
            return code;
        }

        public BigDecimal realisasi() {
            return realisasi;
        }

        /** True when an entry of the line was created, corrected or moved away: it needs its events. */
        public boolean changed() {
            return changed;
        }
    }

    private final String agency;
    private final int year;
    private final Map<String, Line> byCode = new HashMap<>();
    private final Map<UUID, Line> byId = new LinkedHashMap<>();
    private final Map<String, Entry> stored;
    /** The keys this batch wrote, each with its latest state (earlier rows of the same key are overwritten). */
    private final Map<String, Entry> written = new LinkedHashMap<>();
    private final Supplier<UUID> ids;

    /**
     * @param lines  the lines the rows name, and the lines the stored entries are on
     * @param stored the stored entries of (at least) the rows' source keys; a key absent here is new
     */
    public SpendingLedger(String agency, int year, Collection<Line> lines, Map<String, Entry> stored,
                          Supplier<UUID> ids) {
        this.agency = agency;
        this.year = year;
        for (Line line : lines) {
            byId.put(line.id, line);
            if (line.code != null) {
                byCode.put(line.code, line);
            }
        }
        this.stored = stored;
        this.ids = ids;
    }

    /**
     * The checks of an entry's own fields (source key, amount, date, reference), shared by every
     * way of recording spending. Returns the amount at scale 2, or null with the errors added.
     */
    public static BigDecimal check(String sourceKey, BigDecimal amount, LocalDate date, String reference, int year,
                                   List<FieldError> errors) {
        if (sourceKey == null || sourceKey.isBlank()) {
            errors.add(new FieldError("sourceKey", "must not be blank: it makes a repeated import harmless"));
        } else if (sourceKey.startsWith(SpendingEntry.TOTAL_PREFIX) || sourceKey.length() > TextBounds.KEY) {
            errors.add(new FieldError("sourceKey", "must be at most " + TextBounds.KEY + " characters and not start with '"
                    + SpendingEntry.TOTAL_PREFIX + "'"));
        }
        BigDecimal money = Rupiah.check(amount, "amount", true, errors);
        if (money != null && money.signum() == 0) {
            errors.add(new FieldError("amount", "must be more than 0"));
            money = null;
        }
        if (date == null) {
            errors.add(new FieldError("date", "is required"));
        } else if (date.getYear() != year) {
            errors.add(new FieldError("date", date + " is outside fiscal year " + year));
        }
        if (reference != null && reference.length() > TextBounds.KEY) {
            errors.add(new FieldError("reference", "is longer than " + TextBounds.KEY + " characters"));
        }
        return money;
    }

    /** The message of a refusal beyond the pagu (the same wherever spending is recorded). */
    public static String beyondPagu(String code, BigDecimal total, BigDecimal pagu) {
        return "spending on " + code + " would total " + total.toPlainString() + ", above its pagu "
                + pagu.toPlainString();
    }

    /** Applies one row on top of the rows before it. */
    public Result apply(Row row) {
        List<FieldError> errors = new ArrayList<>(2);
        BigDecimal amount = check(row.sourceKey(), row.amount(), row.date(), row.reference(), year, errors);
        Line line = null;
        if (row.lineCode() == null) {
            errors.add(new FieldError("lineCode", "is required"));
        } else {
            line = byCode.get(row.lineCode());
            if (line == null) {
                errors.add(new FieldError("lineCode", "no budget line '" + row.lineCode() + "' in " + agency + " "
                        + year));
            }
        }
        if (!errors.isEmpty()) {
            return Result.rejected(errors);
        }
        String key = row.sourceKey();
        Entry entry = written.containsKey(key) ? written.get(key) : stored.get(key);
        if (entry != null && entry.same(line.id, row.date(), amount, row.reference())) {
            return Result.UNCHANGED;
        }
        boolean sameLine = entry != null && entry.lineId().equals(line.id);
        BigDecimal total = line.realisasi.subtract(sameLine ? entry.amount() : BigDecimal.ZERO).add(amount);
        if (total.compareTo(line.pagu) > 0) {
            return Result.rejected(List.of(new FieldError("amount", beyondPagu(line.code, total, line.pagu))));
        }
        if (entry != null && !sameLine) {
            // the sender moved the entry to another line: the old line gives it back
            Line previous = byId.get(entry.lineId());
            if (previous == null) {
                throw new IllegalStateException("line " + entry.lineId() + " of entry " + key + " was not loaded");
            }
            previous.realisasi = previous.realisasi.subtract(entry.amount());
            previous.changed = true;
        }
        written.put(key, new Entry(entry == null ? ids.get() : entry.id(), line.id, row.date(), amount,
                row.reference()));
        line.realisasi = total;
        line.changed = true;
        return entry == null ? Result.CREATED : Result.UPDATED;
    }

    /** Entries of keys that were not stored: to insert. */
    public List<Map.Entry<String, Entry>> created() {
        return written.entrySet().stream().filter(e -> !stored.containsKey(e.getKey())).toList();
    }

    /** Stored entries whose final state differs from what is stored: to update. */
    public List<Entry> updated() {
        List<Entry> out = new ArrayList<>();
        written.forEach((key, entry) -> {
            Entry before = stored.get(key);
            if (before != null && !before.same(entry.lineId(), entry.spentOn(), entry.amount(), entry.reference())) {
                out.add(entry);
            }
        });
        return out;
    }

    /**
     * How the written entries move each line's spending per quarter (index 0 = triwulan I): what a
     * line's quarterly roll-up was before the batch plus this is what it is after.
     */
    public Map<UUID, BigDecimal[]> quarterChanges() {
        Map<UUID, BigDecimal[]> changes = new HashMap<>();
        written.forEach((key, entry) -> {
            Entry before = stored.get(key);
            if (before != null) {
                add(changes, before.lineId(), before.spentOn(), before.amount().negate());
            }
            add(changes, entry.lineId(), entry.spentOn(), entry.amount());
        });
        return changes;
    }

    private static void add(Map<UUID, BigDecimal[]> changes, UUID line, LocalDate date, BigDecimal amount) {
        BigDecimal[] quarters = changes.computeIfAbsent(line, k -> new BigDecimal[]{Rupiah.zero(), Rupiah.zero(),
                Rupiah.zero(), Rupiah.zero()});
        int q = (date.getMonthValue() - 1) / 3;
        quarters[q] = quarters[q].add(amount);
    }

    /** Every line given to the ledger, with its realisasi after the rows applied so far. */
    public Collection<Line> lines() {
        return byId.values();
    }
}
