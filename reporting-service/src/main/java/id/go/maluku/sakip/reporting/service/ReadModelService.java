package id.go.maluku.sakip.reporting.service;

import id.go.maluku.sakip.reporting.messaging.ConsumedEvents;
import id.go.maluku.sakip.reporting.readmodel.RmAgency;
import id.go.maluku.sakip.reporting.readmodel.RmBudgetLine;
import id.go.maluku.sakip.reporting.readmodel.RmIndicator;
import id.go.maluku.sakip.reporting.readmodel.RmRealisasi;
import id.go.maluku.sakip.reporting.readmodel.RmSasaran;
import id.go.maluku.sakip.reporting.readmodel.RmTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import id.go.maluku.sakip.reporting.domain.Polarity;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * Applies facts to the read model. Each copy keeps the revision it came from, and an older
 * revision never overwrites a newer one, so reordered events cannot corrupt it. After a fact
 * changes, exactly the results it affects are recomputed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReadModelService {

    @Inject
    Recalculator recalculator;

    public void apply(ConsumedEvents.AgencyUpserted e) {
        UUID id = uuid(e.agencyId(), "agencyId");
        RmAgency agency = RmAgency.findById(id);
        if (agency == null) {
            agency = new RmAgency();
            agency.agencyId = id;
        } else if (agency.revision >= e.revision()) {
            return;
        }
        agency.agencyCode = required(e.agencyCode(), "agencyCode");
        agency.name = required(e.name(), "name");
        agency.revision = e.revision();
        agency.persist();
    }

    public void apply(ConsumedEvents.SasaranUpserted e, OffsetDateTime time) {
        UUID id = uuid(e.sasaranId(), "sasaranId");
        RmSasaran sasaran = RmSasaran.findById(id);
        if (sasaran == null) {
            sasaran = new RmSasaran();
            sasaran.sasaranId = id;
        } else if (sasaran.revision >= e.revision()) {
            return;
        }
        sasaran.agencyCode = required(e.agencyCode(), "agencyCode");
        sasaran.code = required(e.code(), "code");
        sasaran.name = required(e.name(), "name");
        sasaran.ordinal = e.ordinal();
        sasaran.revision = e.revision();
        sasaran.persist();
    }

    public void apply(ConsumedEvents.IndicatorUpserted e, OffsetDateTime time) {
        UUID id = uuid(e.indicatorId(), "indicatorId");
        RmIndicator indicator = RmIndicator.findById(id);
        UUID previousSasaran = null;
        if (indicator == null) {
            indicator = new RmIndicator();
            indicator.indicatorId = id;
        } else if (indicator.revision >= e.revision()) {
            return;
        } else {
            previousSasaran = indicator.sasaranId;
        }
        indicator.agencyCode = required(e.agencyCode(), "agencyCode");
        indicator.sasaranId = uuid(e.sasaranId(), "sasaranId");
        indicator.code = required(e.code(), "code");
        indicator.name = required(e.name(), "name");
        indicator.unit = required(e.unit(), "unit");
        indicator.polarity = Polarity.of(required(e.polarity(), "polarity")).toString();
        indicator.revision = e.revision();
        indicator.persist();
        // polarity or sasaran may have changed: every year of this indicator, and the sasaran it left
        recalculator.indicatorChanged(indicator, previousSasaran, time);
    }

    public void apply(ConsumedEvents.TargetSet e, OffsetDateTime time) {
        UUID indicatorId = uuid(e.indicatorId(), "indicatorId");
        RmTarget target = RmTarget.find("indicatorId = ?1 and year = ?2", indicatorId, e.year()).firstResult();
        if (target == null) {
            target = new RmTarget();
            target.indicatorId = indicatorId;
            target.year = e.year();
        } else if (target.revision >= e.revision()) {
            return;
        }
        target.value = Objects.requireNonNull(e.value(), "value");
        target.revision = e.revision();
        target.persist();
        recalculator.periodChanged(indicatorId, e.year(), time);
    }

    public void apply(ConsumedEvents.RealisasiRecorded e, OffsetDateTime time) {
        UUID indicatorId = uuid(e.indicatorId(), "indicatorId");
        String period = required(e.period(), "period");
        RmRealisasi realisasi = RmRealisasi.find("indicatorId = ?1 and year = ?2 and period = ?3",
                indicatorId, e.year(), period).firstResult();
        if (realisasi == null) {
            realisasi = new RmRealisasi();
            realisasi.indicatorId = indicatorId;
            realisasi.year = e.year();
            realisasi.period = period;
        } else if (realisasi.revision >= e.revision()) {
            return;
        }
        realisasi.value = Objects.requireNonNull(e.value(), "value");
        realisasi.revision = e.revision();
        realisasi.updatesApplied++;
        realisasi.persist();
        recalculator.periodChanged(indicatorId, e.year(), time);
    }

    public void apply(ConsumedEvents.BudgetLineUpserted e) {
        UUID id = uuid(e.lineId(), "lineId");
        RmBudgetLine line = RmBudgetLine.findById(id);
        if (line == null) {
            line = new RmBudgetLine();
            line.lineId = id;
        } else if (line.revision >= e.revision()) {
            return;
        }
        line.agencyCode = required(e.agencyCode(), "agencyCode");
        line.fiscalYear = e.fiscalYear();
        line.code = required(e.code(), "code");
        line.name = required(e.name(), "name");
        line.pagu = Objects.requireNonNull(e.pagu(), "pagu");
        line.realisasi = Objects.requireNonNull(e.realisasi(), "realisasi");
        line.revision = e.revision();
        line.persist();
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("event data has no '" + field + "'");
        }
        return value;
    }

    private static UUID uuid(String value, String field) {
        return UUID.fromString(required(value, field));
    }
}
