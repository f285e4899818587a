package id.go.maluku.sakip.budget.service;

import id.go.maluku.sakip.budget.domain.BudgetLine;
import id.go.maluku.sakip.budget.domain.TextBounds;
import id.go.maluku.sakip.budget.domain.LineLink;
import id.go.maluku.sakip.budget.domain.LineOutput;
import id.go.maluku.sakip.budget.domain.PaguVersion;
import id.go.maluku.sakip.budget.domain.SpendingEntry;
import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.platform.error.ApiProblem.FieldError;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

@ApplicationScoped
@Transactional
public class BudgetService {

    public record Upserted(BudgetLine line, boolean created) {
    }

    public record OutputInput(String kind, String statement, BigDecimal targetQuantity, BigDecimal achievedQuantity,
                              String unit) {
    }

    public record LinkInput(String sasaran, String indicator, BigDecimal statedAbsorption) {
    }

    /**
     * Everything the year's budget view shows of some lines (the year's, or the one a write
     * answers with), read in one go (a handful of queries, not one per line).
     */
    public record YearFacts(List<BudgetLine> lines, Map<UUID, List<PaguVersion>> versions,
                            Map<UUID, Map<Integer, BigDecimal>> months, Map<UUID, BigDecimal> undated,
                            Map<UUID, List<LineOutput>> outputs, Map<UUID, List<LineLink>> links) {
    }

    /** Sasaran and indicator codes of the agency's plan (S1, IK5, 1.2.3 ...). */
    static final Pattern PLAN_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @Inject
    LineWriter writer;

    @Inject
    LineEvents events;

    @Inject
    EntityManager em;

    /**
     * Creates or updates a line; outputs and links, when given, replace the stored ones. One v1
     * and one v3 event when anything changed, none otherwise.
     */
    public Upserted upsert(String agencyCode, int year, LineWriter.LineInput input, List<OutputInput> outputs,
                           List<LinkInput> links) {
        Set<BudgetLine> touched = new LinkedHashSet<>();
        LineWriter.Result result = writer.applyLine(new LineWriter.Lines(agencyCode, year), input, touched);
        if (result.outcome() == LineWriter.Outcome.REJECTED) {
            throw refused(result.errors());
        }
        BudgetLine line = result.line();
        if (outputs != null && replaceOutputs(line, outputs)) {
            touched.add(line);
        }
        if (links != null && replaceLinks(line, links)) {
            touched.add(line);
        }
        events.changed(touched);
        return new Upserted(line, result.outcome() == LineWriter.Outcome.CREATED);
    }

