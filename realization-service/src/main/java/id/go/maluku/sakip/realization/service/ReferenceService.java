package id.go.maluku.sakip.realization.service;

import id.go.maluku.sakip.realization.domain.AgencyRef;
import id.go.maluku.sakip.realization.domain.IndicatorRef;
import id.go.maluku.sakip.realization.domain.TargetRef;
import id.go.maluku.sakip.realization.event.PlanningEventsV1;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Objects;
import java.util.UUID;

/** Applies planning facts; an older revision never overwrites a newer one. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReferenceService {

    public void apply(PlanningEventsV1.AgencyUpserted event) {
        UUID id = UUID.fromString(Objects.requireNonNull(event.agencyId(), "agencyId"));
        AgencyRef ref = AgencyRef.findById(id);
        if (ref == null) {
            ref = new AgencyRef();
            ref.agencyId = id;
        } else if (ref.revision >= event.revision()) {
            return;
        }
        ref.agencyCode = Objects.requireNonNull(event.agencyCode(), "agencyCode");
        ref.name = Objects.requireNonNull(event.name(), "name");
        ref.revision = event.revision();
        ref.persist();
    }

    public void apply(PlanningEventsV1.IndicatorUpserted event) {
        UUID id = UUID.fromString(Objects.requireNonNull(event.indicatorId(), "indicatorId"));
        IndicatorRef ref = IndicatorRef.findById(id);
        if (ref == null) {
            ref = new IndicatorRef();
            ref.indicatorId = id;
        } else if (ref.revision >= event.revision()) {
            return;
        }
        ref.agencyCode = Objects.requireNonNull(event.agencyCode(), "agencyCode");
        ref.code = Objects.requireNonNull(event.code(), "code");
        ref.name = Objects.requireNonNull(event.name(), "name");
        ref.unit = Objects.requireNonNull(event.unit(), "unit");
        ref.sasaranId = event.sasaranId() == null ? null : UUID.fromString(event.sasaranId());
        ref.sasaranCode = event.sasaranCode();
        ref.polarity = event.polarity();
        ref.revision = event.revision();
        ref.removed = false;
        ref.persist();
    }

    /**
     * Marks the indicator removed, newest revision winning as for any other fact. An indicator
     * never copied here has nothing to mark.
     */
    public void apply(PlanningEventsV1.IndicatorRemoved event) {
        UUID id = UUID.fromString(Objects.requireNonNull(event.indicatorId(), "indicatorId"));
        IndicatorRef ref = IndicatorRef.findById(id);
        if (ref == null || ref.revision >= event.revision()) {
            return;
        }
        ref.removed = true;
        ref.revision = event.revision();
        ref.persist();
    }

    /** Drops the target's value and keeps the removal's revision, so that no older target.set brings it back. */
    public void apply(PlanningEventsV1.TargetRemoved event) {
        UUID id = UUID.fromString(Objects.requireNonNull(event.indicatorId(), "indicatorId"));
        TargetRef.Key key = new TargetRef.Key(id, event.year());
        TargetRef ref = TargetRef.findById(key);
        if (ref == null) {
            ref = new TargetRef();
            ref.key = key;
        } else if (ref.revision >= event.revision()) {
            return;
        }
        ref.agencyCode = Objects.requireNonNull(event.agencyCode(), "agencyCode");
        ref.indicatorCode = Objects.requireNonNull(event.indicatorCode(), "indicatorCode");
        ref.value = null;
        ref.revision = event.revision();
        ref.persist();
    }

    /**
     * Keeps the indicator's responsible unit. The definition comes with the revision of the
     * indicator.upserted.v1 published just before it, so it is ordered by its own counter. Should
     * it find no copy of the indicator (its upserted event was not applied), it makes one from the
     * definition, which carries every field of the copy but the sasaran id.
     */
    public void apply(PlanningEventsV1.IndicatorDefined event) {
        UUID id = UUID.fromString(Objects.requireNonNull(event.indicatorId(), "indicatorId"));
        IndicatorRef ref = IndicatorRef.findById(id);
        if (ref == null) {
            ref = new IndicatorRef();
            ref.indicatorId = id;
            ref.agencyCode = Objects.requireNonNull(event.agencyCode(), "agencyCode");
            ref.code = Objects.requireNonNull(event.code(), "code");
            ref.name = Objects.requireNonNull(event.name(), "name");
            ref.unit = Objects.requireNonNull(event.unit(), "unit");
            ref.sasaranCode = event.sasaranCode();
            ref.polarity = event.polarity();
            ref.revision = event.revision();
        } else if (ref.definitionRevision >= event.revision()) {
            return;
        }
        String unit = event.responsibleUnit();
        ref.responsibleUnit = unit == null || unit.isBlank() ? null : unit.strip();
        ref.definitionRevision = event.revision();
        ref.persist();
    }

    public void apply(PlanningEventsV1.TargetSet event) {
        UUID id = UUID.fromString(Objects.requireNonNull(event.indicatorId(), "indicatorId"));
        TargetRef.Key key = new TargetRef.Key(id, event.year());
        TargetRef ref = TargetRef.findById(key);
        if (ref == null) {
            ref = new TargetRef();
            ref.key = key;
        } else if (ref.revision >= event.revision()) {
            return;
        }
        ref.agencyCode = Objects.requireNonNull(event.agencyCode(), "agencyCode");
        ref.indicatorCode = Objects.requireNonNull(event.indicatorCode(), "indicatorCode");
        ref.value = Objects.requireNonNull(event.value(), "value");
        ref.revision = event.revision();
        ref.persist();
    }
}
