package id.go.maluku.sakip.realization.service;

import id.go.maluku.sakip.realization.domain.AgencyRef;
import id.go.maluku.sakip.realization.domain.AuditEntry;
import id.go.maluku.sakip.realization.domain.IndicatorRef;
import id.go.maluku.sakip.realization.domain.Period;
import id.go.maluku.sakip.realization.domain.PlanPeriod;
import id.go.maluku.sakip.realization.domain.Realisasi;
import id.go.maluku.sakip.realization.domain.RealisasiStatement;
import id.go.maluku.sakip.realization.domain.RealisasiStatus;
import id.go.maluku.sakip.realization.domain.RuleViolation;
import id.go.maluku.sakip.realization.domain.TextBounds;
import id.go.maluku.sakip.realization.domain.ValueScale;
import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.platform.error.Text;
import id.go.maluku.sakip.platform.security.Caller;
import id.go.maluku.sakip.platform.security.RequestAudit;
import id.go.maluku.sakip.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Records realisasi and moves them through the workflow. Every change is audited, and every
 * change of a value or status publishes its event in the same transaction. Refusals are
 * decided before anything is written, so they leave the transaction usable (the bulk import
 * goes on with the next row).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = {ApiProblem.class, RuleViolation.class})
public class RealisasiService {

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    /** status: the effective one (locked while a period lock covers it), known without another read. */
    public record Recorded(Realisasi realisasi, Outcome outcome, RealisasiStatus status) {
        public boolean created() {
            return outcome == Outcome.CREATED;
        }
    }

    /** A value with its narrative; a null narrative field leaves the stored one as it is. */
    public record Input(Object value, String statedIn, String explanation, String supportingFactors,
                        String hinderingFactors, String followUp) {
        public static Input valueOnly(Object value) {
            return new Input(value, null, null, null, null, null);
        }
    }

    public enum Step { SUBMIT, VERIFY, RETURN }

    @Inject
    RealisasiEvents events;

    @Inject
    AuditService audit;

    @Inject
    LockService locks;

    @Inject
    RealisasiStore store;

    @Inject
    ReferenceService references;

    /** Who makes the change: the subject of the request's bearer token. */
    @Inject
    Caller caller;

    public Recorded record(String agencyCode, String indicatorCode, Integer year, String periodCode, Input input) {
        return record(agencyCode, indicatorCode, year, periodCode, input, indicator -> { }, null, false);
    }

    /**
     * The same for a request: authorize checks the indicator (the caller's unit) before anything
     * is decided, and request, when given, is the request's audit row for the outcome, written with
     * the change in one round trip (or alone when nothing changed). endsTransaction: the caller
     * began the transaction for this alone and does nothing in it afterwards, so that the write
     * commits it in the same round trip (RealisasiStore.COMMIT); a refusal still leaves it open.
     */
    public Recorded record(String agencyCode, String indicatorCode, Integer year, String periodCode, Input input,
                           Consumer<IndicatorRef> authorize, Function<Outcome, RequestAudit.Row> request,
                           boolean endsTransaction) {
        Period.checkYear(year);
        Period period = Period.parse(periodCode);
        RealisasiStore.Current current = store.read(agencyCode, indicatorCode, year, period.code())
                .orElseThrow(() -> {
                    agency(agencyCode);
                    return ApiProblem.notFound("indicator", indicatorCode);
                });
        IndicatorRef indicator = current.indicator();
        authorize.accept(indicator);
        requireInPlan(indicator);
        PlanPeriod.require(current.plan(), year, agencyCode);
        ValueScale.Value value = indicator.scale().accept(input.value());
        checkLengths(input);
        Realisasi realisasi = current.realisasi();
        boolean locked = locks.covers(current.locksOfYear(), year, period);
        boolean created = realisasi == null;
        Map<String, Object> old = created ? null : snapshot(realisasi);
        if (created) {
            realisasi = new Realisasi();
            realisasi.id = UUID.randomUUID();
            realisasi.indicator = indicator;
            realisasi.year = year;
            realisasi.period = period.code();
        }
        boolean valueChanged = created || realisasi.value.compareTo(value.number()) != 0
                || !Objects.equals(realisasi.valueText, value.text());
        boolean narrativeChanged = changes(input.statedIn(), realisasi.statedIn)
                || changes(input.explanation(), realisasi.explanation)
                || changes(input.supportingFactors(), realisasi.supportingFactors)
                || changes(input.hinderingFactors(), realisasi.hinderingFactors)
                || changes(input.followUp(), realisasi.followUp);
        if (!valueChanged && !narrativeChanged) {
            if (request != null) {
                store.write(request.apply(Outcome.UNCHANGED), endsTransaction);
            }
            return new Recorded(realisasi, Outcome.UNCHANGED, locked ? RealisasiStatus.LOCKED : realisasi.status());
        }
        if (locked) {
            throw LockService.lockedPeriod(agencyCode, year, period);
        }
        if (!created && !realisasi.status().editable()) {
            throw RuleViolation.conflict("status", "a " + realisasi.status + " realisasi cannot be changed; "
                    + "it must be returned first");
        }
        realisasi.value = value.number();
        realisasi.valueText = value.text();
        if (input.statedIn() != null) {
            realisasi.statedIn = input.statedIn();
        }
        if (input.explanation() != null) {
            realisasi.explanation = input.explanation();
        }
        if (input.supportingFactors() != null) {
            realisasi.supportingFactors = input.supportingFactors();
        }
        if (input.hinderingFactors() != null) {
            realisasi.hinderingFactors = input.hinderingFactors();
        }
        if (input.followUp() != null) {
            realisasi.followUp = input.followUp();
        }
        realisasi.revision++;
        realisasi.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        realisasi.updatedBy = caller.subject();
        Outcome outcome = created ? Outcome.CREATED : Outcome.UPDATED;
        store.write(realisasi, created,
                audit.entry(subject(realisasi), created ? "created" : "changed", old, snapshot(realisasi), null),
                // only a changed value alters a result; narrative alone does not
                valueChanged ? events.recorded(realisasi) : null,
                request == null ? null : request.apply(outcome), endsTransaction);
        // the period was found open above, in this transaction
        return new Recorded(realisasi, outcome, realisasi.status());
    }

