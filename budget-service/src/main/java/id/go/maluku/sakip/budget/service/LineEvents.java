package id.go.maluku.sakip.budget.service;

import id.go.maluku.sakip.budget.domain.Absorption;
import id.go.maluku.sakip.budget.domain.BudgetCode;
import id.go.maluku.sakip.budget.domain.BudgetLine;
import id.go.maluku.sakip.budget.domain.LineLink;
import id.go.maluku.sakip.budget.domain.LineOutput;
import id.go.maluku.sakip.budget.domain.SpendingEntry;
import id.go.maluku.sakip.budget.domain.SpendingRollup;
import id.go.maluku.sakip.budget.event.BudgetEvents;
import id.go.maluku.sakip.platform.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes a changed line through the outbox: the frozen v1 (reporting-service reads it) and
 * the full v3, both with the same new revision, in the caller's transaction. Called once per
 * line per transaction (or import chunk), however many of its facts changed.
 */
@ApplicationScoped
public class LineEvents {

    @Inject
    OutboxWriter outbox;

    @Inject
    EntityManager em;

    /**
     * Publishes each line once. The revisions move first, so that one flush writes each line once;
     * then the lines' parts are read for all of them together (four queries, not four per line),
     * without the automatic flush before every query (which dirty-checks every entity of an
     * import chunk).
     */
    public void changed(java.util.Collection<BudgetLine> lines) {
        changed(lines, Map.of());
    }

    /**
     * A line's spending as its event needs it: the dated entries summed per quarter (index 0 =
     * triwulan I; never null) and the part known only as a year total (its {@code total:} entry).
     */
    public record Spending(List<BigDecimal> dated, BigDecimal undated) {
        public Spending {
            dated = List.copyOf(dated);
            if (dated.size() != 4) {
                throw new IllegalArgumentException("four quarters, not " + dated.size());
            }
            java.util.Objects.requireNonNull(undated, "undated");
        }

        /** With dated entries added (or taken away) per quarter; the undated part stays. */
        public Spending plusDated(BigDecimal[] change) {
            if (change == null) {
                return this;
            }
            List<BigDecimal> after = new ArrayList<>(4);
            for (int q = 0; q < 4; q++) {
                after.add(dated.get(q).add(change[q]));
            }
            return new Spending(after, undated);
        }
    }

    /**
     * As {@link #changed(java.util.Collection)}, with the spending of some lines already known to
     * the caller (a bulk import carries it from chunk to chunk instead of summing a line's entries
     * again for each chunk). Returns every published line's spending.
     */
    public Map<UUID, Spending> changed(java.util.Collection<BudgetLine> lines, Map<UUID, Spending> known) {
        if (lines.isEmpty()) {
            return Map.of();
        }
        lines.forEach(line -> line.revision++);
        em.flush();
        List<UUID> ids = lines.stream().map(l -> l.id).toList();
        Map<UUID, List<BudgetEvents.OutputV2>> outputs = new HashMap<>();
        em.createQuery("from LineOutput where lineId in :ids order by lineId, kind desc, ordinal", LineOutput.class)
                .setParameter("ids", ids).setFlushMode(FlushModeType.COMMIT).getResultList()
                .forEach(o -> outputs.computeIfAbsent(o.lineId, k -> new ArrayList<>()).add(new BudgetEvents.OutputV2(
                        o.kind, o.statement, o.targetQuantity, o.achievedQuantity, o.unit)));
        Map<UUID, List<BudgetEvents.LinkV2>> links = new HashMap<>();
        em.createQuery("from LineLink where lineId in :ids order by lineId, sasaranCode, indicatorCode", LineLink.class)
                .setParameter("ids", ids).setFlushMode(FlushModeType.COMMIT).getResultList()
                .forEach(l -> links.computeIfAbsent(l.lineId, k -> new ArrayList<>()).add(new BudgetEvents.LinkV2(
                        l.sasaranCode, l.indicatorCode, l.statedAbsorption)));
        Map<UUID, Integer> versions = new HashMap<>();
        em.createQuery("select v.lineId, count(v) from PaguVersion v where v.lineId in :ids group by v.lineId",
                        Object[].class)
                .setParameter("ids", ids).setFlushMode(FlushModeType.COMMIT).getResultList()
                .forEach(r -> versions.put((UUID) r[0], ((Number) r[1]).intValue()));
        Map<UUID, Spending> spending = new HashMap<>(known);
        List<UUID> unknown = ids.stream().filter(id -> !known.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            // One query for the dated part per quarter and the undated part (as "quarter 0"). A year
            // total's entry carries a placeholder date (31 December): it belongs to no quarter.
            Map<UUID, BigDecimal[]> sums = new HashMap<>();
            for (UUID id : unknown) {
                sums.put(id, new BigDecimal[]{zero(), zero(), zero(), zero(), zero()});
            }
            // the prefix as a literal: a parameter in a grouped expression would not match its grouping
            em.createQuery("select s.lineId, case when s.sourceKey like '" + SpendingEntry.TOTAL_PREFIX + "%' then 0 "
                            + "else cast(extract(quarter from s.spentOn) as integer) end, sum(s.amount) "
                            + "from SpendingEntry s where s.lineId in :ids group by 1, 2", Object[].class)
                    .setParameter("ids", unknown).setFlushMode(FlushModeType.COMMIT).getResultList()
                    .forEach(r -> sums.get((UUID) r[0])[((Number) r[1]).intValue()] = ((BigDecimal) r[2]).setScale(2));
            sums.forEach((id, s) -> spending.put(id, new Spending(List.of(s[1], s[2], s[3], s[4]), s[0])));
        }
        for (BudgetLine line : lines) {
            String id = line.id.toString();
            outbox.publish("budget-line", id, BudgetEvents.LINE_UPSERTED,
                    new BudgetEvents.LineUpsertedV1(id, line.agencyCode, line.fiscalYear, line.code, line.name,
                            line.pagu, line.realisasi, line.revision));
            outbox.publish("budget-line", id, BudgetEvents.LINE_CHANGED, v3(line,
                    outputs.getOrDefault(line.id, List.of()), links.getOrDefault(line.id, List.of()),
                    versions.getOrDefault(line.id, 0), spending.get(line.id)));
        }
        return spending;
    }

    public void changed(BudgetLine line) {
        changed(List.of(line));
    }

    private static BudgetEvents.LineChangedV3 v3(BudgetLine line, List<BudgetEvents.OutputV2> outputs,
                                                 List<BudgetEvents.LinkV2> links, int versions, Spending spending) {
        BudgetCode.Levels levels = BudgetCode.levels(line.code);
        Absorption absorption = line.absorption();
        return new BudgetEvents.LineChangedV3(line.id.toString(), line.agencyCode, line.fiscalYear, line.code,
                line.name, line.sipdKey, levels.urusan(), line.urusanName, levels.bidangUrusan(), line.bidangName,
                levels.program(), line.programName, levels.kegiatan(), line.kegiatanName, line.unitCode,
                line.unitName, line.fundingSource, line.paguOriginal, line.pagu, versions, line.realisasi,
                absorption.percent(), absorption.computable(), line.statedAbsorption, new ArrayList<>(line.rak()),
                new ArrayList<>(SpendingRollup.quarterRealisasi(spending.dated(), spending.undated())),
                SpendingRollup.knownBy(spending.undated()), spending.undated().setScale(2), new ArrayList<>(outputs),
                new ArrayList<>(links), line.revision);
    }

    private static BigDecimal zero() {
        return new BigDecimal("0.00");
    }
}