    public BudgetLine setRak(String agencyCode, int year, String code, List<BigDecimal> quarters) {
        BudgetLine line = line(agencyCode, year, code);
        List<FieldError> errors = new ArrayList<>();
        List<BigDecimal> rak = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            rak.add(LineWriter.money(quarters.get(q), "q" + (q + 1), true, errors));
        }
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        BigDecimal sum = rak.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(line.pagu) > 0) {
            throw ApiProblem.invalid("rak", "the cash plan totals " + sum.toPlainString() + ", above the pagu "
                    + line.pagu.toPlainString());
        }
        if (!Objects.equals(line.rak(), rak) || line.rakQ1 == null) {
            line.rakQ1 = rak.get(0);
            line.rakQ2 = rak.get(1);
            line.rakQ3 = rak.get(2);
            line.rakQ4 = rak.get(3);
            events.changed(line);
        }
        return line;
    }

    public LineWriter.Result addSpending(String agencyCode, int year, LineWriter.SpendingInput input) {
        Set<BudgetLine> touched = new LinkedHashSet<>();
        LineWriter.Result result = writer.applySpending(new LineWriter.Lines(agencyCode, year), input, new HashMap<>(),
                touched);
        if (result.outcome() == LineWriter.Outcome.REJECTED) {
            boolean unknownLine = result.errors().stream().anyMatch(e -> e.message().startsWith("no budget line"));
            if (unknownLine && result.errors().size() == 1) {
                throw ApiProblem.notFound("Budget line", input.lineCode());
            }
            throw refused(result.errors());
        }
        events.changed(touched);
        return result;
    }

    public BudgetLine setLinks(String agencyCode, int year, String code, List<LinkInput> links) {
        BudgetLine line = line(agencyCode, year, code);
        if (replaceLinks(line, links)) {
            events.changed(line);
        }
        return line;
    }

    public BudgetLine setOutputs(String agencyCode, int year, String code, List<OutputInput> outputs) {
        BudgetLine line = line(agencyCode, year, code);
        if (replaceOutputs(line, outputs)) {
            events.changed(line);
        }
        return line;
    }

    /**
     * Publishes every line of the agency's year again, v1 and the current v3, each with its
     * revision moved on by one, and changes nothing else. For readers of an older event version:
     * a line last published as sakip.budget.line.changed.v2 carries v2's quarters in reporting
     * until its next change, and this is that change. 404 when the year has no line (a mistyped
     * agency should not answer "0 published").
     */
    public int republish(String agencyCode, int year) {
        List<BudgetLine> lines = lines(agencyCode, year);
        if (lines.isEmpty()) {
            throw ApiProblem.notFound("Budget of agency '" + agencyCode + "' for year", String.valueOf(year));
        }
        // in chunks, as an import publishes: LineEvents reads each chunk's parts with one query per kind
        for (int from = 0; from < lines.size(); from += REPUBLISH_CHUNK) {
            events.changed(lines.subList(from, Math.min(lines.size(), from + REPUBLISH_CHUNK)));
        }
        return lines.size();
    }

    private static final int REPUBLISH_CHUNK = 500;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BudgetLine> lines(String agencyCode, int year) {
        return BudgetLine.list("agencyCode = ?1 and fiscalYear = ?2", Sort.by("code"), agencyCode, year);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public YearFacts facts(String agencyCode, int year) {
        return facts(lines(agencyCode, year));
    }

    /**
     * One line with everything the year's budget shows of it, read as {@link #facts(String, int)}
     * reads it: what a write answers. Called after the write committed, in a transaction of its
     * own so that its persistence context is new: the line comes from the database as a GET reads
     * it (a quantity 68 comes back as stored, 68.0000), not as the objects the write or the
     * request held in memory (the spending operation reads the line before writing to it).
     */
    public YearFacts stored(UUID lineId) {
        BudgetLine line = BudgetLine.findById(lineId);
        if (line == null) {
            throw ApiProblem.notFound("Budget line", lineId.toString());
        }
        return facts(List.of(line));
    }

    private YearFacts facts(List<BudgetLine> lines) {
        Map<UUID, List<PaguVersion>> versions = new HashMap<>();
        Map<UUID, Map<Integer, BigDecimal>> months = new HashMap<>();
        Map<UUID, BigDecimal> undated = new HashMap<>();
        Map<UUID, List<LineOutput>> outputs = new HashMap<>();
        Map<UUID, List<LineLink>> links = new HashMap<>();
        if (!lines.isEmpty()) {
            List<UUID> ids = lines.stream().map(l -> l.id).toList();
            PaguVersion.<PaguVersion>list("lineId in ?1 order by version", ids)
                    .forEach(v -> versions.computeIfAbsent(v.lineId, k -> new ArrayList<>()).add(v));
            // a year total's entry carries a placeholder date (31 December): it belongs to no month
            String yearTotals = SpendingEntry.TOTAL_PREFIX + "%";
            em.createQuery("select s.lineId, cast(extract(month from s.spentOn) as integer), sum(s.amount) "
                            + "from SpendingEntry s where s.lineId in :ids and s.sourceKey not like :totals group by 1, 2",
                            Object[].class)
                    .setParameter("ids", ids).setParameter("totals", yearTotals).getResultList()
                    .forEach(row -> months.computeIfAbsent((UUID) row[0], k -> new HashMap<>())
                            .put(((Number) row[1]).intValue(), (BigDecimal) row[2]));
            em.createQuery("select s.lineId, sum(s.amount) from SpendingEntry s "
                            + "where s.lineId in :ids and s.sourceKey like :totals group by s.lineId", Object[].class)
                    .setParameter("ids", ids).setParameter("totals", yearTotals).getResultList()
                    .forEach(row -> undated.put((UUID) row[0], (BigDecimal) row[1]));
            LineOutput.<LineOutput>list("lineId in ?1 order by kind desc, ordinal", ids)
                    .forEach(o -> outputs.computeIfAbsent(o.lineId, k -> new ArrayList<>()).add(o));
            LineLink.<LineLink>list("lineId in ?1 order by sasaranCode, indicatorCode", ids)
                    .forEach(l -> links.computeIfAbsent(l.lineId, k -> new ArrayList<>()).add(l));
        }
        return new YearFacts(lines, versions, months, undated, outputs, links);
    }

    private BudgetLine line(String agencyCode, int year, String code) {
        return BudgetLine.find(agencyCode, year, code).orElseThrow(() -> ApiProblem.notFound("Budget line", code));
    }

    /** Replaces the line's outputs and outcomes; true when they differ from the stored ones. */
    private boolean replaceOutputs(BudgetLine line, List<OutputInput> outputs) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            OutputInput o = outputs.get(i);
            String at = "outputs[" + i + "].";
            if (o == null) {
                errors.add(new FieldError("outputs[" + i + "]", "must not be null"));
                continue;
            }
            if (!"output".equals(o.kind()) && !"outcome".equals(o.kind())) {
                errors.add(new FieldError(at + "kind", "must be output or outcome"));
            }
            if (o.statement() == null || o.statement().isBlank() || o.statement().length() > TextBounds.STATEMENT) {
                errors.add(new FieldError(at + "statement", "must not be blank (at most " + TextBounds.STATEMENT + " characters)"));
            }
            for (var q : List.of(new Object[]{"targetQuantity", o.targetQuantity()},
                    new Object[]{"achievedQuantity", o.achievedQuantity()})) {
                BigDecimal v = (BigDecimal) q[1];
                if (v != null && (v.signum() < 0 || v.stripTrailingZeros().scale() > 4)) {
                    errors.add(new FieldError(at + q[0], "must not be negative, at most four decimals"));
                }
            }
            if (o.unit() != null && o.unit().length() > TextBounds.CODE) {
                errors.add(new FieldError(at + "unit", "is longer than " + TextBounds.CODE + " characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        List<LineOutput> stored = LineOutput.list("lineId = ?1 order by kind desc, ordinal", line.id);
        List<List<Object>> before = stored.stream().map(o -> List.<Object>of(o.kind, o.statement,
                String.valueOf(strip(o.targetQuantity)), String.valueOf(strip(o.achievedQuantity)),
                String.valueOf(o.unit))).toList();
        List<List<Object>> after = outputs.stream().sorted((a, b) -> b.kind().compareTo(a.kind()))
                .map(o -> List.<Object>of(o.kind(), o.statement(), String.valueOf(strip(o.targetQuantity())),
                        String.valueOf(strip(o.achievedQuantity())), String.valueOf(o.unit()))).toList();
        if (before.equals(after)) {
            return false;
        }
        LineOutput.delete("lineId", line.id);
        int ordinal = 0;
        for (OutputInput o : outputs) {
            LineOutput output = new LineOutput();
            output.lineId = line.id;
            output.kind = o.kind();
            output.ordinal = ++ordinal;
            output.statement = o.statement();
            output.targetQuantity = o.targetQuantity();
            output.achievedQuantity = o.achievedQuantity();
            output.unit = o.unit();
            output.persist();
        }
        return true;
    }

    /** Replaces the line's links to the plan; true when they differ from the stored ones. */
    private boolean replaceLinks(BudgetLine line, List<LinkInput> links) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < links.size(); i++) {
            LinkInput l = links.get(i);
            String at = "links[" + i + "].";
            if (l == null || l.sasaran() == null || !PLAN_CODE.matcher(l.sasaran()).matches()) {
                errors.add(new FieldError(at + "sasaran", "must be a sasaran code of the agency's plan, such as S1"));
                continue;
            }
            if (l.indicator() != null && !PLAN_CODE.matcher(l.indicator()).matches()) {
                errors.add(new FieldError(at + "indicator", "must be an indicator code of the agency's plan, such as IK1"));
            }
            if (l.statedAbsorption() != null && l.statedAbsorption().signum() < 0) {
                errors.add(new FieldError(at + "statedAbsorption", "must not be negative"));
            }
            if (!seen.add(l.sasaran() + "/" + l.indicator())) {
                errors.add(new FieldError(at + "sasaran", "is listed twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        List<LineLink> stored = LineLink.list("lineId = ?1", line.id);
        Set<String> before = new HashSet<>();
        stored.forEach(l -> before.add(l.sasaranCode + "/" + l.indicatorCode + "/" + strip(l.statedAbsorption)));
        Set<String> after = new HashSet<>();
        links.forEach(l -> after.add(l.sasaran() + "/" + l.indicator() + "/" + strip(l.statedAbsorption())));
        if (before.equals(after)) {
            return false;
        }
        LineLink.delete("lineId", line.id);
        em.flush();
        for (LinkInput l : links) {
            LineLink link = new LineLink();
            link.lineId = line.id;
            link.sasaranCode = l.sasaran();
            link.indicatorCode = l.indicator();
            link.statedAbsorption = l.statedAbsorption();
            link.persist();
        }
        return true;
    }

    private static BigDecimal strip(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros();
    }

    static ApiProblem refused(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message())
                .collect(java.util.stream.Collectors.joining("; "));
        return new ApiProblem(400, "Invalid request", detail, errors);
    }
}