    public Realisasi step(String agencyCode, String indicatorCode, int year, String periodCode, Step step, String note) {
        return step(agencyCode, indicatorCode, year, periodCode, step, note, null);
    }

    /**
     * A workflow step. Verifying or returning is refused (403) to whoever recorded or last changed
     * the value (separation of duties: no one checks their own figures); an admin may override it
     * only with a reason, which the audit entry of the step keeps.
     */
    public Realisasi step(String agencyCode, String indicatorCode, int year, String periodCode, Step step, String note,
                          String overrideReason) {
        Period period = Period.parse(periodCode);
        Realisasi realisasi = Realisasi.findForUpdate(indicator(agencyCode, indicatorCode), year, period.code())
                .orElseThrow(() -> ApiProblem.notFound("realisasi " + year + "/" + period.code() + " of indicator",
                        indicatorCode));
        String override = step == Step.SUBMIT ? null : separationOfDuties(realisasi, overrideReason);
        RealisasiStatus from = realisasi.status();
        RealisasiStatus to = switch (step) {
            case SUBMIT -> from.submit();
            case VERIFY -> from.verify();
            case RETURN -> from.returnWith(note);
        };
        locks.assertOpen(agencyCode, year, new Period(realisasi.period));
        Map<String, Object> old = snapshot(realisasi);
        realisasi.status = to.code();
        realisasi.statusNote = step == Step.RETURN ? note.strip() : realisasi.statusNote;
        realisasi.revision++;
        realisasi.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        realisasi.updatedBy = caller.subject();
        String reason = step == Step.RETURN ? realisasi.statusNote : null;
        if (override != null) {
            // the audit's reason column holds 2,000 characters: the note and the override together are cut to it
            reason = Text.clip((reason == null ? "" : reason + "; ") + "override of separation of duties by an admin: "
                    + override, 2000);
        }
        audit.record(subject(realisasi), to.code(), old, snapshot(realisasi), reason);
        events.statusChanged(realisasi, to.code(), from.code(), step == Step.RETURN ? realisasi.statusNote : null);
        return realisasi;
    }

