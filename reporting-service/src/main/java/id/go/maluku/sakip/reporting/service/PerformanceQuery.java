package id.go.maluku.sakip.reporting.service;

import id.go.maluku.sakip.reporting.domain.Capaian;
import id.go.maluku.sakip.reporting.error.ApiProblem;
import id.go.maluku.sakip.reporting.readmodel.IndicatorResult;
import id.go.maluku.sakip.reporting.readmodel.RmAgency;
import id.go.maluku.sakip.reporting.readmodel.RmIndicator;
import id.go.maluku.sakip.reporting.readmodel.RmRealisasi;
import id.go.maluku.sakip.reporting.readmodel.RmSasaran;
import id.go.maluku.sakip.reporting.readmodel.SasaranResult;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The performance of an agency for a year, read from the computed results. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PerformanceQuery {

    public record IndicatorPerformance(String code, String name, String unit, String polarity, BigDecimal target,
                                       BigDecimal realisasi, String status, BigDecimal capaian, String reason,
                                       int realisasiUpdates, OffsetDateTime freshness) {
    }

    public record SasaranPerformance(String code, String name, int ordinal, String status, BigDecimal capaian,
                                     OffsetDateTime freshness, List<IndicatorPerformance> indicators) {
    }

    public record Performance(String agency, String agencyName, int year, String status, BigDecimal capaian,
                              OffsetDateTime freshness, List<SasaranPerformance> sasaran) {
    }

    public Performance performance(String agencyCode, int year) {
        RmAgency agency = RmAgency.<RmAgency>find("agencyCode", agencyCode).firstResultOptional()
                .orElseThrow(() -> ApiProblem.notFound("agency", agencyCode));
        List<IndicatorResult> results = IndicatorResult.list("agencyCode = ?1 and year = ?2", agencyCode, year);
        if (results.stream().noneMatch(r -> r.target != null)) {
            throw new ApiProblem(404, "Not found", "agency '" + agencyCode + "' has no targets for " + year, List.of());
        }
        Map<UUID, RmIndicator> indicators = RmIndicator.<RmIndicator>list("agencyCode", agencyCode).stream()
                .collect(Collectors.toMap(i -> i.indicatorId, Function.identity()));
        Map<UUID, RmSasaran> sasaran = RmSasaran.<RmSasaran>list("agencyCode", agencyCode).stream()
                .collect(Collectors.toMap(s -> s.sasaranId, Function.identity()));
        Map<UUID, SasaranResult> sasaranResults = SasaranResult.<SasaranResult>list("agencyCode = ?1 and year = ?2",
                agencyCode, year).stream().collect(Collectors.toMap(s -> s.sasaranId, Function.identity()));
        Map<UUID, Integer> updates = RmRealisasi.<RmRealisasi>list("year = ?1 and period = ?2 and indicatorId in ?3", year,
                        Recalculator.YEAR, indicators.keySet().isEmpty() ? List.of(new UUID(0, 0)) : indicators.keySet())
                .stream().collect(Collectors.toMap(r -> r.indicatorId, r -> r.updatesApplied));

        Map<UUID, List<IndicatorResult>> bySasaran = results.stream()
                .filter(r -> indicators.containsKey(r.indicatorId))
                .collect(Collectors.groupingBy(r -> r.sasaranId));
        List<SasaranPerformance> rows = new ArrayList<>();
        OffsetDateTime freshness = null;
        for (Map.Entry<UUID, List<IndicatorResult>> entry : bySasaran.entrySet()) {
            RmSasaran s = sasaran.get(entry.getKey());
            SasaranResult sr = sasaranResults.get(entry.getKey());
            if (s == null || sr == null) {
                continue; // the sasaran's own event has not arrived yet
            }
            List<IndicatorPerformance> indicatorRows = entry.getValue().stream()
                    .map(r -> {
                        RmIndicator i = indicators.get(r.indicatorId);
                        return new IndicatorPerformance(i.code, i.name, i.unit, i.polarity, plain(r.target),
                                plain(r.realisasi), r.status, r.capaian, r.reason,
                                updates.getOrDefault(r.indicatorId, 0), r.freshness);
                    })
                    .sorted(Comparator.comparing(IndicatorPerformance::code))
                    .toList();
            OffsetDateTime sasaranFreshness = entry.getValue().stream().map(r -> r.freshness)
                    .max(Comparator.naturalOrder()).orElse(sr.freshness);
            rows.add(new SasaranPerformance(s.code, s.name, s.ordinal, sr.status, sr.capaian, sasaranFreshness,
                    indicatorRows));
            freshness = freshness == null || sasaranFreshness.isAfter(freshness) ? sasaranFreshness : freshness;
        }
        rows.sort(Comparator.comparingInt(SasaranPerformance::ordinal).thenComparing(SasaranPerformance::code));
        Capaian overall = Capaian.mean(rows.stream()
                .map(r -> r.capaian() == null ? Capaian.notComputed(Capaian.Status.valueOf(r.status()), "-")
                        : Capaian.computed(r.capaian(), id.go.maluku.sakip.reporting.domain.CapaianPolicy.DEFAULT))
                .toList());
        return new Performance(agency.agencyCode, agency.name, year, overall.status().name(), overall.percent(),
                freshness, rows);
    }

    /** 150.0000 as 150, as the unit is written. */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
