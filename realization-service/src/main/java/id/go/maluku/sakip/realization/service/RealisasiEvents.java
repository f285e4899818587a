package id.go.maluku.sakip.realization.service;

import id.go.maluku.sakip.realization.domain.Realisasi;
import id.go.maluku.sakip.realization.event.RealizationEvents;
import id.go.maluku.sakip.platform.outbox.OutboxEvent;
import id.go.maluku.sakip.platform.outbox.OutboxWriter;
import id.go.maluku.sakip.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The events of a realisasi, all keyed by its indicator id so that they stay in order. */
@ApplicationScoped
public class RealisasiEvents {

    @Inject
    OutboxWriter outbox;

    /** Who makes the change: the subject of the request's bearer token. */
    @Inject
    Caller caller;

    /** The recorded event's outbox row, for {@link RealisasiStore} to write with the change. */
    public OutboxEvent recorded(Realisasi r) {
        return outbox.prepare("indicator", r.indicator.indicatorId.toString(), RealizationEvents.REALISASI_RECORDED,
                new RealizationEvents.RealisasiRecordedV1(r.id.toString(), r.indicator.indicatorId.toString(),
                        r.indicator.agencyCode, r.indicator.code, r.year, r.period, r.value, r.revision));
    }

    public void statement(id.go.maluku.sakip.realization.domain.RealisasiStatement s) {
        outbox.publish("indicator", s.indicator.indicatorId.toString(), RealizationEvents.STATEMENT_RECORDED,
                new RealizationEvents.StatementRecordedV1(s.id.toString(), s.indicator.indicatorId.toString(),
                        s.indicator.agencyCode, s.indicator.code, s.year, s.period, s.value, s.valueText, s.statedIn,
                        s.note, s.recordedAt.toInstant().toEpochMilli()));
    }

    public void statusChanged(Realisasi r, String status, String previous, String note) {
        statusChanged(r, status, previous, note, caller.subject());
    }

    /** The same for a change no request makes (an event applied): changedBy is named by the caller. */
    public void statusChanged(Realisasi r, String status, String previous, String note, String changedBy) {
        outbox.publish("indicator", r.indicator.indicatorId.toString(), RealizationEvents.STATUS_CHANGED,
                new RealizationEvents.StatusChangedV1(r.id.toString(), r.indicator.indicatorId.toString(),
                        r.indicator.agencyCode, r.indicator.code, r.year, r.period, status, previous, note,
                        changedBy, r.revision));
    }

    /** A locked period reopened; keyed by agency and year, so one year's locks and unlocks stay in order. */
    public void periodUnlocked(id.go.maluku.sakip.realization.domain.PeriodLock lock) {
        outbox.publish("period-lock", lock.agencyCode + "/" + lock.year, RealizationEvents.PERIOD_UNLOCKED,
                new RealizationEvents.PeriodUnlockedV1(lock.id.toString(), lock.agencyCode, lock.year, lock.period,
                        lock.unlockReason, lock.unlockedBy, lock.unlockedAt.toString(), lock.publicationVersion));
    }
}