    /**
     * Null when the caller did not record or last change the value; the admin's override reason
     * when they did and may go on; else a 403 naming the rule. The author is read from the audit
     * trail (the newest entry that created or changed the value), so the hot write path stays as
     * it is.
     */
    private String separationOfDuties(Realisasi realisasi, String overrideReason) {
        AuditEntry authored = AuditEntry.<AuditEntry>find("agencyCode = ?1 and indicatorCode = ?2 and year = ?3 "
                        + "and period = ?4 and subject = 'realisasi' and action in ('created', 'changed') order by id desc",
                realisasi.indicator.agencyCode, realisasi.indicator.code, realisasi.year, realisasi.period).firstResult();
        String author = authored != null ? authored.actor : realisasi.updatedBy;
        if (author == null || !author.equals(caller.subject())) {
            return null;
        }
        if (overrideReason != null && !overrideReason.isBlank() && caller.has(Roles.ADMIN)) {
            if (overrideReason.length() > 1000) {
                throw ApiProblem.invalid("override", "at most 1000 characters");
            }
            return overrideReason.strip();
        }
        throw new ApiProblem(403, "Forbidden", "separation of duties: " + caller.subject() + " recorded or last changed "
                + "this realisasi and may not verify or return it; another verifier must"
                + (caller.has(Roles.ADMIN) ? " (an admin may override with ?override=<reason>, which is audited)" : ""),
                List.of(new ApiProblem.FieldError("separationOfDuties", "the recorder may not verify or return")));
    }

    /**
     * Keeps another statement of a realisasi from a source document (idempotent per source):
     * it never replaces the value that counts; it is published so that the review can compare.
     */
    public RealisasiStatement state(String agencyCode, String indicatorCode, Integer year, String periodCode,
                                    Object rawValue, String statedIn, String note) {
        Period.checkYear(year);
        Period period = Period.parse(periodCode);
        IndicatorRef indicator = inPlan(agencyCode, indicatorCode);
        PlanPeriod.require(references.planPeriod(agencyCode), year, agencyCode);
        requireRecorded(indicator, year, period);
        ValueScale.Value value = indicator.scale().accept(rawValue);
        if (statedIn == null || statedIn.isBlank()) {
            throw RuleViolation.invalid("statedIn", "required: where the value is stated (e.g. \"Tabel 3.10\")");
        }
        // statedIn's and note's lengths are StatementBody's @Size (TextBounds), refused before any work
        RealisasiStatement statement = RealisasiStatement.<RealisasiStatement>find(
                "indicator = ?1 and year = ?2 and period = ?3 and statedIn = ?4",
                indicator, year, period.code(), statedIn.strip()).firstResult();
        if (statement != null && statement.value.compareTo(value.number()) == 0
                && Objects.equals(statement.valueText, value.text()) && Objects.equals(statement.note, note)) {
            return statement;
        }
        locks.assertOpen(agencyCode, year, period);
        Map<String, Object> old = statement == null ? null : Map.of("value", statement.statedValue());
        if (statement == null) {
            statement = new RealisasiStatement();
            statement.id = UUID.randomUUID();
            statement.indicator = indicator;
            statement.year = year;
            statement.period = period.code();
            statement.statedIn = statedIn.strip();
        }
        statement.value = value.number();
        statement.valueText = value.text();
        statement.note = note;
        statement.recordedBy = caller.subject();
        statement.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        statement.persist();
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("value", statement.statedValue());
        now.put("statedIn", statement.statedIn);
        now.put("note", note);
        audit.record(new AuditService.Subject(agencyCode, indicatorCode, year, period.code(), "statement",
                statement.id.toString()), old == null ? "created" : "changed", old, now, null);
        events.statement(statement);
        return statement;
    }

    /**
     * A statement is another statement of a recorded value: it is shown beside that value
     * (otherStatements) and the review compares the two. Without the value it would be stored
     * and published but shown nowhere, and the contradiction it records would go unseen; so it
     * is refused as evidence and workflow steps for a missing realisasi are (404). Realisasi are
     * never deleted, so a value found here is still there when the statement commits.
     */
    private static void requireRecorded(IndicatorRef indicator, int year, Period period) {
        if (Realisasi.find(indicator, year, period.code()).isEmpty()) {
            String detail = "realisasi " + year + "/" + period.code() + " of indicator '" + indicator.code
                    + "' does not exist: record the value first, then the other statements of it";
            throw new ApiProblem(404, "Not found", detail, List.of(new ApiProblem.FieldError("realisasi", detail)));
        }
    }

