package id.go.maluku.sakip.reporting.service;

import id.go.maluku.sakip.reporting.domain.Capaian;
import id.go.maluku.sakip.reporting.domain.Polarity;
import id.go.maluku.sakip.reporting.readmodel.IndicatorResult;
import id.go.maluku.sakip.reporting.readmodel.RmIndicator;
import id.go.maluku.sakip.reporting.readmodel.RmRealisasi;
import id.go.maluku.sakip.reporting.readmodel.RmSasaran;
import id.go.maluku.sakip.reporting.readmodel.RmTarget;
import id.go.maluku.sakip.reporting.readmodel.SasaranResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Recomputes results from the facts the read model holds, for exactly the indicator, years and
 * sasaran an event touched. Recomputing from state (rather than applying deltas) is what makes
 * a replayed or reordered event harmless.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Recalculator {

    /** The yearly value; quarters and months are aggregated into it in a later step. */
    static final String YEAR = "Y";

    @Inject
    EntityManager em;

    public void periodChanged(UUID indicatorId, int year, OffsetDateTime freshness) {
        RmIndicator indicator = RmIndicator.findById(indicatorId);
        if (indicator == null) {
            return; // the indicator's own event has not arrived yet; it recomputes every year when it does
        }
        recompute(indicator, year, freshness);
        recomputeSasaran(indicator.sasaranId, indicator.agencyCode, year, freshness);
    }

    public void indicatorChanged(RmIndicator indicator, UUID previousSasaran, OffsetDateTime freshness) {
        TreeSet<Integer> years = new TreeSet<>();
        RmTarget.<RmTarget>list("indicatorId", indicator.indicatorId).forEach(t -> years.add(t.year));
        RmRealisasi.<RmRealisasi>list("indicatorId", indicator.indicatorId).forEach(r -> years.add(r.year));
        for (int year : years) {
            recompute(indicator, year, freshness);
            recomputeSasaran(indicator.sasaranId, indicator.agencyCode, year, freshness);
            if (previousSasaran != null && !previousSasaran.equals(indicator.sasaranId)) {
                recomputeSasaran(previousSasaran, indicator.agencyCode, year, freshness);
            }
        }
    }

    private void recompute(RmIndicator indicator, int year, OffsetDateTime freshness) {
        RmTarget target = RmTarget.find("indicatorId = ?1 and year = ?2", indicator.indicatorId, year).firstResult();
        RmRealisasi realisasi = RmRealisasi.find("indicatorId = ?1 and year = ?2 and period = ?3",
                indicator.indicatorId, year, YEAR).firstResult();
        BigDecimal t = target == null ? null : target.value;
        BigDecimal r = realisasi == null ? null : realisasi.value;
        Capaian capaian = Capaian.of(Polarity.of(indicator.polarity), t, r);

        IndicatorResult result = IndicatorResult.find("indicatorId = ?1 and year = ?2", indicator.indicatorId, year)
                .firstResult();
        if (result == null) {
            result = new IndicatorResult();
            result.indicatorId = indicator.indicatorId;
            result.year = year;
        }
        result.agencyCode = indicator.agencyCode;
        result.sasaranId = indicator.sasaranId;
        result.target = t;
        result.realisasi = r;
        result.status = capaian.status().name();
        result.capaian = capaian.percent();
        result.reason = capaian.reason();
        result.freshness = freshness;
        result.persist();
    }

    private void recomputeSasaran(UUID sasaranId, String agencyCode, int year, OffsetDateTime freshness) {
        // Serialises concurrent recalculations of one sasaran (events of its indicators may be
        // consumed from different partitions at once).
        RmSasaran sasaran = em.find(RmSasaran.class, sasaranId, LockModeType.PESSIMISTIC_WRITE);
        em.flush();
        List<IndicatorResult> indicators = IndicatorResult.list("sasaranId = ?1 and year = ?2", sasaranId, year);
        Capaian capaian = Capaian.mean(indicators.stream()
                .map(i -> i.capaian == null ? Capaian.notComputed(Capaian.Status.valueOf(i.status), String.valueOf(i.reason))
                        : Capaian.computed(i.capaian, id.go.maluku.sakip.reporting.domain.CapaianPolicy.DEFAULT))
                .toList());
        SasaranResult result = SasaranResult.find("sasaranId = ?1 and year = ?2", sasaranId, year).firstResult();
        if (result == null) {
            result = new SasaranResult();
            result.sasaranId = sasaranId;
            result.year = year;
        }
        result.agencyCode = sasaran == null ? agencyCode : sasaran.agencyCode;
        result.status = capaian.status().name();
        result.capaian = capaian.percent();
        result.freshness = freshness;
        result.persist();
    }
}
