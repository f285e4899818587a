package id.go.maluku.sakip.budget.service;

import id.go.maluku.sakip.budget.domain.BudgetCode;
import id.go.maluku.sakip.budget.domain.TextBounds;
import id.go.maluku.sakip.budget.domain.BudgetLine;
import id.go.maluku.sakip.budget.domain.FundingSource;
import id.go.maluku.sakip.budget.domain.PaguVersion;
import id.go.maluku.sakip.budget.domain.Rupiah;
import id.go.maluku.sakip.budget.domain.SpendingLedger;
import id.go.maluku.sakip.budget.domain.SpendingEntry;
import id.go.maluku.sakip.platform.error.ApiProblem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The rules of writing one budget line or one spending entry, shared by the REST resources,
 * the push API and the file import. Works in the caller's transaction and never throws for bad
 * input: a refusal is a result naming the fields, so that a batch can refuse one row and go on
 * (an exception would mark the whole transaction for rollback). Lines that changed are added
 * to {@code touched}; the caller publishes their events once.
 */
@ApplicationScoped
public class LineWriter {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    public record Result(Outcome outcome, BudgetLine line, List<FieldError> errors) {
        static Result rejected(List<FieldError> errors) {
            return new Result(Outcome.REJECTED, null, List.copyOf(errors));
        }

        static Result rejected(String field, String message) {
            return rejected(List.of(new FieldError(field, message)));
        }
    }

    /** A line as a sender describes it; null optional fields leave what is stored. */
    public record LineInput(String sipdKey, String code, String name, BigDecimal pagu, BigDecimal realisasi,
                            BigDecimal statedAbsorption, String fundingSource, String unitCode, String unitName,
                            String urusanName, String bidangName, String programName, String kegiatanName) {
    }

    /** A spending entry; the line is named by its code or by its SIPD key. */
    public record SpendingInput(String sourceKey, String lineCode, String lineSipdKey, LocalDate date,
                                BigDecimal amount, String reference) {
    }

    /** Lines of one agency and year already looked up in this unit of work, by code and SIPD key. */
    public static final class Lines {
        final String agency;
        final int year;
        final Map<String, BudgetLine> byCode = new HashMap<>();
        final Map<String, BudgetLine> bySipd = new HashMap<>();

        public Lines(String agency, int year) {
            this.agency = agency;
            this.year = year;
        }

        void remember(BudgetLine line) {
            byCode.put(line.code, line);
            if (line.sipdKey != null) {
                bySipd.put(line.sipdKey, line);
            }
        }

        /** Forget everything (after the persistence context was cleared). */
        public void clear() {
            byCode.clear();
            bySipd.clear();
        }
    }

    @Inject
    EntityManager em;

    private static void longerThan(String text, String field, int max, List<FieldError> errors) {
        if (text != null && text.length() > max) {
            errors.add(new FieldError(field, "is longer than " + max + " characters"));
        }
    }

