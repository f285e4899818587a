package id.go.maluku.sakip.budget.service;

import id.go.maluku.sakip.budget.domain.Absorption;
import id.go.maluku.sakip.budget.domain.BudgetCode;
import id.go.maluku.sakip.budget.domain.BudgetLine;
import id.go.maluku.sakip.budget.domain.LineLink;
import id.go.maluku.sakip.budget.domain.LineOutput;
import id.go.maluku.sakip.budget.event.BudgetEvents;
import id.go.maluku.sakip.budget.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes a changed line through the outbox: the frozen v1 (reporting-service reads it) and
 * the full v2, both with the same new revision, in the caller's transaction. Called once per
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
     * As {@link #changed(java.util.Collection)}, with the spending per quarter of some lines already
     * known to the caller (a bulk import carries it from chunk to chunk instead of summing a
     * line's entries again for each chunk). Returns every published line's spending per quarter.
     */
    public Map<UUID, BigDecimal[]> changed(java.util.Collection<BudgetLine> lines, Map<UUID, BigDecimal[]> known) {
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
        // v2's realisasiByQuarter sums entries by their date, so a year total (dated 31 December as a
        // placeholder) counts in the fourth quarter, unlike the REST view (SpendingRollup). v2's shape
        // and meaning are frozen; quarters that say "known only for the year" need a v3.
        Map<UUID, BigDecimal[]> quarters = new HashMap<>(known);
        List<UUID> unknown = ids.stream().filter(id -> !known.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            for (UUID id : unknown) {
                quarters.put(id, new BigDecimal[]{zero(), zero(), zero(), zero()});
            }
            em.createQuery("select s.lineId, cast(extract(quarter from s.spentOn) as integer), sum(s.amount) "
                            + "from SpendingEntry s where s.lineId in :ids group by 1, 2", Object[].class)
                    .setParameter("ids", unknown).setFlushMode(FlushModeType.COMMIT).getResultList()
                    .forEach(r -> quarters.get((UUID) r[0])[((Number) r[1]).intValue() - 1] = ((BigDecimal) r[2]).setScale(2));
        }
        for (BudgetLine line : lines) {
            String id = line.id.toString();
            outbox.publish("budget-line", id, BudgetEvents.LINE_UPSERTED,
                    new BudgetEvents.LineUpsertedV1(id, line.agencyCode, line.fiscalYear, line.code, line.name,
                            line.pagu, line.realisasi, line.revision));
            outbox.publish("budget-line", id, BudgetEvents.LINE_CHANGED, v2(line,
                    outputs.getOrDefault(line.id, List.of()), links.getOrDefault(line.id, List.of()),
                    versions.getOrDefault(line.id, 0), quarters.get(line.id)));
        }
        return quarters;
    }

    public void changed(BudgetLine line) {
        changed(List.of(line));
    }

    private static BudgetEvents.LineChangedV2 v2(BudgetLine line, List<BudgetEvents.OutputV2> outputs,
                                                 List<BudgetEvents.LinkV2> links, int versions, BigDecimal[] quarters) {
        BudgetCode.Levels levels = BudgetCode.levels(line.code);
        Absorption absorption = line.absorption();
        return new BudgetEvents.LineChangedV2(line.id.toString(), line.agencyCode, line.fiscalYear, line.code,
                line.name, line.sipdKey, levels.urusan(), line.urusanName, levels.bidangUrusan(), line.bidangName,
                levels.program(), line.programName, levels.kegiatan(), line.kegiatanName, line.unitCode,
                line.unitName, line.fundingSource, line.paguOriginal, line.pagu, versions, line.realisasi,
                absorption.percent(), absorption.computable(), line.statedAbsorption, new ArrayList<>(line.rak()),
                Arrays.asList(quarters.clone()), new ArrayList<>(outputs), new ArrayList<>(links), line.revision);
    }

    private static BigDecimal zero() {
        return new BigDecimal("0.00");
    }
}
