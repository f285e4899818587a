package id.go.maluku.sakip.realization.service;

import id.go.maluku.sakip.realization.domain.AgencyRef;
import id.go.maluku.sakip.realization.domain.Aggregation;
import id.go.maluku.sakip.realization.domain.IndicatorRef;
import id.go.maluku.sakip.realization.domain.PlanPeriod;
import id.go.maluku.sakip.realization.domain.TargetRef;
import id.go.maluku.sakip.realization.domain.ValueScale;
import id.go.maluku.sakip.realization.event.PlanningEventsV1;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Applies planning facts; an older revision never overwrites a newer one. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReferenceService {

    @Inject
    EntityManager em;

    /**
     * The Renstra's years, from the section "renstra" (startYear, endYear); a newer revision of
     * the section replaces them, an older or equal one changes nothing. A Renstra that states no
     * years is kept as such (no bound but the fixed range).
     */
    public void apply(PlanningEventsV1.SectionUpserted event) {
        String agencyCode = Objects.requireNonNull(event.agencyCode(), "agencyCode");
        PlanPeriod plan = PlanPeriod.of(year(event.content(), "startYear"), year(event.content(), "endYear"));
        em.createNativeQuery("insert into plan_period (agency_code, start_year, end_year, revision) "
                        + "values (?1, cast(?2 as integer), cast(?3 as integer), ?4) on conflict (agency_code) do update "
                        + "set start_year = excluded.start_year, end_year = excluded.end_year, revision = excluded.revision "
                        + "where plan_period.revision < excluded.revision")
                .setParameter(1, agencyCode)
                .setParameter(2, plan == null ? null : String.valueOf(plan.startYear()))
                .setParameter(3, plan == null ? null : String.valueOf(plan.endYear()))
                .setParameter(4, event.revision())
                .executeUpdate();
    }

    /** The agency's Renstra years, or null when planning has published none. A read: also outside a transaction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanPeriod planPeriod(String agencyCode) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select start_year, end_year from plan_period where agency_code = ?1")
                .setParameter(1, agencyCode).getResultList();
        return rows.isEmpty() ? null : PlanPeriod.of((Integer) rows.get(0)[0], (Integer) rows.get(0)[1]);
    }

    /** A year the content states as a whole number; null when it states none. */
    private static Integer year(JsonNode content, String field) {
        JsonNode value = content == null ? null : content.get(field);
        return value != null && value.canConvertToInt() && value.isIntegralNumber() ? value.intValue() : null;
    }

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
        copy(ref, event.agencyCode(), event.code(), event.name(), event.unit(), event.sasaranCode(), event.polarity(),
                event.revision());
        ref.sasaranId = event.sasaranId() == null ? null : UUID.fromString(event.sasaranId());
        ref.removed = false;
        ref.persist();
    }

    /** The fields that indicator.upserted and indicator.defined both carry. */
    private static void copy(IndicatorRef ref, String agencyCode, String code, String name, String unit,
                             String sasaranCode, String polarity, long revision) {
        ref.agencyCode = Objects.requireNonNull(agencyCode, "agencyCode");
        ref.code = Objects.requireNonNull(code, "code");
        ref.name = Objects.requireNonNull(name, "name");
        ref.unit = Objects.requireNonNull(unit, "unit");
        ref.sasaranCode = sasaranCode;
        ref.polarity = polarity;
        ref.revision = revision;
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
        setTarget(event.indicatorId(), event.year(), event.agencyCode(), event.indicatorCode(), null, event.revision());
    }

    /**
     * Keeps the indicator's responsible unit, aggregation, polarity and ordered scale. The definition comes with the revision of the
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
            copy(ref, event.agencyCode(), event.code(), event.name(), event.unit(), event.sasaranCode(),
                    event.polarity(), event.revision());
        } else if (ref.definitionRevision >= event.revision()) {
            return;
        }
        String unit = event.responsibleUnit();
        ref.responsibleUnit = unit == null || unit.isBlank() ? null : unit.strip();
        // checked here: an aggregation this code does not know makes the event unprocessable
        Aggregation aggregation = Aggregation.parse(event.aggregation());
        ref.aggregation = aggregation == null ? null : aggregation.name();
        // the kind of value is the plan's: its polarity and, for an ordinal one, its ordered scale
        // (checked here: a level too long for value_text makes the event unprocessable)
        if (event.polarity() != null && !event.polarity().isBlank()) {
            ref.polarity = event.polarity().strip();
        }
        ref.scale = ValueScale.checkLevels(event.scale());
        ref.definitionRevision = event.revision();
        ref.persist();
    }

    public void apply(PlanningEventsV1.TargetSet event) {
        setTarget(event.indicatorId(), event.year(), event.agencyCode(), event.indicatorCode(),
                Objects.requireNonNull(event.value(), "value"), event.revision());
    }

    /** value null: the target was removed. */
    private void setTarget(String indicatorId, int year, String agencyCode, String indicatorCode, BigDecimal value,
                           long revision) {
        UUID id = UUID.fromString(Objects.requireNonNull(indicatorId, "indicatorId"));
        TargetRef.Key key = new TargetRef.Key(id, year);
        TargetRef ref = TargetRef.findById(key);
        if (ref == null) {
            ref = new TargetRef();
            ref.key = key;
        } else if (ref.revision >= revision) {
            return;
        }
        ref.agencyCode = Objects.requireNonNull(agencyCode, "agencyCode");
        ref.indicatorCode = Objects.requireNonNull(indicatorCode, "indicatorCode");
        ref.value = value;
        ref.revision = revision;
        ref.persist();
    }
}
