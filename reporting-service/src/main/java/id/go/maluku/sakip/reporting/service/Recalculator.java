package id.go.maluku.sakip.reporting.service;

import id.go.maluku.sakip.reporting.domain.Aggregation;
import id.go.maluku.sakip.reporting.domain.Capaian;
import id.go.maluku.sakip.reporting.domain.CapaianPolicy;
import id.go.maluku.sakip.reporting.domain.Polarity;
import id.go.maluku.sakip.reporting.domain.Target;
import id.go.maluku.sakip.reporting.readmodel.IndicatorResult;
import id.go.maluku.sakip.reporting.readmodel.RmIndicator;
import id.go.maluku.sakip.reporting.readmodel.RmIndicatorDefinition;
import id.go.maluku.sakip.reporting.readmodel.RmPolicy;
import id.go.maluku.sakip.reporting.readmodel.RmRealisasi;
import id.go.maluku.sakip.reporting.readmodel.RmSasaran;
import id.go.maluku.sakip.reporting.readmodel.RmTarget;
import id.go.maluku.sakip.reporting.readmodel.SasaranResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Recomputes results from the facts the read model holds, for exactly the indicator, years and
 * sasaran an event touched (all of an agency's for a policy change). Recomputing from state
 * (rather than applying deltas) is what makes a replayed or reordered event harmless. A
 * result's freshness is the time of the newest event among the facts it is computed from.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Recalculator {

    /** The yearly value; without it, quarters or months are aggregated per the indicator's rule. */
    static final String YEAR = "Y";

    @Inject
    EntityManager em;

    @Inject
    Policies policies;

    @Inject
    ResultStore store;

    /** Indicator-years waiting for the end of a batch, in the order of their last change, with its time. */
    private final ThreadLocal<Map<Map.Entry<UUID, Integer>, OffsetDateTime>> pending = new ThreadLocal<>();

    /**
     * Runs a batch of changes, recalculating each indicator-year they touch once, at the end, as
     * of its last change. Results are computed from the state, so the last recalculation of a
     * sequence gives what the whole sequence gives; any other kind of change first recalculates
     * what is waiting, so the order of recalculations (and with it each result's freshness) is
     * the one applying the events one by one gives.
     */
    public void coalescing(Runnable changes) {
        pending.set(new java.util.LinkedHashMap<>());
        try {
            changes.run();
            recalculateWaiting();
        } finally {
            pending.remove();
        }
    }

    /** Recalculates what a batch has left waiting so far (nothing outside a batch). */
    public void recalculateWaiting() {
        Map<Map.Entry<UUID, Integer>, OffsetDateTime> waiting = pending.get();
        if (waiting == null || waiting.isEmpty()) {
            return;
        }
        List<Map.Entry<Map.Entry<UUID, Integer>, OffsetDateTime>> due = new java.util.ArrayList<>(waiting.entrySet());
        waiting.clear();
        recalculatePeriods(due);
    }

    public void periodChanged(UUID indicatorId, int year, OffsetDateTime time) {
        Map<Map.Entry<UUID, Integer>, OffsetDateTime> waiting = pending.get();
        if (waiting != null) {
            Map.Entry<UUID, Integer> key = Map.entry(indicatorId, year);
            waiting.remove(key); // re-inserted: ordered by its last change
            waiting.put(key, time);
            return;
        }
        recalculatePeriod(indicatorId, year, time);
    }

    private void recalculatePeriod(UUID indicatorId, int year, OffsetDateTime time) {
        recalculatePeriods(List.of(Map.entry(Map.entry(indicatorId, year), time)));
    }

    /**
     * Recalculates each indicator-year, then each sasaran-year they belong to, from facts read in
     * one round trip, and writes the results in another (ResultStore). Applied one by one through
     * Hibernate, each indicator-year cost about a dozen round trips to the database, which bounded
     * the consumer under a stream of realisasi. The outcome is the one of the one-by-one order: an
     * indicator result depends only on facts, and a sasaran's on its indicators' results, the last
     * of which is computed here before it.
     */
    private void recalculatePeriods(List<Map.Entry<Map.Entry<UUID, Integer>, OffsetDateTime>> due) {
        if (due.isEmpty()) {
            return;
        }
        Set<UUID> ids = new LinkedHashSet<>();
        Set<Integer> years = new TreeSet<>();
        due.forEach(e -> {
            ids.add(e.getKey().getKey());
            years.add(e.getKey().getValue());
        });
        ResultStore.Facts facts = store.read(ids, years);

        Map<String, CapaianPolicyRow> policyRows = new HashMap<>();
        // computed results by indicator-year, in the order of their last change
        Map<ResultStore.Key, IndicatorResult> computed = new java.util.LinkedHashMap<>();
        // sasaran-years to recompute, each with the agency, time and policy of its last indicator
        Map<ResultStore.Key, Context> sasaranYears = new java.util.LinkedHashMap<>();
        Map<ResultStore.Key, String> sasaranAgency = new HashMap<>();
        for (Map.Entry<Map.Entry<UUID, Integer>, OffsetDateTime> e : due) {
            RmIndicator indicator = facts.indicators().get(e.getKey().getKey());
            if (indicator == null) {
                continue; // the indicator's own event has not arrived yet; it recomputes every year when it does
            }
            int year = e.getKey().getValue();
            ResultStore.Key key = new ResultStore.Key(indicator.indicatorId, year);
            CapaianPolicyRow policy = policyRows.computeIfAbsent(indicator.agencyCode,
                    agency -> new CapaianPolicyRow(facts.policies().get(agency)));
            Context context = policy.context(policies, e.getValue());
            IndicatorResult result = computed.remove(key);
            if (result == null) {
                result = facts.result(indicator.indicatorId, year);
            }
            computed.put(key, compute(indicator, year, context, facts.definitions().get(indicator.indicatorId),
                    facts.targets().get(key), facts.periods().getOrDefault(key, List.of()), result));
            ResultStore.Key sasaranYear = new ResultStore.Key(indicator.sasaranId, year);
            sasaranYears.remove(sasaranYear); // re-inserted: ordered by its last indicator
            sasaranYears.put(sasaranYear, context);
            sasaranAgency.put(sasaranYear, indicator.agencyCode);
        }

        // each sasaran-year's members: the stored results, with those just computed in their place
        Map<ResultStore.Key, List<IndicatorResult>> members = new HashMap<>();
        for (IndicatorResult stored : facts.members()) {
            if (!computed.containsKey(new ResultStore.Key(stored.indicatorId, stored.year))) {
                members.computeIfAbsent(new ResultStore.Key(stored.sasaranId, stored.year), k -> new java.util.ArrayList<>())
                        .add(stored);
            }
        }
        computed.values().forEach(r -> members.computeIfAbsent(new ResultStore.Key(r.sasaranId, r.year),
                k -> new java.util.ArrayList<>()).add(r));

        List<SasaranResult> sasaranResults = new java.util.ArrayList<>();
        Set<ResultStore.Key> sasaranGone = new LinkedHashSet<>();
        sasaranYears.forEach((k, context) -> {
            RmSasaran sasaran = facts.sasaran().get(k.id());
            SasaranResult result = computeSasaran(k.id(), sasaran, sasaranAgency.get(k), k.year(), context,
                    members.getOrDefault(k, List.of()), facts.sasaranResults().get(k));
            if (result != null) {
                sasaranResults.add(result);
            } else if (facts.sasaranResults().containsKey(k)) {
                sasaranGone.add(k);
            }
        });
        store.write(List.copyOf(computed.values()), sasaranResults, sasaranGone);
    }

    /** An agency's newest policy, read once for a batch. */
    private record CapaianPolicyRow(RmPolicy row) {
        Context context(Policies policies, OffsetDateTime time) {
            return new Context(row == null ? CapaianPolicy.DEFAULT : policies.toDomain(row), row == null ? null : row.eventTime,
                    time);
        }
    }

    public void indicatorChanged(UUID indicatorId, UUID previousSasaran, OffsetDateTime time) {
        recalculateWaiting();
        RmIndicator indicator = RmIndicator.findById(indicatorId);
        if (indicator == null) {
            return;
        }
        Context context = context(indicator.agencyCode, time);
        for (int year : years(indicatorId)) {
            recompute(indicator, year, context);
            recomputeSasaran(indicator.sasaranId, indicator.agencyCode, year, context);
            if (previousSasaran != null && !previousSasaran.equals(indicator.sasaranId)) {
                recomputeSasaran(previousSasaran, indicator.agencyCode, year, context);
            }
        }
    }

    /** A new policy: every result of the agency. */
    public void agencyChanged(String agencyCode, OffsetDateTime time) {
        recalculateWaiting();
        Context context = context(agencyCode, time);
        Set<Map.Entry<UUID, Integer>> sasaranYears = new LinkedHashSet<>();
        for (RmIndicator indicator : RmIndicator.<RmIndicator>list("agencyCode", agencyCode)) {
            for (int year : years(indicator.indicatorId)) {
                recompute(indicator, year, context);
                sasaranYears.add(Map.entry(indicator.sasaranId, year));
            }
        }
        sasaranYears.forEach(e -> recomputeSasaran(e.getKey(), agencyCode, e.getValue(), context));
    }

    /** The agency's policy as it stands, read once per event. */
    record Context(CapaianPolicy policy, OffsetDateTime policyTime, OffsetDateTime eventTime) {
    }

    private Context context(String agencyCode, OffsetDateTime time) {
        RmPolicy row = policies.newest(agencyCode).orElse(null);
        return new Context(row == null ? CapaianPolicy.DEFAULT : policies.toDomain(row), row == null ? null : row.eventTime,
                time);
    }

    private static TreeSet<Integer> years(UUID indicatorId) {
        TreeSet<Integer> years = new TreeSet<>();
        RmTarget.<RmTarget>list("indicatorId", indicatorId).forEach(t -> years.add(t.year));
        RmRealisasi.<RmRealisasi>list("indicatorId", indicatorId).forEach(r -> years.add(r.year));
        return years;
    }

    private void recompute(RmIndicator indicator, int year, Context context) {
        compute(indicator, year, context, RmIndicatorDefinition.findById(indicator.indicatorId),
                RmTarget.find("indicatorId = ?1 and year = ?2", indicator.indicatorId, year).firstResult(),
                RmRealisasi.list("indicatorId = ?1 and year = ?2", indicator.indicatorId, year),
                IndicatorResult.find("indicatorId = ?1 and year = ?2", indicator.indicatorId, year).firstResult())
                .persist();
    }

    /** The indicator's result for the year from the facts given, into result (a new one when null); not stored. */
    private IndicatorResult compute(RmIndicator indicator, int year, Context context, RmIndicatorDefinition definition,
                                    RmTarget targetRow, List<RmRealisasi> periods, IndicatorResult result) {
        Polarity polarity = Polarity.of(definition != null ? definition.polarity : indicator.polarity);
        Aggregation aggregation = Aggregation.of(definition == null ? null : definition.aggregation);

        Map<String, BigDecimal> byPeriod = new HashMap<>();
        periods.forEach(p -> byPeriod.put(p.period, p.value));
        Aggregation.YearValue value = aggregation.yearly(byPeriod);
        BigDecimal realisasi = value == null ? null : value.value();

        Target target = null;
        Capaian capaian;
        try {
            target = targetRow == null ? null : toTarget(targetRow, policies.scale(definition));
            capaian = Capaian.of(polarity, target, realisasi, context.policy());
        } catch (IllegalArgumentException e) {
            // e.g. a range target on an indicator that is now positive, a level not on the scale
            capaian = Capaian.notComputed(Capaian.Status.NOT_COMPUTABLE, "target does not fit the indicator: " + e.getMessage());
        }

        if (result == null) {
            result = new IndicatorResult();
            result.indicatorId = indicator.indicatorId;
            result.year = year;
        }
        result.agencyCode = indicator.agencyCode;
        result.sasaranId = indicator.sasaranId;
        result.targetKind = targetRow == null ? null : targetRow.kind;
        result.target = targetRow == null ? null : targetRow.value;
        result.targetText = target != null ? target.text() : targetRow == null ? null
                : Objects.toString(targetRow.level, null);
        result.realisasi = realisasi;
        result.realisasiSource = value == null ? null : value.source();
        result.realisasiUpdates = periods.stream().filter(p -> YEAR.equals(p.period)).findFirst()
                .map(p -> p.updatesApplied)
                .orElse(periods.stream().mapToInt(p -> p.updatesApplied).sum());
        result.status = capaian.status().name();
        result.capaian = capaian.percent();
        result.capaianRaw = capaian.raw();
        result.category = capaian.category();
        result.reason = capaian.reason();
        result.weight = definition == null ? null : definition.weight;
        result.policyVersion = context.policy().version();
        OffsetDateTime freshness = newest(indicator.eventTime, definition == null ? null : definition.eventTime,
                targetRow == null ? null : targetRow.eventTime, context.policyTime());
        for (RmRealisasi p : periods) {
            freshness = newest(freshness, p.eventTime);
        }
        result.freshness = freshness != null ? freshness : context.eventTime();
        return result;
    }

    static Target toTarget(RmTarget row, List<String> scale) {
        return switch (row.kind) {
            case "range" -> Target.range(row.rangeLow, row.rangeHigh);
            case "ordinal" -> Target.ordinal(row.level, scale);
            default -> Target.number(row.value);
        };
    }

    private void recomputeSasaran(UUID sasaranId, String agencyCode, int year, Context context) {
        // Serialises concurrent recalculations of one sasaran (events of its indicators may be
        // consumed from different partitions at once).
        RmSasaran sasaran = em.find(RmSasaran.class, sasaranId, LockModeType.PESSIMISTIC_WRITE);
        em.flush();
        SasaranResult stored = SasaranResult.find("sasaranId = ?1 and year = ?2", sasaranId, year).firstResult();
        SasaranResult result = computeSasaran(sasaranId, sasaran, agencyCode, year, context,
                IndicatorResult.list("sasaranId = ?1 and year = ?2", sasaranId, year), stored);
        if (result != null) {
            result.persist();
        } else if (stored != null) {
            stored.delete(); // its last indicator moved to another sasaran
        }
    }

    /** The sasaran's result from its indicators' into result (a new one when null), not stored; null when it has none. */
    private SasaranResult computeSasaran(UUID sasaranId, RmSasaran sasaran, String agencyCode, int year, Context context,
                                         List<IndicatorResult> indicators, SasaranResult result) {
        if (indicators.isEmpty()) {
            return null;
        }
        Capaian capaian = Capaian.mean(indicators.stream().map(i -> new Capaian.Weighted(stored(i), i.weight)).toList(),
                context.policy());
        if (result == null) {
            result = new SasaranResult();
            result.sasaranId = sasaranId;
            result.year = year;
        }
        result.agencyCode = sasaran == null ? agencyCode : sasaran.agencyCode;
        result.status = capaian.status().name();
        result.capaian = capaian.percent();
        result.capaianRaw = capaian.raw();
        result.category = capaian.category();
        result.reason = capaian.reason();
        result.policyVersion = context.policy().version();
        result.freshness = indicators.stream().map(i -> i.freshness).max(OffsetDateTime::compareTo).orElse(context.eventTime());
        return result;
    }

    /** A stored result back as the domain's value. */
    /** A sasaran's stored capaian, as a Capaian. */
    static Capaian stored(SasaranResult s) {
        return s.capaian == null
                ? Capaian.notComputed(Capaian.Status.valueOf(s.status), s.reason == null ? s.status : s.reason)
                : new Capaian(Capaian.Status.COMPUTED, s.capaianRaw == null ? s.capaian : s.capaianRaw, s.capaian,
                s.category, null);
    }

    static Capaian stored(IndicatorResult r) {
        return r.capaian == null
                ? Capaian.notComputed(Capaian.Status.valueOf(r.status), r.reason == null ? r.status : r.reason)
                : new Capaian(Capaian.Status.COMPUTED, r.capaianRaw == null ? r.capaian : r.capaianRaw, r.capaian,
                r.category, null);
    }

    private static OffsetDateTime newest(OffsetDateTime... times) {
        OffsetDateTime newest = null;
        for (OffsetDateTime t : times) {
            if (t != null && (newest == null || t.isAfter(newest))) {
                newest = t;
            }
        }
        return newest;
    }
}
