package id.go.maluku.sakip.reporting.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.reporting.domain.Absorption;
import id.go.maluku.sakip.reporting.domain.Efficiency;
import id.go.maluku.sakip.reporting.domain.EfficiencyFigure;
import id.go.maluku.sakip.reporting.domain.OrdinalScale;
import id.go.maluku.sakip.reporting.domain.Polarity;
import id.go.maluku.sakip.reporting.lkip.LkipData;
import id.go.maluku.sakip.reporting.readmodel.EfficiencyOverride;
import id.go.maluku.sakip.reporting.readmodel.IndicatorResult;
import id.go.maluku.sakip.reporting.readmodel.LkipNarrative;
import id.go.maluku.sakip.reporting.readmodel.RmAgency;
import id.go.maluku.sakip.reporting.readmodel.RmBudgetLine;
import id.go.maluku.sakip.reporting.readmodel.RmDocument;
import id.go.maluku.sakip.reporting.readmodel.RmIndicator;
import id.go.maluku.sakip.reporting.readmodel.RmIndicatorDefinition;
import id.go.maluku.sakip.reporting.readmodel.RmSasaran;
import id.go.maluku.sakip.reporting.readmodel.RmTarget;
import id.go.maluku.sakip.reporting.readmodel.SasaranResult;
import id.go.maluku.sakip.reporting.review.Finding;
import id.go.maluku.sakip.reporting.review.Review;
import id.go.maluku.sakip.reporting.review.ReviewInput;
import id.go.maluku.sakip.reporting.review.StatedText;
import id.go.maluku.sakip.reporting.stated.LkipStatedFigure;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Gathers what an LKIP prints from reporting's own read model (never from the other services)
 * and runs the review on the same data, so that the report and its findings agree.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LkipService {

    /** Provinces of Indonesia: a narrative naming one that is not the agency's is a finding. */
    static final List<String> PROVINCES = List.of("Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Jambi",
            "Sumatera Selatan", "Bengkulu", "Lampung", "Kepulauan Bangka Belitung", "Kepulauan Riau", "DKI Jakarta",
            "Jawa Barat", "Jawa Tengah", "DI Yogyakarta", "Jawa Timur", "Banten", "Bali", "Nusa Tenggara Barat",
            "Nusa Tenggara Timur", "Kalimantan Barat", "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur",
            "Kalimantan Utara", "Sulawesi Utara", "Sulawesi Tengah", "Sulawesi Selatan", "Sulawesi Tenggara", "Gorontalo",
            "Sulawesi Barat", "Maluku Utara", "Papua Barat", "Papua", "Papua Selatan", "Papua Tengah", "Papua Pegunungan",
            "Papua Barat Daya", "Maluku");

    @Inject
    ObjectMapper mapper;

    @Inject
    StatedFigureService stated;

    @Inject
    Policies policies;

    @Inject
    StatedTotalService statedTotals;

    public record Gathered(LkipData data, ReviewInput review) {
    }

    public Gathered gather(String agencyCode, int year, boolean draft) {
        return gather(agencyCode, year, draft, false);
    }

    /**
     * budgetIsEnough: for the review, an agency with a budget but neither an agreement nor targets
     * of the year is gathered too (issue 23), so that the budget rules check its printed figures; an
     * LKIP without a Perjanjian Kinerja is still refused.
     */
    private Gathered gather(String agencyCode, int year, boolean draft, boolean budgetIsEnough) {
        RmAgency agency = RmAgency.<RmAgency>find("agencyCode", agencyCode).firstResultOptional()
                .orElseThrow(() -> ApiProblem.notFound("agency", agencyCode));
        JsonNode pk = latestPk(agencyCode, year);
        List<IndicatorResult> results = IndicatorResult.list("agencyCode = ?1 and year = ?2", agencyCode, year);
        if (pk == null && results.stream().noneMatch(r -> r.target != null || r.targetText != null)
                && !(budgetIsEnough && RmBudgetLine.count("agencyCode = ?1 and fiscalYear = ?2", agencyCode, year) > 0)) {
            throw new ApiProblem(422, "Unprocessable", "agency '" + agencyCode + "' has no Perjanjian Kinerja for " + year
                    + ": neither an agreement nor targets of the year are known"
                    + (budgetIsEnough ? ", nor a budget" : ""), List.of(
                    new ApiProblem.FieldError("perjanjianKinerja", "missing for " + year)));
        }
        Map<UUID, RmIndicator> indicators = new HashMap<>();
        RmIndicator.<RmIndicator>list("agencyCode", agencyCode).forEach(i -> indicators.put(i.indicatorId, i));
        Map<String, RmIndicator> indicatorsByCode = new HashMap<>();
        indicators.values().forEach(i -> indicatorsByCode.put(i.code, i));
        List<RmSasaran> sasaranList = RmSasaran.list("agencyCode", Sort.by("ordinal").and("code"), agencyCode);
        Map<String, String> sasaranNames = new HashMap<>();
        sasaranList.forEach(s -> sasaranNames.put(s.code, s.name));

        List<JsonNode> budgetLines = new ArrayList<>();
        for (RmDocument doc : RmDocument.of(agencyCode, RmDocument.BUDGET_LINE)) {
            JsonNode line = read(doc.content);
            if (line.path("fiscalYear").asInt() == year) {
                budgetLines.add(line);
            }
        }
        budgetLines.sort(Comparator.comparing(l -> l.path("code").asText()));

        List<LkipData.SasaranData> sasaran = new ArrayList<>();
        List<ReviewInput.IndicatorFigures> figures = new ArrayList<>();
        Map<String, EfficiencyOverride> overrides = EfficiencyOverride.current(agencyCode, year);
        for (RmSasaran s : sasaranList) {
            List<LkipData.IndicatorData> rows = new ArrayList<>();
            for (IndicatorResult r : results) {
                RmIndicator indicator = indicators.get(r.indicatorId);
                if (indicator == null || !s.sasaranId.equals(r.sasaranId) || r.target == null && r.realisasi == null) {
                    continue;
                }
                IndicatorResult last = IndicatorResult.find("indicatorId = ?1 and year = ?2", r.indicatorId, year - 1).firstResult();
                // a grade indicator (the plan's polarity ordinal): its realisasi are ranks on the plan's
                // scale, and its targets, which carry no number, are carried as the ranks of their levels
                OrdinalScale grades = grades(indicator);
                Map<Integer, BigDecimal> realisasiByYear = new TreeMap<>();
                IndicatorResult.<IndicatorResult>list("indicatorId", r.indicatorId).forEach(x -> {
                    if (x.realisasi != null && x.year <= year) {
                        realisasiByYear.put(x.year, x.realisasi);
                    }
                });
                Map<Integer, BigDecimal> targetByYear = new TreeMap<>();
                RmTarget.<RmTarget>list("indicatorId", r.indicatorId).forEach(t -> {
                    BigDecimal value = grades != null && "ordinal".equals(t.kind) ? grades.rank(t.level) : t.value;
                    if (value != null) {
                        targetByYear.put(t.year, value);
                    }
                });
                BigDecimal target = grades != null && "ordinal".equals(r.targetKind) ? grades.rank(r.targetText) : r.target;
                // the policy's figure (capped where it caps) and the raw one, this year's and last year's
                rows.add(new LkipData.IndicatorData(indicator.code, indicator.name, indicator.unit, target, r.realisasi,
                        r.capaianRaw != null ? r.capaianRaw : r.capaian, r.capaian, r.category,
                        last == null ? null : last.realisasi, last == null ? null : last.capaian,
                        last == null ? null : (last.capaianRaw != null ? last.capaianRaw : last.capaian),
                        realisasiByYear, targetByYear, grades));
                figures.add(new ReviewInput.IndicatorFigures(indicator.code + " " + year, target, r.realisasi,
                        grades == null ? null : grades.levels()));
            }
            if (rows.isEmpty()) {
                continue;
            }
            rows.sort(Comparator.comparing(LkipData.IndicatorData::code));
            SasaranResult sr = SasaranResult.find("sasaranId = ?1 and year = ?2", s.sasaranId, year).firstResult();
            List<LkipData.BudgetRow> budget = new ArrayList<>();
            for (JsonNode line : budgetLines) {
                for (JsonNode link : line.path("links")) {
                    if (s.code.equals(link.path("sasaranCode").asText())) {
                        budget.add(budgetRow(line, link));
                    }
                }
            }
            // the policy's figure, as the category is of it, and the raw one beside it
            sasaran.add(new LkipData.SasaranData(s.code, s.name, sr == null ? null : sr.capaian,
                    sr == null ? null : (sr.capaianRaw != null ? sr.capaianRaw : sr.capaian),
                    sr == null ? null : sr.category, rows, budget, efficiency(s.code, sr, budgetLines, overrides)));
        }

        JsonNode profile = section(agencyCode, "profile");
        JsonNode province = onlyProvince();
        List<String> governorMisi = new ArrayList<>();
        if (province != null) {
            province.path("misi").forEach(m -> governorMisi.add(m.path("text").asText()));
        }
        List<LkipData.PkRow> pkRows = new ArrayList<>();
        if (pk != null) {
            for (JsonNode item : pk.path("items")) {
                RmIndicator indicator = indicatorsByCode.get(item.path("indicatorCode").asText());
                // a grade ("B") is printed alone: its level says what it is
                String unit = indicator == null || item.path("target").isTextual() ? "" : " " + indicator.unit;
                pkRows.add(new LkipData.PkRow(sasaranNames.getOrDefault(item.path("sasaranCode").asText(), item.path("sasaranCode").asText()),
                        indicator == null ? item.path("indicatorCode").asText() : indicator.name,
                        target(item.path("target")) + unit));
            }
        }
        List<LkipData.IkuRow> iku = new ArrayList<>();
        for (RmDocument doc : RmDocument.of(agencyCode, RmDocument.INDICATOR)) {
            JsonNode d = read(doc.content);
            if (d.path("iku").asBoolean()) {
                iku.add(new LkipData.IkuRow(d.path("sasaranCode").asText(), d.path("name").asText(), d.path("formula").asText(""),
                        d.path("dataSource").asText(""), d.path("responsibleUnit").asText("")));
            }
        }
        iku.sort(Comparator.comparing(LkipData.IkuRow::sasaran));
        Map<String, String> narratives = LkipNarrative.latest(agencyCode, year);
        JsonNode personnel = section(agencyCode, "personnel");
        ReviewInput review = reviewInput(agency, year, budgetLines, personnel, figures,
                statedFigures(agencyCode, year, indicatorsByCode), narratives, statements(agencyCode, year, results, indicators));
        List<LkipData.Finding> findings = draft ? Review.run(review).stream()
                .map(f -> new LkipData.Finding(f.rule(), f.where(), f.stated(), f.computed(), f.severity().name().toLowerCase()))
                .toList() : List.of();
        LkipData data = new LkipData(agencyCode, agency.name, year, province == null ? "" : province.path("name").asText("")
                .replace("Provinsi ", ""), profile, section(agencyCode, "organisation"), personnel,
                section(agencyCode, "renstra"), planSasaran(agencyCode, sasaranList), province == null ? null : province.path("visi").asText(null), governorMisi,
                pkRows, iku, sasaran, narratives, draft, findings, policies.current(agencyCode));
        return new Gathered(data, review);
    }

    public List<Finding> review(String agencyCode, int year) {
        return Review.run(gather(agencyCode, year, false, true).review());
    }

    /**
     * The sasaran's efficiency as /performance computes it (its capaian against the absorption of
     * its lines, each counted once), or the figure set by hand with its justification; null where
     * the sasaran has neither a budget nor a figure set by hand.
     */
    private static EfficiencyFigure efficiency(String sasaranCode, SasaranResult sr, List<JsonNode> budgetLines,
                                               Map<String, EfficiencyOverride> overrides) {
        List<Absorption.Line> lines = new ArrayList<>();
        for (JsonNode line : budgetLines) {
            for (JsonNode link : line.path("links")) {
                if (sasaranCode.equals(link.path("sasaranCode").asText())) {
                    lines.add(new Absorption.Line(line.path("lineId").asText(),
                            line.path("pagu").decimalValue(), line.path("realisasi").decimalValue()));
                }
            }
        }
        EfficiencyOverride override = overrides.get(sasaranCode);
        if (lines.isEmpty() && override == null) {
            return null;
        }
        Efficiency computed = sr == null ? Efficiency.of(null, null)
                : Efficiency.of(Recalculator.stored(sr), Absorption.total(lines));
        return override == null ? EfficiencyFigure.computed(computed)
                : new EfficiencyFigure(computed, override.efficiency, override.justification);
    }

    private LkipData.BudgetRow budgetRow(JsonNode line, JsonNode link) {
        BigDecimal pagu = line.path("pagu").decimalValue();
        BigDecimal realisasi = line.path("realisasi").decimalValue();
        BigDecimal absorption = pagu.signum() == 0 ? null
                : realisasi.multiply(BigDecimal.valueOf(100)).divide(pagu, 2, RoundingMode.HALF_UP);
        List<String> outputs = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        for (JsonNode o : line.path("outputs")) {
            ("outcome".equals(o.path("kind").asText()) ? outcomes : outputs).add(o.path("statement").asText());
        }
        return new LkipData.BudgetRow(line.path("fundingSource").asText(""), line.path("programName").asText(""),
                line.path("name").asText(), line.path("unitName").asText(""), pagu, realisasi, absorption,
                link.path("statedAbsorption").isNumber() ? link.path("statedAbsorption").decimalValue() : null,
                String.join("; ", outputs), String.join("; ", outcomes));
    }

    /**
     * Every other statement of a realisasi of the year that a source document made, next to the
     * value that counts, so that the review sees a fact stated with two values.
     */
    private List<ReviewInput.Statement> statements(String agencyCode, int year, List<IndicatorResult> results,
                                                   Map<UUID, RmIndicator> indicators) {
        Map<String, List<ReviewInput.Statement>> byFact = new TreeMap<>();
        for (RmDocument doc : RmDocument.of(agencyCode, RmDocument.STATEMENT)) {
            JsonNode s = read(doc.content);
            if (s.path("year").asInt() != year || !"Y".equals(s.path("period").asText())) {
                continue;
            }
            String fact = "realisasi " + year + " of " + s.path("indicatorCode").asText();
            // a grade's statement carries its level beside the rank (realization's valueText)
            byFact.computeIfAbsent(fact, k -> new ArrayList<>()).add(new ReviewInput.Statement(fact,
                    s.path("statedIn").asText(), s.path("value").decimalValue(), s.path("valueText").asText(null)));
        }
        List<ReviewInput.Statement> all = new ArrayList<>();
        for (IndicatorResult r : results) {
            RmIndicator indicator = indicators.get(r.indicatorId);
            String fact = indicator == null ? null : "realisasi " + year + " of " + indicator.code;
            if (fact != null && byFact.containsKey(fact) && r.realisasi != null) {
                OrdinalScale grades = grades(indicator);
                all.add(new ReviewInput.Statement(fact, "nilai yang dihitung", r.realisasi,
                        grades == null ? null : grades.level(r.realisasi)));
                all.addAll(byFact.get(fact));
            }
        }
        return all;
    }

    private ReviewInput reviewInput(RmAgency agency, int year, List<JsonNode> budgetLines, JsonNode personnel,
                                    List<ReviewInput.IndicatorFigures> figures, List<ReviewInput.StatedFigure> printed,
                                    Map<String, String> narratives, List<ReviewInput.Statement> statements) {
        List<ReviewInput.BudgetLine> lines = new ArrayList<>();
        for (JsonNode line : budgetLines) {
            BigDecimal pagu = line.path("pagu").decimalValue();
            BigDecimal realisasi = line.path("realisasi").decimalValue();
            String name = line.path("name").asText() + " (" + line.path("code").asText() + ")";
            if (line.path("statedAbsorption").isNumber()) {
                lines.add(new ReviewInput.BudgetLine(name, line.path("lineId").asText(), pagu, realisasi,
                        line.path("statedAbsorption").decimalValue()));
            }
            for (JsonNode link : line.path("links")) {
                lines.add(new ReviewInput.BudgetLine("sasaran " + link.path("sasaranCode").asText() + ": " + name,
                        line.path("lineId").asText(), pagu, realisasi,
                        link.path("statedAbsorption").isNumber() ? link.path("statedAbsorption").decimalValue() : null));
            }
            if (line.path("links").isEmpty() && !line.path("statedAbsorption").isNumber()) {
                lines.add(new ReviewInput.BudgetLine(name, line.path("lineId").asText(), pagu, realisasi, null));
            }
        }
        List<ReviewInput.StatedTotal> totals = new ArrayList<>();
        if (personnel != null) {
            List<BigDecimal> byUnit = new ArrayList<>();
            personnel.path("byUnit").forEach(u -> byUnit.add(u.path("count").decimalValue()));
            if (personnel.path("statedTotal").isNumber() && !byUnit.isEmpty()) {
                totals.add(new ReviewInput.StatedTotal("personel: jumlah per unit", personnel.path("statedTotal").decimalValue(), byUnit));
            }
            for (JsonNode table : personnel.path("tables")) {
                String title = table.path("title").asText();
                List<BigDecimal> all = new ArrayList<>();
                for (JsonNode row : table.path("rows")) {
                    List<BigDecimal> parts = new ArrayList<>();
                    row.path("counts").forEach(c -> {
                        if (c.isNumber()) {
                            parts.add(c.decimalValue());
                        }
                    });
                    all.addAll(parts);
                    if (row.path("statedTotal").isNumber()) {
                        totals.add(new ReviewInput.StatedTotal(title + " / " + row.path("label").asText(),
                                row.path("statedTotal").decimalValue(), parts));
                    }
                }
                JsonNode stated = table.path("statedTotal").isNumber() ? table.path("statedTotal") : personnel.path("statedTotal");
                if (stated.isNumber() && table.has("statedTotal")) {
                    totals.add(new ReviewInput.StatedTotal(title + " / jumlah", stated.decimalValue(), all));
                }
            }
        }
        // the budget totals the report printed, each against the sum of its lines (issue 23, point 8)
        totals.addAll(statedTotals.forReview(agency.agencyCode, year));
        List<String> others = new ArrayList<>();
        RmAgency.<RmAgency>listAll().forEach(a -> {
            if (!a.agencyCode.equals(agency.agencyCode)) {
                others.add(a.name);
            }
        });
        for (String province : PROVINCES) {
            if (!agency.name.endsWith("Provinsi " + province)) {
                others.add("Provinsi " + province);
            }
        }
        Map<String, String> texts = new TreeMap<>(narratives);
        return new ReviewInput(agency.agencyCode, agency.name, year, lines, totals, statements, figures, printed, texts, others);
    }

    /**
     * Every figure the report's tables printed, as stated, next to the system's value of the same
     * indicator and year: the engine's capaian (raw and capped, computed with the agency's policy),
     * the year's realisasi, the plan's target.
     */
    private List<ReviewInput.StatedFigure> statedFigures(String agencyCode, int year, Map<String, RmIndicator> indicatorsByCode) {
        List<ReviewInput.StatedFigure> out = new ArrayList<>();
        for (LkipStatedFigure f : stated.of(agencyCode, year)) {
            ReviewInput.Figure figure = ReviewInput.Figure.valueOf(f.figure.toUpperCase(java.util.Locale.ROOT));
            String where = f.statedIn + ", " + f.indicatorCode + ", " + f.figure + " " + f.figureYear;
            // read again from the text: the printed precision decides how closely it is compared
            BigDecimal value = StatedText.read(f.stated).value();
            RmIndicator indicator = indicatorsByCode.get(f.indicatorCode);
            if (indicator == null) {
                out.add(new ReviewInput.StatedFigure(where, figure, f.stated, value, null, null, null,
                        "the system holds no " + f.figure + " of " + f.indicatorCode));
                continue;
            }
            IndicatorResult r = IndicatorResult.find("indicatorId = ?1 and year = ?2", indicator.indicatorId, f.figureYear)
                    .firstResult();
            BigDecimal computed = null;
            BigDecimal capped = null;
            String why;
            switch (figure) {
                case CAPAIAN -> {
                    if (r != null) {
                        computed = r.capaianRaw != null ? r.capaianRaw : r.capaian;
                        capped = r.capaian;
                    }
                    why = r == null ? "no target and no realisasi for " + f.figureYear
                            : r.reason != null ? r.reason : r.status.toLowerCase(java.util.Locale.ROOT);
                }
                case REALISASI -> {
                    computed = r == null ? null : r.realisasi;
                    why = "no realisasi for " + f.figureYear;
                }
                default -> {
                    RmTarget target = RmTarget.find("indicatorId = ?1 and year = ?2", indicator.indicatorId, f.figureYear)
                            .firstResult();
                    computed = r != null && r.target != null ? r.target : target == null ? null : target.value;
                    why = r != null && r.targetText != null ? "the target is " + r.targetText + ", not a number"
                            : "no target for " + f.figureYear;
                }
            }
            out.add(new ReviewInput.StatedFigure(where, figure, f.stated, value, indicator.unit, computed, capped,
                    why));
        }
        return out;
    }

    /**
     * Every sasaran of the plan in its order, with the Renstra tujuan it serves. The link comes from
     * the plan's "sasaran" section (the plan document's sasaran part: code, name, ordinal, tujuan)
     * when planning publishes it; sasaran.upserted.v1 does not carry it.
     */
    private List<LkipData.PlanSasaran> planSasaran(String agencyCode, List<RmSasaran> sasaranList) {
        Map<String, String> tujuan = new HashMap<>();
        JsonNode parts = section(agencyCode, "sasaran");
        if (parts != null && parts.isArray()) {
            parts.forEach(p -> {
                if (p.hasNonNull("code") && p.hasNonNull("tujuan")) {
                    tujuan.put(p.path("code").asText(), p.path("tujuan").asText());
                }
            });
        }
        return sasaranList.stream().map(s -> new LkipData.PlanSasaran(s.code, s.name, tujuan.get(s.code))).toList();
    }

    /**
     * The Perjanjian Kinerja the report prints: the newest signed version of the year (what the
     * head of the agency agreed to), not a newer draft; the newest draft only where none is signed
     * yet.
     */
    private JsonNode latestPk(String agencyCode, int year) {
        JsonNode signed = null;
        JsonNode latest = null;
        for (RmDocument doc : RmDocument.of(agencyCode, RmDocument.PK)) {
            JsonNode pk = read(doc.content);
            if (pk.path("year").asInt() != year) {
                continue;
            }
            if (latest == null || pk.path("version").asInt() > latest.path("version").asInt()) {
                latest = pk;
            }
            if (pk.hasNonNull("signedAt") && (signed == null || pk.path("version").asInt() > signed.path("version").asInt())) {
                signed = pk;
            }
        }
        return signed != null ? signed : latest;
    }

    private JsonNode section(String agencyCode, String name) {
        RmDocument doc = RmDocument.findById(new RmDocument.Key(RmDocument.SECTION, agencyCode + "/" + name));
        return doc == null ? null : read(doc.content).path("content");
    }

    private JsonNode onlyProvince() {
        List<RmDocument> provinces = RmDocument.list("kind", RmDocument.PROVINCE);
        return provinces.size() == 1 ? read(provinces.get(0).content) : null;
    }

    /** The ordered scale of a grade indicator, as the plan's definition states it; null for an indicator of numbers. */
    private OrdinalScale grades(RmIndicator indicator) {
        RmIndicatorDefinition definition = RmIndicatorDefinition.findById(indicator.indicatorId);
        String polarity = definition != null && definition.polarity != null ? definition.polarity : indicator.polarity;
        return polarity == null ? null : OrdinalScale.of(Polarity.of(polarity), policies.scale(definition));
    }

    private static String target(JsonNode target) {
        if (target.isNumber()) {
            return id.go.maluku.sakip.reporting.lkip.IdFormat.number(target.decimalValue());
        }
        if (target.isObject()) {
            return id.go.maluku.sakip.reporting.lkip.IdFormat.number(target.path("low").decimalValue()) + " - "
                    + id.go.maluku.sakip.reporting.lkip.IdFormat.number(target.path("high").decimalValue());
        }
        return target.asText();
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("stored document is not JSON", e);
        }
    }
}
