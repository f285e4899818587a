package id.go.maluku.sakip.realization.service;

import id.go.maluku.sakip.realization.domain.Aggregation;
import id.go.maluku.sakip.realization.domain.AgencyRef;
import id.go.maluku.sakip.realization.domain.IndicatorRef;
import id.go.maluku.sakip.realization.domain.MonitoringRow;
import id.go.maluku.sakip.realization.domain.Period;
import id.go.maluku.sakip.realization.domain.PlanPeriod;
import id.go.maluku.sakip.realization.domain.Realisasi;
import id.go.maluku.sakip.realization.domain.TargetRef;
import id.go.maluku.sakip.platform.error.ApiProblem;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The quarterly monitoring form (Permendagri 86/2017) of an agency and year, from the data held. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MonitoringService {

    @Inject
    ReferenceService references;

    public record Line(IndicatorRef indicator, Aggregation aggregation, MonitoringRow row) {
    }

    public List<Line> monitoring(String agencyCode, int year, Aggregation requested) {
        AgencyRef.findByCode(agencyCode).orElseThrow(() -> ApiProblem.notFound("agency", agencyCode));
        Period.checkYear(year);
        // the plan as it stands: removed indicators and targets are not on the form (their realisasi stay readable)
        List<IndicatorRef> indicators = IndicatorRef.list("agencyCode = ?1 and removed = false",
                Sort.by("sasaranCode").and("code"), agencyCode);
        Map<UUID, Map<Integer, java.math.BigDecimal>> targets = new HashMap<>();
        for (TargetRef t : TargetRef.<TargetRef>list("agencyCode = ?1 and value is not null", agencyCode)) {
            targets.computeIfAbsent(t.key.indicatorId(), k -> new HashMap<>()).put(t.key.year(), t.value);
        }
        Map<UUID, Map<Integer, Map<String, java.math.BigDecimal>>> values = new HashMap<>();
        for (Realisasi r : Realisasi.<Realisasi>list("indicator.agencyCode = ?1 and year <= ?2", agencyCode, year)) {
            values.computeIfAbsent(r.indicator.indicatorId, k -> new HashMap<>())
                    .computeIfAbsent(r.year, k -> new HashMap<>()).put(r.period, r.value);
        }
        // the end-of-period target is the Renstra end year's (null plan: the period is not known)
        PlanPeriod plan = references.planPeriod(agencyCode);
        List<Line> lines = new ArrayList<>();
        for (IndicatorRef indicator : indicators) {
            // a level on an ordinal scale cannot be summed: the last one stated stands; otherwise
            // what was asked for, else what the plan states for the indicator
            Aggregation aggregation = indicator.scale().isOrdinal() ? Aggregation.LAST
                    : requested != null ? requested : indicator.aggregation();
            lines.add(new Line(indicator, aggregation, MonitoringRow.compute(year,
                    targets.getOrDefault(indicator.indicatorId, Map.of()),
                    values.getOrDefault(indicator.indicatorId, Map.of()), aggregation, plan)));
        }
        return lines;
    }
}