    @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = {ApiProblem.class, RuleViolation.class})
    public List<RealisasiStatement> statements(Realisasi realisasi) {
        return RealisasiStatement.list("indicator = ?1 and year = ?2 and period = ?3",
                Sort.by("statedIn"), realisasi.indicator, realisasi.year, realisasi.period);
    }

    @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = {ApiProblem.class, RuleViolation.class})
    public List<Realisasi> list(String agencyCode, Integer year) {
        agency(agencyCode);
        if (year == null) {
            return Realisasi.list("indicator.agencyCode = ?1", Sort.by("indicator.code").and("year").and("period"), agencyCode);
        }
        return Realisasi.list("indicator.agencyCode = ?1 and year = ?2", Sort.by("indicator.code").and("period"),
                agencyCode, year);
    }

    @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = {ApiProblem.class, RuleViolation.class})
    public Realisasi get(String agencyCode, String indicatorCode, int year, String periodCode) {
        Period period = Period.parse(periodCode);
        return Realisasi.find(indicator(agencyCode, indicatorCode), year, period.code())
                .orElseThrow(() -> ApiProblem.notFound("realisasi " + year + "/" + period.code() + " of indicator",
                        indicatorCode));
    }

    /** The status a client sees: locked while a period lock covers the realisasi. */
    @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = {ApiProblem.class, RuleViolation.class})
    public RealisasiStatus effectiveStatus(Realisasi realisasi) {
        return locks.isLocked(realisasi.indicator.agencyCode, realisasi.year, new Period(realisasi.period))
                ? RealisasiStatus.LOCKED : realisasi.status();
    }

    @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = {ApiProblem.class, RuleViolation.class})
    public IndicatorRef indicator(String agencyCode, String indicatorCode) {
        // an indicator found is of a known agency; the agency is looked up only to say which is unknown
        return IndicatorRef.findByCode(agencyCode, indicatorCode).orElseThrow(() -> {
            agency(agencyCode);
            return ApiProblem.notFound("indicator", indicatorCode);
        });
    }

    /**
     * An indicator still in the plan. One planning removed keeps its realisasi, readable as
     * before, but takes no new value or statement (409 naming it).
     */
    @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = {ApiProblem.class, RuleViolation.class})
    public IndicatorRef inPlan(String agencyCode, String indicatorCode) {
        IndicatorRef indicator = indicator(agencyCode, indicatorCode);
        requireInPlan(indicator);
        return indicator;
    }

    private static void requireInPlan(IndicatorRef indicator) {
        if (indicator.removed) {
            String indicatorCode = indicator.code;
            String agencyCode = indicator.agencyCode;
            String detail = "indicator '" + indicatorCode + "' was removed from the plan of agency '" + agencyCode
                    + "': its realisasi are kept and can be read, but no new value is recorded for it";
            throw new ApiProblem(409, "Conflict", detail, List.of(new ApiProblem.FieldError("indicator", detail)));
        }
    }

    private static AgencyRef agency(String agencyCode) {
        return AgencyRef.findByCode(agencyCode).orElseThrow(() -> ApiProblem.notFound("agency", agencyCode));
    }

    static AuditService.Subject subject(Realisasi r) {
        return new AuditService.Subject(r.indicator.agencyCode, r.indicator.code, r.year, r.period, "realisasi",
                r.id.toString());
    }

    private static boolean changes(String input, String stored) {
        return input != null && !input.equals(stored);
    }

    /**
     * A single write's body has refused these already (RealisasiBody's @Size); an imported row,
     * from JSON or a sheet, passes no bean validation and is rejected here, alone, with the same
     * bounds and words.
     */
    private static void checkLengths(Input input) {
        if (input.statedIn() != null && input.statedIn().length() > TextBounds.STATED_IN) {
            throw RuleViolation.invalid("statedIn", atMost(TextBounds.STATED_IN));
        }
        for (Map.Entry<String, String> text : Map.of("explanation", nz(input.explanation()),
                "supportingFactors", nz(input.supportingFactors()), "hinderingFactors", nz(input.hinderingFactors()),
                "followUp", nz(input.followUp())).entrySet()) {
            if (text.getValue().length() > TextBounds.NARRATIVE) {
                throw RuleViolation.invalid(text.getKey(), atMost(TextBounds.NARRATIVE));
            }
        }
    }

    private static String atMost(int max) {
        return TextBounds.AT_MOST.replace("{max}", String.valueOf(max));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Map<String, Object> snapshot(Realisasi r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("value", r.statedValue());
        s.put("status", r.status);
        s.put("statusNote", r.statusNote);
        s.put("statedIn", r.statedIn);
        s.put("explanation", r.explanation);
        s.put("supportingFactors", r.supportingFactors);
        s.put("hinderingFactors", r.hinderingFactors);
        s.put("followUp", r.followUp);
        s.put("revision", r.revision);
        return s;
    }
}