    public Result applyLine(Lines lines, LineInput in, Collection<BudgetLine> touched) {
        List<FieldError> errors = new ArrayList<>();
        if (!BudgetCode.valid(in.code())) {
            errors.add(new FieldError("code", "'" + in.code() + "' is not an official budget code such as 1.06.02.2.01.0001"));
        }
        if (in.name() == null || in.name().isBlank()) {
            errors.add(new FieldError("name", "must not be blank"));
        } else if (in.name().length() > TextBounds.NAME) {
            errors.add(new FieldError("name", "is longer than " + TextBounds.NAME + " characters"));
        }
        BigDecimal pagu = money(in.pagu(), "pagu", true, errors);
        BigDecimal realisasi = money(in.realisasi(), "realisasi", false, errors);
        if (pagu != null && realisasi != null && realisasi.compareTo(pagu) > 0) {
            errors.add(new FieldError("realisasi", "spending " + realisasi.toPlainString() + " exceeds the pagu "
                    + pagu.toPlainString()));
        }
        if (in.statedAbsorption() != null && in.statedAbsorption().signum() < 0) {
            errors.add(new FieldError("statedAbsorption", "must not be negative"));
        }
        String funding = null;
        if (in.fundingSource() != null) {
            funding = FundingSource.parse(in.fundingSource()).map(Enum::name).orElse(null);
            if (funding == null) {
                errors.add(new FieldError("fundingSource", "'" + in.fundingSource() + "' is not one of "
                        + java.util.Arrays.toString(FundingSource.values())));
            }
        }
        // the columns' lengths (V1, V2): a longer text would fail the batch's insert with a 500
        longerThan(in.sipdKey(), "sipdKey", TextBounds.CODE, errors);
        longerThan(in.unitCode(), "unitCode", TextBounds.CODE, errors);
        longerThan(in.unitName(), "unitName", TextBounds.UNIT_NAME, errors);
        longerThan(in.urusanName(), "urusanName", TextBounds.UNIT_NAME, errors);
        longerThan(in.bidangName(), "bidangUrusanName", TextBounds.UNIT_NAME, errors);
        longerThan(in.programName(), "programName", TextBounds.NAME, errors);
        longerThan(in.kegiatanName(), "kegiatanName", TextBounds.NAME, errors);
        if ((in.unitCode() == null) != (in.unitName() == null)) {
            errors.add(new FieldError(in.unitCode() == null ? "unitCode" : "unitName",
                    "an owning unit needs both its code and its name"));
        }
        if (!errors.isEmpty()) {
            return Result.rejected(errors);
        }

        BudgetLine line = in.sipdKey() != null ? bySipd(lines, in.sipdKey()) : null;
        if (line == null) {
            line = byCode(lines, in.code());
            if (line != null && in.sipdKey() != null && line.sipdKey != null && !line.sipdKey.equals(in.sipdKey())) {
                return Result.rejected("sipdKey", "line " + in.code() + " has SIPD key " + line.sipdKey + ", not "
                        + in.sipdKey());
            }
        } else if (!line.code.equals(in.code()) && byCode(lines, in.code()) != null) {
            return Result.rejected("code", "another line already has the code " + in.code());
        }
        boolean created = line == null;
        if (created) {
            line = new BudgetLine();
            line.id = UUID.randomUUID();
            line.agencyCode = lines.agency;
            line.fiscalYear = lines.year;
            line.realisasi = zero();
            line.paguOriginal = pagu;
            line.pagu = pagu;
        } else if (realisasi != null && realisasi.compareTo(line.realisasi) != 0 && hasDatedSpending(line)) {
            return Result.rejected("realisasi", "the line has dated spending entries; its realisasi is their sum ("
                    + line.realisasi.toPlainString() + ") and cannot be set as a total");
        }
        BigDecimal newRealisasi = realisasi != null ? realisasi : line.realisasi;
        if (newRealisasi.compareTo(pagu) > 0) {
            return Result.rejected("pagu", "pagu " + pagu.toPlainString() + " is below the spending so far "
                    + newRealisasi.toPlainString());
        }

        boolean changed = created
                | !Objects.equals(line.code, in.code()) | !Objects.equals(line.name, in.name())
                | line.pagu.compareTo(pagu) != 0 | newRealisasi.compareTo(line.realisasi) != 0
                | differs(line.sipdKey, in.sipdKey()) | differs(line.statedAbsorption, in.statedAbsorption())
                | differs(line.fundingSource, funding) | differs(line.unitCode, in.unitCode())
                | differs(line.unitName, in.unitName()) | differs(line.urusanName, in.urusanName())
                | differs(line.bidangName, in.bidangName()) | differs(line.programName, in.programName())
                | differs(line.kegiatanName, in.kegiatanName());
        if (!changed) {
            lines.remember(line);
            return new Result(Outcome.UNCHANGED, line, List.of());
        }
        boolean paguChanged = created || line.pagu.compareTo(pagu) != 0;
        line.code = in.code();
        line.name = in.name();
        line.pagu = pagu;
        if (in.sipdKey() != null) line.sipdKey = in.sipdKey();
        if (in.statedAbsorption() != null) line.statedAbsorption = in.statedAbsorption();
        if (funding != null) line.fundingSource = funding;
        if (in.unitCode() != null) {
            line.unitCode = in.unitCode();
            line.unitName = in.unitName();
        }
        if (in.urusanName() != null) line.urusanName = in.urusanName();
        if (in.bidangName() != null) line.bidangName = in.bidangName();
        if (in.programName() != null) line.programName = in.programName();
        if (in.kegiatanName() != null) line.kegiatanName = in.kegiatanName();
        if (created) {
            em.persist(line);
        }
        if (paguChanged) {
            addPaguVersion(line, pagu, created);
        }
        if (newRealisasi.compareTo(line.realisasi) != 0 || (created && newRealisasi.signum() > 0)) {
            setTotalEntry(line, newRealisasi);
        }
        lines.remember(line);
        touched.add(line);
        return new Result(created ? Outcome.CREATED : Outcome.UPDATED, line, List.of());
    }

