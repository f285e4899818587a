package id.go.maluku.sakip.reporting.service;

import id.go.maluku.sakip.reporting.domain.Absorption;
import id.go.maluku.sakip.reporting.domain.Capaian;
import id.go.maluku.sakip.reporting.domain.CapaianPolicy;
import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.reporting.readmodel.RmAgency;
import id.go.maluku.sakip.reporting.readmodel.RmBudgetLine;
import id.go.maluku.sakip.reporting.readmodel.RmBudgetLink;
import id.go.maluku.sakip.reporting.readmodel.RmSasaran;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What provincial dashboards read: overviews, trends and budget absorption, paged and sorted. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DashboardQuery {

    public static final int MAX_PAGE_SIZE = 100;

    public record Page<T>(List<T> items, int page, int size, long total, int pages) {
    }

    public record AgencyOverview(String agency, String name, String status, BigDecimal capaian, BigDecimal capaianRaw,
                                 String category, int sasaran, BigDecimal pagu, BigDecimal realisasi,
                                 BigDecimal absorption, boolean absorptionComputable, OffsetDateTime freshness) {
    }

    public record ProvinceOverview(int year, BigDecimal averageCapaian, BigDecimal absorption, BigDecimal pagu,
                                   BigDecimal realisasi, Page<AgencyOverview> agencies) {
    }

    /** A year without data (no target, no realisasi, no budget) has its figures null, not 0. */
    public record YearPoint(int year, String status, @Schema(nullable = true) BigDecimal capaian,
                            @Schema(nullable = true) BigDecimal capaianRaw, @Schema(nullable = true) String category,
                            @Schema(nullable = true) BigDecimal absorption) {
    }

    public record SasaranTrend(String code, String name, List<YearPoint> years) {
    }

    public record Trends(String agency, int from, int to, List<YearPoint> years, List<SasaranTrend> sasaran) {
    }

    public record AbsorptionGroup(String key, @Schema(nullable = true) String name, int lines, BigDecimal pagu,
                                  BigDecimal realisasi, boolean computable,
                                  @Schema(nullable = true, description = "realisasi / pagu x 100; null when not computable (pagu 0)")
                                  BigDecimal absorption) {
    }

    @Inject
    Policies policies;

    @Inject
    PerformanceQuery performance;

    @Inject
    ReadSnapshot snapshot;

    public static void checkPage(int page, int size) {
        if (page < 0) {
            throw ApiProblem.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.invalid("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    static <T> Page<T> page(List<T> all, int page, int size) {
        int from = (int) Math.min(all.size(), (long) page * size);
        int to = Math.min(all.size(), from + size);
        return new Page<>(List.copyOf(all.subList(from, to)), page, size, all.size(),
                (all.size() + size - 1) / size);
    }

    /**
     * Sort keys: a field name, "-" in front for descending; rows without the value (a capaian
     * not computed, say) come last either way. An unknown field is a 400 problem.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> Comparator<T> comparator(String sort, Map<String, Function<T, ? extends Comparable>> fields) {
        String field = sort == null || sort.isBlank() ? null : sort.startsWith("-") ? sort.substring(1) : sort;
        Function<T, ? extends Comparable> key = field == null ? fields.values().iterator().next() : fields.get(field);
        if (key == null) {
            throw ApiProblem.invalid("sort", "one of " + fields.keySet() + ", '-' in front for descending");
        }
        Comparator<Comparable> order = sort != null && sort.startsWith("-") ? Comparator.reverseOrder()
                : Comparator.naturalOrder();
        return Comparator.comparing((Function<T, Comparable>) key, Comparator.nullsLast(order));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ProvinceOverview province(int year, String category, String q, String sort, int page, int size) {
        checkPage(page, size);
        snapshot.begin();
        Map<String, List<SasaranResult>> results = SasaranResult.<SasaranResult>list("year", year).stream()
                .collect(Collectors.groupingBy(r -> r.agencyCode));
        Map<String, List<RmBudgetLine>> lines = RmBudgetLine.<RmBudgetLine>list("fiscalYear", year).stream()
                .collect(Collectors.groupingBy(l -> l.agencyCode));
        List<AgencyOverview> rows = new ArrayList<>();
        for (RmAgency agency : RmAgency.<RmAgency>listAll()) {
            List<SasaranResult> sasaran = results.getOrDefault(agency.agencyCode, List.of());
            List<RmBudgetLine> agencyLines = lines.getOrDefault(agency.agencyCode, List.of());
            if (sasaran.isEmpty() && agencyLines.isEmpty()) {
                continue; // nothing for that year
            }
            CapaianPolicy policy = policies.current(agency.agencyCode);
            Capaian capaian = Capaian.mean(sasaran.stream().map(s -> new Capaian.Weighted(stored(s), null)).toList(), policy);
            Absorption absorption = Absorption.total(agencyLines.stream().map(PerformanceQuery::money).toList());
            OffsetDateTime freshness = sasaran.stream().map(s -> s.freshness).max(Comparator.naturalOrder()).orElse(null);
            rows.add(new AgencyOverview(agency.agencyCode, agency.name, capaian.status().name(), capaian.percent(),
                    capaian.raw(), capaian.category(), sasaran.size(), absorption.pagu(), absorption.realisasi(),
                    absorption.percent(), absorption.computable(), freshness));
        }
        List<AgencyOverview> filtered = rows.stream()
                .filter(r -> category == null || category.equalsIgnoreCase(String.valueOf(r.category())))
                .filter(r -> q == null || (r.agency() + " " + r.name()).toLowerCase(Locale.ROOT)
                        .contains(q.toLowerCase(Locale.ROOT)))
                .sorted(comparator(sort, ordered(Map.<String, Function<AgencyOverview, ? extends Comparable<?>>>of(
                        "agency", AgencyOverview::agency,
                        "name", AgencyOverview::name,
                        "capaian", AgencyOverview::capaian,
                        "absorption", AgencyOverview::absorption,
                        "pagu", AgencyOverview::pagu), "agency")))
                .toList();
        Capaian average = Capaian.mean(rows.stream()
                .map(r -> new Capaian.Weighted(r.capaian() == null ? Capaian.notComputed(Capaian.Status.NO_REALISASI, "-")
                        : new Capaian(Capaian.Status.COMPUTED, r.capaianRaw(), r.capaian(), null, null), null))
                .toList(), CapaianPolicy.DEFAULT);
        Absorption province = Absorption.total(lines.values().stream().flatMap(List::stream)
                .map(PerformanceQuery::money).toList());
        return new ProvinceOverview(year, average.percent(), province.percent(), province.pagu(), province.realisasi(),
                page(filtered, page, size));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Trends trends(String agencyCode, Integer from, Integer to) {
        snapshot.begin();
        performance.agency(agencyCode);
        CapaianPolicy policy = policies.current(agencyCode);
        List<SasaranResult> results = SasaranResult.list("agencyCode", agencyCode);
        List<RmBudgetLine> lines = RmBudgetLine.list("agencyCode", agencyCode);
        TreeSet<Integer> years = new TreeSet<>();
        results.forEach(r -> years.add(r.year));
        lines.forEach(l -> years.add(l.fiscalYear));
        int first = from != null ? from : years.isEmpty() ? 0 : years.first();
        int last = to != null ? to : years.isEmpty() ? 0 : years.last();
        if (first > last) {
            throw ApiProblem.invalid("from", "must not be after 'to'");
        }
        Map<UUID, RmSasaran> sasaran = RmSasaran.<RmSasaran>list("agencyCode", agencyCode).stream()
                .collect(Collectors.toMap(s -> s.sasaranId, Function.identity()));
        List<YearPoint> agencyYears = new ArrayList<>();
        for (int year : years.subSet(first, true, last, true)) {
            int y = year;
            Capaian capaian = Capaian.mean(results.stream().filter(r -> r.year == y)
                    .map(r -> new Capaian.Weighted(stored(r), null)).toList(), policy);
            Absorption absorption = Absorption.total(lines.stream().filter(l -> l.fiscalYear == y)
                    .map(PerformanceQuery::money).toList());
            agencyYears.add(new YearPoint(year, capaian.status().name(), capaian.percent(), capaian.raw(),
                    capaian.category(), absorption.percent()));
        }
        Map<UUID, List<SasaranResult>> bySasaran = results.stream()
                .filter(r -> r.year >= first && r.year <= last && sasaran.containsKey(r.sasaranId))
                .collect(Collectors.groupingBy(r -> r.sasaranId));
        List<SasaranTrend> sasaranTrends = bySasaran.entrySet().stream()
                .map(e -> new SasaranTrend(sasaran.get(e.getKey()).code, sasaran.get(e.getKey()).name,
                        e.getValue().stream().sorted(Comparator.comparingInt(r -> r.year))
                                .map(r -> new YearPoint(r.year, r.status, r.capaian, r.capaianRaw, r.category, null))
                                .toList()))
                .sorted(Comparator.comparing(SasaranTrend::code))
                .toList();
        return new Trends(agencyCode, first, last, agencyYears, sasaranTrends);
    }

    /** by: sub-kegiatan, program, unit, funding-source or sasaran. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Page<AbsorptionGroup> absorption(String agencyCode, int year, String by, String sort, int page, int size) {
        checkPage(page, size);
        snapshot.begin();
        performance.agency(agencyCode);
        List<RmBudgetLine> lines = RmBudgetLine.list("agencyCode = ?1 and fiscalYear = ?2", agencyCode, year);
        if (lines.isEmpty()) {
            throw new ApiProblem(404, "Not found", "agency '" + agencyCode + "' has no budget for " + year, List.of());
        }
        Map<UUID, List<RmBudgetLink>> links = RmBudgetLink.<RmBudgetLink>list("lineId in ?1",
                lines.stream().map(l -> l.lineId).collect(Collectors.toSet())).stream()
                .collect(Collectors.groupingBy(l -> l.lineId));
        Map<String, String> names = new HashMap<>();
        Function<RmBudgetLine, java.util.Collection<String>> keys = switch (by == null ? "program" : by) {
            case "sub-kegiatan" -> l -> {
                names.put(l.code, l.name);
                return List.of(l.code);
            };
            case "program" -> l -> {
                names.putIfAbsent(orNone(l.programCode), l.programName);
                return List.of(orNone(l.programCode));
            };
            case "unit" -> l -> {
                names.putIfAbsent(orNone(l.unitCode), l.unitName);
                return List.of(orNone(l.unitCode));
            };
            case "funding-source" -> l -> List.of(orNone(l.fundingSource));
            case "sasaran" -> l -> {
                Set<String> codes = new TreeSet<>();
                links.getOrDefault(l.lineId, List.of()).forEach(k -> codes.add(k.sasaranCode));
                return codes.isEmpty() ? List.of("(none)") : codes;
            };
            default -> throw ApiProblem.invalid("by", "one of sub-kegiatan, program, unit, funding-source, sasaran");
        };
        Map<String, Integer> lineCounts = new TreeMap<>();
        for (RmBudgetLine line : lines) {
            keys.apply(line).forEach(k -> lineCounts.merge(k, 1, Integer::sum));
        }
        List<AbsorptionGroup> groups = Absorption.grouped(lines, PerformanceQuery::money, keys).entrySet().stream()
                .map(e -> new AbsorptionGroup(e.getKey(), names.get(e.getKey()), lineCounts.get(e.getKey()),
                        e.getValue().pagu(), e.getValue().realisasi(), e.getValue().computable(), e.getValue().percent()))
                .sorted(comparator(sort, ordered(Map.<String, Function<AbsorptionGroup, ? extends Comparable<?>>>of(
                        "key", AbsorptionGroup::key,
                        "absorption", AbsorptionGroup::absorption,
                        "pagu", AbsorptionGroup::pagu,
                        "realisasi", AbsorptionGroup::realisasi), "key")))
                .toList();
        return page(groups, page, size);
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? "(none)" : value;
    }

    /** The default sort key first, then the others. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Map<String, Function<T, ? extends Comparable>> ordered(
            Map<String, Function<T, ? extends Comparable<?>>> fields, String first) {
        Map<String, Function<T, ? extends Comparable>> ordered = new java.util.LinkedHashMap<>();
        ordered.put(first, fields.get(first));
        new TreeMap<>(fields).forEach(ordered::putIfAbsent);
        return ordered;
    }

    static Capaian stored(SasaranResult s) {
        return s.capaian == null
                ? Capaian.notComputed(Capaian.Status.valueOf(s.status), s.reason == null ? s.status : s.reason)
                : new Capaian(Capaian.Status.COMPUTED, s.capaianRaw == null ? s.capaian : s.capaianRaw, s.capaian,
                s.category, null);
    }
}
