package id.go.maluku.sakip.reporting.service;

import id.go.maluku.sakip.reporting.domain.OrdinalScale;

import id.go.maluku.sakip.reporting.domain.Absorption;
import id.go.maluku.sakip.reporting.domain.Capaian;
import id.go.maluku.sakip.reporting.domain.CapaianPolicy;
import id.go.maluku.sakip.reporting.domain.Efficiency;
import id.go.maluku.sakip.reporting.domain.LastYear;
import id.go.maluku.sakip.reporting.domain.Polarity;
import id.go.maluku.sakip.reporting.domain.RenstraProgress;
import id.go.maluku.sakip.reporting.domain.Target;
import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.reporting.readmodel.IndicatorResult;
import id.go.maluku.sakip.reporting.readmodel.RmAgency;
import id.go.maluku.sakip.reporting.readmodel.RmBudgetLine;
import id.go.maluku.sakip.reporting.readmodel.RmBudgetLink;
import id.go.maluku.sakip.reporting.readmodel.RmIndicator;
import id.go.maluku.sakip.reporting.readmodel.RmIndicatorDefinition;
import id.go.maluku.sakip.reporting.readmodel.RmRenstra;
import id.go.maluku.sakip.reporting.readmodel.RmSasaran;
import id.go.maluku.sakip.reporting.readmodel.RmTarget;
import id.go.maluku.sakip.reporting.readmodel.SasaranResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The performance of an agency for a year, read from the computed results: per sasaran and
 * indicator the target, realisasi, raw and capped capaian, category, last year's comparison,
 * progress along the Renstra, and the absorption of the budget lines that serve the sasaran.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PerformanceQuery {

    /** A range target, as TargetValue writes it. */
    @Schema(name = "TargetRange", requiredProperties = {"low", "high"})
    public record TargetRangeSchema(@Schema(examples = "80") BigDecimal low, @Schema(examples = "90") BigDecimal high) {
    }

    /**
     * A target, one type wherever one is written (an indicator's, last year's, the Renstra's), as
     * planning's TargetValue: a number, a range, or a level of the indicator's ordinal scale. An
     * interface, so that the document names the type once (its oneOf) and a nullable property is
     * that type or null; {@link Held} writes the value itself, not an object around it.
     */
    @Schema(name = "TargetValue", description = "A number, a range {low, high}, or a level of the indicator's ordinal scale",
            oneOf = {BigDecimal.class, TargetRangeSchema.class, String.class})
    public interface TargetValue {

        /** The value as Target.json() or targetValue(...) gives it (a BigDecimal, a range map, a level); null stays null. */
        static TargetValue of(Object json) {
            return json == null ? null : new Held(json);
        }

        record Held(@com.fasterxml.jackson.annotation.JsonValue Object value) implements TargetValue {
        }
    }

    @Schema(requiredProperties = {"status", "capaian", "capaianRaw", "category", "reason"})
    public record CapaianView(String status,
                              @Schema(nullable = true) BigDecimal capaian,
                              @Schema(nullable = true) BigDecimal capaianRaw,
                              @Schema(nullable = true) String category,
                              @Schema(nullable = true) String reason) {
        static CapaianView of(Capaian c) {
            return c == null ? null : new CapaianView(c.status().name(), c.percent(), c.raw(), c.category(), c.reason());
        }
    }

    @Schema(requiredProperties = {"year", "target", "realisasi", "status", "capaian", "capaianRaw", "category",
            "change"})
    public record LastYearView(int year,
                               @Schema(nullable = true) TargetValue target,
                               @Schema(nullable = true) BigDecimal realisasi,
                               @Schema(nullable = true) String status,
                               @Schema(nullable = true) BigDecimal capaian,
                               @Schema(nullable = true) BigDecimal capaianRaw,
                               @Schema(nullable = true) String category,
                               @Schema(nullable = true) BigDecimal change) {
    }

    @Schema(requiredProperties = {"year", "kind", "target", "realisasi"})
    public record RenstraYear(int year,
                              @Schema(nullable = true) String kind,
                              @Schema(nullable = true) TargetValue target,
                              @Schema(nullable = true) BigDecimal realisasi) {
    }

    @Schema(requiredProperties = {"startYear", "endYear", "years", "endTarget", "latestYear", "latestRealisasi",
            "progress"})
    public record RenstraView(int startYear,
                              int endYear,
                              List<RenstraYear> years,
                              @Schema(nullable = true) TargetValue endTarget,
                              @Schema(nullable = true) Integer latestYear,
                              @Schema(nullable = true) BigDecimal latestRealisasi,
                              @Schema(nullable = true) CapaianView progress) {
    }

    @Schema(requiredProperties = {"code", "name", "unit", "polarity", "iku", "targetKind", "target", "targetText",
            "realisasi", "realisasiLevel", "realisasiSource", "status", "capaian", "capaianRaw", "category", "reason", "weight",
            "realisasiUpdates", "freshness", "lastYear", "renstra"})
    public record IndicatorPerformance(String code,
                                       String name,
                                       @Schema(nullable = true) String unit,
                                       String polarity,
                                       boolean iku,
                                       @Schema(nullable = true) String targetKind,
                                       @Schema(nullable = true) TargetValue target,
                                       @Schema(nullable = true, description = "The target as the report prints it: \"150\", "
                                               + "\"80-90\", \"BB\"")
                                       String targetText,
                                       @Schema(nullable = true, description = "A number in the indicator's unit; for a grade "
                                               + "indicator (polarity ordinal) the rank of its level, 1 = lowest")
                                       BigDecimal realisasi,
                                       @Schema(nullable = true, description = "For a grade indicator: the level of its scale the "
                                               + "realisasi is (\"WDP\", \"B\"), as the report prints it; null for any other")
                                       String realisasiLevel,
                                       @Schema(nullable = true) String realisasiSource,
                                       String status,
                                       @Schema(nullable = true) BigDecimal capaian,
                                       @Schema(nullable = true) BigDecimal capaianRaw,
                                       @Schema(nullable = true) String category,
                                       @Schema(nullable = true) String reason,
                                       @Schema(nullable = true) BigDecimal weight,
                                       int realisasiUpdates,
                                       @Schema(nullable = true) OffsetDateTime freshness,
                                       @Schema(nullable = true) LastYearView lastYear,
                                       @Schema(nullable = true) RenstraView renstra) {
    }

    /**
     * Quarterly absorption: realisasi of the quarter against its cash plan (RAK). realisasi is null
     * when the quarter's spending is not known (some of the line's realisasi is known only for the
     * year); absorption is then not computable, as it is without a RAK or with a RAK of 0.
     */
    @Schema(requiredProperties = {"quarter", "rak", "realisasi", "computable", "absorption"})
    public record QuarterView(int quarter,
                              @Schema(nullable = true) BigDecimal rak,
                              @Schema(nullable = true) BigDecimal realisasi,
                              boolean computable,
                              @Schema(nullable = true) BigDecimal absorption) {
    }

    @Schema(requiredProperties = {"code", "name", "programCode", "unitCode", "fundingSource", "pagu", "realisasi",
            "absorption", "quarters"})
    public record BudgetLineView(String code,
                                 @Schema(nullable = true) String name,
                                 @Schema(nullable = true) String programCode,
                                 @Schema(nullable = true) String unitCode,
                                 @Schema(nullable = true) String fundingSource,
                                 @Schema(nullable = true) BigDecimal pagu,
                                 @Schema(nullable = true) BigDecimal realisasi,
                                 @Schema(nullable = true) BigDecimal absorption,
                                 @Schema(nullable = true) List<QuarterView> quarters) {
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper AMOUNTS = new com.fasterxml.jackson.databind.ObjectMapper();

    static List<QuarterView> quarters(RmBudgetLine line) {
        if (line.rak == null || line.realisasiByQuarter == null) {
            return null;
        }
        try {
            BigDecimal[] rak = AMOUNTS.readValue(line.rak, BigDecimal[].class);
            BigDecimal[] spent = AMOUNTS.readValue(line.realisasiByQuarter, BigDecimal[].class);
            List<QuarterView> quarters = new ArrayList<>();
            for (int q = 0; q < Math.min(rak.length, spent.length); q++) {
                if (rak[q] == null || spent[q] == null) {
                    // a year total is in no quarter: never the whole year against one quarter's RAK
                    quarters.add(new QuarterView(q + 1, rak[q], spent[q], false, null));
                    continue;
                }
                Absorption a = Absorption.of(rak[q], spent[q]);
                quarters.add(new QuarterView(q + 1, rak[q], spent[q], a.computable(), a.percent()));
            }
            return quarters;
        } catch (Exception e) {
            throw new IllegalStateException("stored quarters of line " + line.lineId + " unreadable", e);
        }
    }

    @Schema(requiredProperties = {"pagu", "realisasi", "computable", "absorption", "reason", "lines"})
    public record BudgetView(@Schema(nullable = true) BigDecimal pagu,
                             @Schema(nullable = true) BigDecimal realisasi,
                             boolean computable,
                             @Schema(nullable = true) BigDecimal absorption,
                             @Schema(nullable = true) String reason,
                             @Schema(nullable = true) List<BudgetLineView> lines) {
        static BudgetView of(List<RmBudgetLine> lines, boolean withLines) {
            Absorption a = Absorption.total(lines.stream().map(PerformanceQuery::money).toList());
            return new BudgetView(a.pagu(), a.realisasi(), a.computable(), a.percent(), a.reason(), withLines
                    ? lines.stream().map(l -> new BudgetLineView(l.code, l.name, l.programCode, l.unitCode,
                    l.fundingSource, l.pagu, l.realisasi, Absorption.of(l.pagu, l.realisasi).percent(), quarters(l)))
                    .toList()
                    : null);
        }
    }

    @Schema(requiredProperties = {"computable", "ratio", "efficiency", "reason"})
    public record EfficiencyView(boolean computable,
                                 @Schema(nullable = true) BigDecimal ratio,
                                 @Schema(nullable = true) BigDecimal efficiency,
                                 @Schema(nullable = true) String reason) {
        static EfficiencyView of(Efficiency e) {
            return new EfficiencyView(e.computable(), e.ratio(), e.efficiency(), e.reason());
        }
    }

    @Schema(requiredProperties = {"code", "name", "ordinal", "status", "capaian", "capaianRaw", "category",
            "freshness", "lastYear", "budget", "efficiency", "indicators"})
    public record SasaranPerformance(String code,
                                     @Schema(nullable = true) String name,
                                     int ordinal,
                                     String status,
                                     @Schema(nullable = true) BigDecimal capaian,
                                     @Schema(nullable = true) BigDecimal capaianRaw,
                                     @Schema(nullable = true) String category,
                                     @Schema(nullable = true) OffsetDateTime freshness,
                                     @Schema(nullable = true) LastYearView lastYear,
                                     @Schema(nullable = true) BudgetView budget,
                                     @Schema(nullable = true) EfficiencyView efficiency,
                                     List<IndicatorPerformance> indicators) {
    }

    /**
     * The policy the figures were computed with. categoryBasis: what every category (indicator,
     * sasaran, agency) is taken from: CAPPED (the reported value's band), RAW (the raw value's band)
     * or TARGET (realisasi against target in targetLabels' words; a sasaran or the agency by its mean
     * raw capaian against 100).
     */
    @Schema(requiredProperties = {"version", "cap", "negativeFormula", "zeroTarget", "ordinalNotMet",
            "categoryBasis", "targetLabels"})
    public record PolicyView(int version,
                             @Schema(nullable = true) BigDecimal cap,
                             @Schema(nullable = true) String negativeFormula,
                             @Schema(nullable = true) String zeroTarget,
                             @Schema(nullable = true) String ordinalNotMet,
                             @Schema(nullable = true) String categoryBasis,
                             @Schema(nullable = true) CapaianPolicy.TargetLabels targetLabels) {
    }

    /**
     * status: the agency's capaian status; NO_TARGET when it has no target for the year but a budget,
     * which is then served with its lines and absorption (sasaran empty).
     */
    @Schema(requiredProperties = {"agency", "agencyName", "year", "status", "capaian", "capaianRaw", "category",
            "freshness", "policy", "budget", "sasaran"})
    public record Performance(String agency,
                              @Schema(nullable = true) String agencyName,
                              int year,
                              String status,
                              @Schema(nullable = true) BigDecimal capaian,
                              @Schema(nullable = true) BigDecimal capaianRaw,
                              @Schema(nullable = true) String category,
                              @Schema(nullable = true) OffsetDateTime freshness,
                              @Schema(nullable = true) PolicyView policy,
                              @Schema(nullable = true) BudgetView budget,
                              List<SasaranPerformance> sasaran) {
    }

    @Inject
    Policies policies;

    @Inject
    PerformanceReader reader;

    public RmAgency agency(String agencyCode) {
        return RmAgency.<RmAgency>find("agencyCode", agencyCode).firstResultOptional()
                .orElseThrow(() -> ApiProblem.notFound("agency", agencyCode));
    }

    /** Read in one snapshot (PerformanceReader): every part of the document is of the same moment. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Performance performance(String agencyCode, int year) {
        PerformanceReader.Facts facts = reader.read(agencyCode, year);
        if (facts.agency() == null) {
            throw ApiProblem.notFound("agency", agencyCode);
        }
        RmAgency agency = facts.agency();
        List<IndicatorResult> all = facts.results();
        CapaianPolicy policy = facts.policy() == null ? CapaianPolicy.DEFAULT : policies.toDomain(facts.policy());
        if (all.stream().noneMatch(r -> r.year == year && r.target != null || r.year == year && r.targetText != null)) {
            if (facts.lines().isEmpty()) {
                throw new ApiProblem(404, "Not found", "agency '" + agencyCode + "' has neither targets nor a budget for "
                        + year, List.of());
            }
            // a budget without targets (issue 23): its spending is still to be seen and reviewed
            return new Performance(agency.agencyCode, agency.name, year, Capaian.Status.NO_TARGET.name(), null, null, null,
                    null, policyView(policy), BudgetView.of(facts.lines(), true), List.of());
        }
        Map<UUID, RmIndicator> indicators = facts.indicators().stream()
                .collect(Collectors.toMap(i -> i.indicatorId, Function.identity()));
        Map<UUID, RmIndicatorDefinition> definitions = facts.definitions().stream()
                .collect(Collectors.toMap(d -> d.indicatorId, Function.identity()));
        Map<UUID, RmSasaran> sasaran = facts.sasaran().stream()
                .collect(Collectors.toMap(s -> s.sasaranId, Function.identity()));
        Map<String, SasaranResult> sasaranResults = new HashMap<>();
        facts.sasaranResults().forEach(s -> sasaranResults.put(s.sasaranId + "/" + s.year, s));
        Map<String, IndicatorResult> byIndicatorYear = new HashMap<>();
        all.forEach(r -> byIndicatorYear.put(r.indicatorId + "/" + r.year, r));
        Map<UUID, List<RmTarget>> targets = facts.targets().stream().collect(Collectors.groupingBy(t -> t.indicatorId));
        RmRenstra renstra = facts.renstra();
        List<RmBudgetLine> lines = facts.lines();
        Map<UUID, RmBudgetLine> linesById = lines.stream().collect(Collectors.toMap(l -> l.lineId, Function.identity()));
        Map<String, List<RmBudgetLine>> linesBySasaran = new HashMap<>();
        for (RmBudgetLink link : facts.links()) {
            List<RmBudgetLine> of = linesBySasaran.computeIfAbsent(link.sasaranCode, k -> new ArrayList<>());
            RmBudgetLine line = linesById.get(link.lineId);
            if (!of.contains(line)) {
                of.add(line);
            }
        }

        Map<UUID, List<IndicatorResult>> bySasaran = all.stream()
                .filter(r -> r.year == year && indicators.containsKey(r.indicatorId))
                .collect(Collectors.groupingBy(r -> r.sasaranId));
        List<SasaranPerformance> rows = new ArrayList<>();
        OffsetDateTime freshness = null;
        for (Map.Entry<UUID, List<IndicatorResult>> entry : bySasaran.entrySet()) {
            RmSasaran s = sasaran.get(entry.getKey());
            SasaranResult sr = sasaranResults.get(entry.getKey() + "/" + year);
            if (s == null || sr == null) {
                continue; // the sasaran's own event has not arrived yet
            }
            List<IndicatorPerformance> indicatorRows = entry.getValue().stream()
                    .map(r -> indicator(r, indicators.get(r.indicatorId), definitions.get(r.indicatorId),
                            byIndicatorYear.get(r.indicatorId + "/" + (year - 1)),
                            targets.getOrDefault(r.indicatorId, List.of()), all, renstra, policy))
                    .sorted(Comparator.comparing(IndicatorPerformance::code))
                    .toList();
            SasaranResult last = sasaranResults.get(entry.getKey() + "/" + (year - 1));
            LastYear lastYear = last == null ? null
                    : LastYear.of(year - 1, null, Recalculator.stored(last), Recalculator.stored(sr));
            BudgetView budget = BudgetView.of(linesBySasaran.getOrDefault(s.code, List.of()), true);
            Absorption absorption = Absorption.total(linesBySasaran.getOrDefault(s.code, List.of()).stream()
                    .map(PerformanceQuery::money).toList());
            rows.add(new SasaranPerformance(s.code, s.name, s.ordinal, sr.status, sr.capaian, sr.capaianRaw, sr.category,
                    sr.freshness, lastYear == null ? null : new LastYearView(year - 1, null, null, last.status,
                    last.capaian, last.capaianRaw, last.category, lastYear.change()), budget,
                    EfficiencyView.of(Efficiency.of(Recalculator.stored(sr), absorption)), indicatorRows));
            freshness = freshness == null || sr.freshness.isAfter(freshness) ? sr.freshness : freshness;
        }
        rows.sort(Comparator.comparingInt(SasaranPerformance::ordinal).thenComparing(SasaranPerformance::code));
        Capaian overall = agencyCapaian(rows.stream().map(r -> new Capaian.Weighted(
                r.capaian() == null ? Capaian.notComputed(Capaian.Status.valueOf(r.status()), r.status())
                        : new Capaian(Capaian.Status.COMPUTED, r.capaianRaw(), r.capaian(), r.category(), null), null))
                .toList(), policy);
        return new Performance(agency.agencyCode, agency.name, year, overall.status().name(), overall.percent(),
                overall.raw(), overall.category(), freshness,
                policyView(policy), BudgetView.of(lines, false), rows);
    }

    private static PolicyView policyView(CapaianPolicy policy) {
        return new PolicyView(policy.version(), policy.cap(), policy.negativeFormula().name(), policy.zeroTarget().name(),
                policy.ordinalNotMet().name(), policy.categoryBasis().name(), policy.targetLabels());
    }

    /** The agency: the mean of its sasaran. */
    static Capaian agencyCapaian(List<Capaian.Weighted> sasaran, CapaianPolicy policy) {
        return Capaian.mean(sasaran, policy);
    }

    private IndicatorPerformance indicator(IndicatorResult r, RmIndicator i, RmIndicatorDefinition definition,
                                           IndicatorResult last, List<RmTarget> targets, List<IndicatorResult> all,
                                           RmRenstra renstra, CapaianPolicy policy) {
        LastYearView lastYear = null;
        if (last != null) {
            LastYear comparison = LastYear.of(last.year, last.realisasi, Recalculator.stored(last), Recalculator.stored(r));
            lastYear = new LastYearView(last.year, TargetValue.of(targetValue(last.target, targetOf(targets, last.year))),
                    plain(last.realisasi), last.status, last.capaian,
                    last.capaianRaw, last.category, comparison.change());
        }
        String polarity = definition != null ? definition.polarity : i.polarity;
        OrdinalScale scale = polarity == null ? null : OrdinalScale.of(Polarity.of(polarity), policies.scale(definition));
        return new IndicatorPerformance(i.code, i.name, i.unit, polarity,
                definition != null && definition.iku, r.targetKind, TargetValue.of(targetValue(r.target, targetOf(targets, r.year))),
                r.targetText, plain(r.realisasi), scale == null ? null : scale.level(r.realisasi),
                r.realisasiSource, r.status, r.capaian, r.capaianRaw, r.category, r.reason, r.weight, r.realisasiUpdates,
                r.freshness, lastYear, renstra(r, i, definition, targets, all, renstra, policy));
    }

    /** Along the Renstra (or, without one, the years the indicator has targets for). */
    private RenstraView renstra(IndicatorResult r, RmIndicator i, RmIndicatorDefinition definition, List<RmTarget> targets,
                                List<IndicatorResult> all, RmRenstra renstra, CapaianPolicy policy) {
        if (renstra == null && targets.isEmpty()) {
            return null;
        }
        int start = renstra != null ? renstra.startYear : targets.stream().mapToInt(t -> t.year).min().orElseThrow();
        int end = renstra != null ? renstra.endYear : targets.stream().mapToInt(t -> t.year).max().orElseThrow();
        Map<Integer, Target> byYear = new HashMap<>();
        List<String> scale = policies.scale(definition);
        for (RmTarget t : targets) {
            try {
                byYear.put(t.year, Recalculator.toTarget(t, scale));
            } catch (IllegalArgumentException | NullPointerException e) {
                // a target that does not fit the indicator is shown as missing
            }
        }
        Map<Integer, BigDecimal> realisasi = new HashMap<>();
        all.stream().filter(x -> x.indicatorId.equals(r.indicatorId) && x.realisasi != null)
                .forEach(x -> realisasi.put(x.year, x.realisasi));
        Polarity polarity = Polarity.of(definition != null ? definition.polarity : i.polarity);
        RenstraProgress progress;
        try {
            progress = RenstraProgress.of(start, end, r.year, polarity, byYear, realisasi, policy);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return new RenstraView(progress.startYear(), progress.endYear(), progress.years().stream()
                .map(y -> new RenstraYear(y.year(), y.kind(), y.target() == null ? null : TargetValue.of(y.target().json()),
                        plain(y.realisasi()))).toList(),
                progress.endTarget() == null ? null : TargetValue.of(progress.endTarget().json()), progress.latestYear(),
                plain(progress.latestRealisasi()), CapaianView.of(progress.progress()));
    }

    /** The indicator's target row of the year, if any. */
    private static RmTarget targetOf(List<RmTarget> targets, int year) {
        return targets.stream().filter(t -> t.year == year).findFirst().orElse(null);
    }

    /**
     * A result's target, typed: its number as computed with (the result's), or, for a range or an
     * ordinal target (which carry no number), the range or the level of the target's row.
     */
    static Object targetValue(BigDecimal number, RmTarget row) {
        if (row != null && "range".equals(row.kind) && row.rangeLow != null && row.rangeHigh != null) {
            return id.go.maluku.sakip.reporting.domain.Target.rangeJson(plain(row.rangeLow), plain(row.rangeHigh));
        }
        if (row != null && "ordinal".equals(row.kind) && row.level != null) {
            return row.level;
        }
        return plain(number);
    }

    static Absorption.Line money(RmBudgetLine line) {
        return new Absorption.Line(line.lineId.toString(), line.pagu, line.realisasi);
    }

    /** 150.0000 as 150, as the unit is written. */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static Set<UUID> nonEmpty(Set<UUID> ids) {
        return ids.isEmpty() ? Set.of(new UUID(0, 0)) : ids;
    }
}
