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
import java.util.List;

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
     * Publishes each line once. Flushes once first, then reads each line's parts without the
     * automatic flush before every query (which dirty-checks every entity of an import chunk).
     */
    public void changed(java.util.Collection<BudgetLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        em.flush();
        lines.forEach(this::publish);
    }

    public void changed(BudgetLine line) {
        changed(List.of(line));
    }

    private void publish(BudgetLine line) {
        line.revision++;
        String id = line.id.toString();
        outbox.publish("budget-line", id, BudgetEvents.LINE_UPSERTED,
                new BudgetEvents.LineUpsertedV1(id, line.agencyCode, line.fiscalYear, line.code, line.name,
                        line.pagu, line.realisasi, line.revision));
        outbox.publish("budget-line", id, BudgetEvents.LINE_CHANGED, v2(line));
    }

    private BudgetEvents.LineChangedV2 v2(BudgetLine line) {
        BudgetCode.Levels levels = BudgetCode.levels(line.code);
        Absorption absorption = line.absorption();
        List<BudgetEvents.OutputV2> outputs = em.createQuery(
                        "from LineOutput where lineId = :id order by kind desc, ordinal", LineOutput.class)
                .setParameter("id", line.id).setFlushMode(FlushModeType.COMMIT).getResultList().stream()
                .map(o -> new BudgetEvents.OutputV2(o.kind, o.statement, o.targetQuantity,
                        o.achievedQuantity, o.unit)).toList();
        List<BudgetEvents.LinkV2> links = em.createQuery(
                        "from LineLink where lineId = :id order by sasaranCode, indicatorCode", LineLink.class)
                .setParameter("id", line.id).setFlushMode(FlushModeType.COMMIT).getResultList().stream()
                .map(l -> new BudgetEvents.LinkV2(l.sasaranCode, l.indicatorCode, l.statedAbsorption)).toList();
        Number versions = (Number) em.createQuery("select count(v) from PaguVersion v where v.lineId = :id")
                .setParameter("id", line.id).setFlushMode(FlushModeType.COMMIT).getSingleResult();
        BigDecimal[] quarters = new BigDecimal[]{zero(), zero(), zero(), zero()};
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createQuery("select cast(extract(quarter from s.spentOn) as integer), sum(s.amount) "
                        + "from SpendingEntry s where s.lineId = :id group by 1")
                .setParameter("id", line.id).setFlushMode(FlushModeType.COMMIT).getResultList();
        for (Object[] row : rows) {
            quarters[((Number) row[0]).intValue() - 1] = ((BigDecimal) row[1]).setScale(2);
        }
        return new BudgetEvents.LineChangedV2(line.id.toString(), line.agencyCode, line.fiscalYear, line.code,
                line.name, line.sipdKey, levels.urusan(), line.urusanName, levels.bidangUrusan(), line.bidangName,
                levels.program(), line.programName, levels.kegiatan(), line.kegiatanName, line.unitCode,
                line.unitName, line.fundingSource, line.paguOriginal, line.pagu, versions.intValue(), line.realisasi,
                absorption.percent(), absorption.computable(), line.statedAbsorption, new ArrayList<>(line.rak()),
                Arrays.asList(quarters), new ArrayList<>(outputs), new ArrayList<>(links), line.revision);
    }

    private static BigDecimal zero() {
        return new BigDecimal("0.00");
    }
}