    /**
     * Records, moves or corrects one spending entry. {@code existing} holds the entries of this
     * unit of work already loaded by source key (looked up here when absent).
     */
    public Result applySpending(Lines lines, SpendingInput in, Map<String, SpendingEntry> existing,
                                Collection<BudgetLine> touched) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal amount = SpendingLedger.check(in.sourceKey(), in.amount(), in.date(), in.reference(), lines.year,
                errors);
        BudgetLine line = null;
        if (in.lineCode() == null && in.lineSipdKey() == null) {
            errors.add(new FieldError("lineCode", "is required (or lineSipdKey)"));
        } else {
            line = in.lineSipdKey() != null ? bySipd(lines, in.lineSipdKey()) : byCode(lines, in.lineCode());
            if (line == null) {
                String field = in.lineSipdKey() != null ? "lineSipdKey" : "lineCode";
                errors.add(new FieldError(field, "no budget line '" + (in.lineSipdKey() != null ? in.lineSipdKey()
                        : in.lineCode()) + "' in " + lines.agency + " " + lines.year));
            }
        }
        if (!errors.isEmpty()) {
            return Result.rejected(errors);
        }
        SpendingEntry entry = existing.get(in.sourceKey());
        if (entry == null && !existing.containsKey(in.sourceKey())) {
            entry = SpendingEntry.<SpendingEntry>find("agencyCode = ?1 and fiscalYear = ?2 and sourceKey = ?3",
                    lines.agency, lines.year, in.sourceKey()).firstResult();
        }
        if (entry != null && entry.lineId.equals(line.id) && entry.spentOn.equals(in.date())
                && entry.amount.compareTo(amount) == 0 && Objects.equals(entry.reference, in.reference())) {
            return new Result(Outcome.UNCHANGED, line, List.of());
        }
        BigDecimal already = entry != null && entry.lineId.equals(line.id) ? entry.amount : zero();
        BigDecimal total = line.realisasi.subtract(already).add(amount);
        if (total.compareTo(line.pagu) > 0) {
            return Result.rejected("amount", SpendingLedger.beyondPagu(line.code, total, line.pagu));
        }
        boolean created = entry == null;
        if (created) {
            entry = new SpendingEntry();
            entry.id = UUID.randomUUID();
            entry.agencyCode = lines.agency;
            entry.fiscalYear = lines.year;
            entry.sourceKey = in.sourceKey();
        } else if (!entry.lineId.equals(line.id)) {
            // the sender moved the entry to another line: the old line gives it back
            BudgetLine previous = em.find(BudgetLine.class, entry.lineId);
            previous.realisasi = previous.realisasi.subtract(entry.amount);
            touched.add(previous);
        }
        entry.lineId = line.id;
        entry.spentOn = in.date();
        entry.amount = amount;
        entry.reference = in.reference();
        if (created) {
            em.persist(entry);
        }
        existing.put(entry.sourceKey, entry);
        line.realisasi = total;
        touched.add(line);
        return new Result(created ? Outcome.CREATED : Outcome.UPDATED, line, List.of());
    }

    /** Loads the given codes of one agency and year at once (one query per import chunk). */
    public void preload(Lines lines, Collection<String> codes, Collection<String> sipdKeys) {
        List<String> missingCodes = codes.stream().filter(c -> c != null && !lines.byCode.containsKey(c)).distinct().toList();
        if (!missingCodes.isEmpty()) {
            BudgetLine.<BudgetLine>list("agencyCode = ?1 and fiscalYear = ?2 and code in ?3", lines.agency, lines.year,
                    missingCodes).forEach(lines::remember);
        }
        List<String> missingSipd = sipdKeys.stream().filter(c -> c != null && !lines.bySipd.containsKey(c)).distinct().toList();
        if (!missingSipd.isEmpty()) {
            BudgetLine.<BudgetLine>list("agencyCode = ?1 and fiscalYear = ?2 and sipdKey in ?3", lines.agency, lines.year,
                    missingSipd).forEach(lines::remember);
        }
    }

    /** Loads the existing entries of the given source keys at once; keys without an entry map to null. */
    public Map<String, SpendingEntry> existingEntries(String agency, int year, Collection<String> keys) {
        Map<String, SpendingEntry> found = new HashMap<>();
        List<String> wanted = keys.stream().filter(Objects::nonNull).distinct().toList();
        for (String key : wanted) {
            found.put(key, null);
        }
        if (!wanted.isEmpty()) {
            SpendingEntry.<SpendingEntry>list("agencyCode = ?1 and fiscalYear = ?2 and sourceKey in ?3", agency, year, wanted)
                    .forEach(e -> found.put(e.sourceKey, e));
        }
        return found;
    }

    private BudgetLine byCode(Lines lines, String code) {
        BudgetLine line = lines.byCode.get(code);
        if (line == null) {
            line = BudgetLine.find(lines.agency, lines.year, code).orElse(null);
            if (line != null) {
                lines.remember(line);
            }
        }
        return line;
    }

    private BudgetLine bySipd(Lines lines, String sipdKey) {
        BudgetLine line = lines.bySipd.get(sipdKey);
        if (line == null) {
            line = BudgetLine.<BudgetLine>find("agencyCode = ?1 and fiscalYear = ?2 and sipdKey = ?3", lines.agency,
                    lines.year, sipdKey).firstResult();
            if (line != null) {
                lines.remember(line);
            }
        }
        return line;
    }

    private boolean hasDatedSpending(BudgetLine line) {
        return SpendingEntry.count("lineId = ?1 and sourceKey <> ?2", line.id, SpendingEntry.TOTAL_PREFIX + line.id) > 0;
    }

    void addPaguVersion(BudgetLine line, BigDecimal amount, boolean first) {
        Number count = (Number) em.createQuery("select count(v) from PaguVersion v where v.lineId = :id")
                .setParameter("id", line.id).getSingleResult();
        PaguVersion version = new PaguVersion();
        version.lineId = line.id;
        version.version = count.intValue() + 1;
        version.kind = version.version == 1 ? "murni" : "perubahan";
        version.amount = amount;
        version.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.persist(version);
    }

    /**
     * A realisasi given as a year total is one entry with the key {@code total:<line id>}. The
     * column wants a date, so it carries 31 December, but that date is a placeholder: the budget
     * view places the entry in no month or quarter (see {@code SpendingRollup}).
     */
    private void setTotalEntry(BudgetLine line, BigDecimal total) {
        String key = SpendingEntry.TOTAL_PREFIX + line.id;
        SpendingEntry entry = SpendingEntry.<SpendingEntry>find("lineId = ?1 and sourceKey = ?2", line.id, key).firstResult();
        if (total.signum() == 0) {
            if (entry != null) {
                entry.delete();
            }
        } else {
            if (entry == null) {
                entry = new SpendingEntry();
                entry.id = UUID.randomUUID();
                entry.lineId = line.id;
                entry.agencyCode = line.agencyCode;
                entry.fiscalYear = line.fiscalYear;
                entry.sourceKey = key;
                entry.spentOn = LocalDate.of(line.fiscalYear, 12, 31);
                entry.reference = "total";
                entry.amount = total;
                em.persist(entry);
            } else {
                entry.amount = total;
            }
        }
        line.realisasi = total;
    }

    private static boolean differs(Object stored, Object given) {
        if (given == null) {
            return false;
        }
        if (stored instanceof BigDecimal a && given instanceof BigDecimal b) {
            return a.compareTo(b) != 0;
        }
        return !given.equals(stored);
    }

    /** Rupiah: not negative, at most two decimals (more is a sender's mistake, never rounded away). */
    static BigDecimal money(BigDecimal amount, String field, boolean required, List<FieldError> errors) {
        return Rupiah.check(amount, field, required, errors);
    }

    static BigDecimal zero() {
        return Rupiah.zero();
    }
}
