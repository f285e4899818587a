package id.go.maluku.sakip.realization.service;

import id.go.maluku.sakip.realization.domain.AgencyRef;
import id.go.maluku.sakip.realization.domain.IndicatorRef;
import id.go.maluku.sakip.realization.domain.Realisasi;
import id.go.maluku.sakip.realization.error.ApiProblem;
import id.go.maluku.sakip.realization.event.RealizationEvents;
import id.go.maluku.sakip.realization.outbox.OutboxWriter;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Records realisasi; each change publishes an event in the same transaction. */
@ApplicationScoped
@Transactional
public class RealisasiService {

    public record Recorded(Realisasi realisasi, boolean created) {
    }

    @Inject
    OutboxWriter outbox;

    public Recorded record(String agencyCode, String indicatorCode, int year, BigDecimal value) {
        IndicatorRef indicator = indicator(agencyCode, indicatorCode);
        Realisasi realisasi = Realisasi.find(indicator, year, Realisasi.YEAR).orElse(null);
        boolean created = realisasi == null;
        if (created) {
            realisasi = new Realisasi();
            realisasi.id = UUID.randomUUID();
            realisasi.indicator = indicator;
            realisasi.year = year;
            realisasi.period = Realisasi.YEAR;
        } else if (realisasi.value.compareTo(value) == 0) {
            return new Recorded(realisasi, false);
        }
        realisasi.value = value;
        realisasi.revision++;
        realisasi.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        realisasi.persist();
        outbox.publish("indicator", indicator.indicatorId.toString(), RealizationEvents.REALISASI_RECORDED,
                new RealizationEvents.RealisasiRecordedV1(realisasi.id.toString(), indicator.indicatorId.toString(),
                        indicator.agencyCode, indicator.code, year, realisasi.period, value, realisasi.revision));
        return new Recorded(realisasi, created);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Realisasi> list(String agencyCode, Integer year) {
        agency(agencyCode);
        if (year == null) {
            return Realisasi.list("indicator.agencyCode = ?1", Sort.by("indicator.code").and("year").and("period"), agencyCode);
        }
        return Realisasi.list("indicator.agencyCode = ?1 and year = ?2", Sort.by("indicator.code").and("period"),
                agencyCode, year);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Realisasi get(String agencyCode, String indicatorCode, int year) {
        return Realisasi.find(indicator(agencyCode, indicatorCode), year, Realisasi.YEAR)
                .orElseThrow(() -> ApiProblem.notFound("realisasi " + year + " of indicator", indicatorCode));
    }

    private AgencyRef agency(String agencyCode) {
        return AgencyRef.findByCode(agencyCode).orElseThrow(() -> ApiProblem.notFound("agency", agencyCode));
    }

    private IndicatorRef indicator(String agencyCode, String indicatorCode) {
        agency(agencyCode);
        return IndicatorRef.findByCode(agencyCode, indicatorCode)
                .orElseThrow(() -> ApiProblem.notFound("indicator", indicatorCode));
    }
}
