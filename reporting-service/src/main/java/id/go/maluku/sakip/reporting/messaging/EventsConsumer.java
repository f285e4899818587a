package id.go.maluku.sakip.reporting.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.reporting.readmodel.IndicatorResult;
import id.go.maluku.sakip.reporting.readmodel.RmIndicator;
import id.go.maluku.sakip.reporting.readmodel.RmIndicatorDefinition;
import id.go.maluku.sakip.reporting.readmodel.RmRealisasi;
import id.go.maluku.sakip.reporting.readmodel.RmRemoval;
import id.go.maluku.sakip.reporting.readmodel.RmSasaran;
import id.go.maluku.sakip.reporting.readmodel.RmTarget;
import id.go.maluku.sakip.reporting.readmodel.SasaranResult;
import id.go.maluku.sakip.reporting.service.PublicationService;
import id.go.maluku.sakip.reporting.service.ReadModelService;
import id.go.maluku.sakip.reporting.service.RealisasiRun;
import id.go.maluku.sakip.reporting.service.Recalculator;
import id.go.maluku.sakip.platform.messaging.CloudEvent;
import id.go.maluku.sakip.platform.messaging.EventApplier;
import id.go.maluku.sakip.platform.messaging.ProcessedEvents;
import id.go.maluku.sakip.platform.messaging.Failures;
import id.go.maluku.sakip.platform.messaging.ParkedEventHandler;
import id.go.maluku.sakip.platform.messaging.UnprocessableEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Feeds the read model from the planning, realization and budget topics, one record at a time
 * in partition order. The event id is recorded in the same transaction as the update, so a
 * redelivered event is a no-op. An event that can never be applied goes to the dead-letter
 * topic with its reason; one that failed for a passing reason (database unreachable) is retried
 * with backoff, and during shutdown is left unacknowledged so that it is delivered again.
 */
@ApplicationScoped
public class EventsConsumer implements ParkedEventHandler {

    /** The name its parked events are listed under. */
    public static final String CONSUMER = "reporting-events";

    private static final Logger LOG = Logger.getLogger(EventsConsumer.class);

    /** data is null for event families reporting does not use. */
    record Envelope(UUID id, String type, OffsetDateTime time, Object data) {
    }

    // planning's removals, copied here (docs/events has their samples)
    static final String SASARAN_REMOVED = "sakip.planning.sasaran.removed.v1";
    static final String INDICATOR_REMOVED = "sakip.planning.indicator.removed.v1";
    static final String TARGET_REMOVED = "sakip.planning.target.removed.v1";
    static final String PK_REMOVED = "sakip.planning.pk.removed.v1";

    /** revision: the sasaran's last revision plus one; planning removes only a sasaran no indicator measures. */
    record SasaranRemoved(String sasaranId, String agencyCode, String code, long revision) {
    }

    /** Comes after a target.removed for each of the indicator's targets. */
    record IndicatorRemoved(String indicatorId, String agencyCode, String sasaranId, String sasaranCode, String code,
                            long revision) {
    }

    record TargetRemoved(String indicatorId, String agencyCode, String indicatorCode, int year, long revision) {
    }

    /** An unsigned Perjanjian Kinerja version; only the LKIP prints it. */
    record PkRemoved(String pkId, String agencyCode, int year, int version, long revision) {
    }

    /** Families this consumer applies; an unknown version of one of them is a dead letter. */
    static final java.util.Set<String> KNOWN_FAMILIES = java.util.Set.of(
            family(ConsumedEvents.AGENCY_UPSERTED), family(ConsumedEvents.SASARAN_UPSERTED),
            family(ConsumedEvents.INDICATOR_UPSERTED), family(ConsumedEvents.TARGET_SET),
            family(ConsumedEvents.REALISASI_RECORDED), family(ConsumedEvents.BUDGET_LINE_UPSERTED),
            family(ConsumedEvents.INDICATOR_DEFINED), family(ConsumedEvents.TARGET_DEFINED),
            family(ConsumedEvents.POLICY_CHANGED), family(ConsumedEvents.SECTION_UPSERTED),
            family(ConsumedEvents.BUDGET_LINE_CHANGED_V3), family(SASARAN_REMOVED), family(INDICATOR_REMOVED),
            family(TARGET_REMOVED), family(PK_REMOVED), family(ConsumedEvents.PERIOD_UNLOCKED));

    static String family(String type) {
        return CloudEvent.family(type);
    }

    private final ObjectMapper mapper;

    /**
     * Held for reading while the live channel applies an event, and for writing while the read
     * model is rebuilt: the live channel waits (its partitions are paused by the connector once
     * its buffer fills) and resumes where it was; what it then sees again is a no-op by event id.
     */
    final java.util.concurrent.locks.ReentrantReadWriteLock gate = new java.util.concurrent.locks.ReentrantReadWriteLock(true);

    /** Taken by a rebuild: the live channel waits until it is released. */
    public java.util.concurrent.locks.Lock rebuildGate() {
        return gate.writeLock();
    }

    /** Why the last record replayed on this thread was skipped as unprocessable, for the rebuild's answer. */
    private final ThreadLocal<String> lastReplayFailure = new ThreadLocal<>();

    public String lastReplayFailure() {
        return lastReplayFailure.get();
    }

    /** What a replayed record came to. */
    public enum Replayed { APPLIED, SKIPPED_UNPROCESSABLE, IGNORED }

    @Inject
    EntityManager em;

    @Inject
    ReadModelService readModel;

    @Inject
    Recalculator recalculator;

    @Inject
    RealisasiRun realisasiRun;

    @Inject
    EventApplier applier;

    @Inject
    PublicationService publications;

    @Inject
    ReplaySchema replaySchema;

    @Inject
    public EventsConsumer(ObjectMapper mapper) {
        // A missing number must not turn into 0 silently.
        this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    }

    /**
     * A batch of records (as many as the broker hands over at once) is applied in one
     * transaction, each indicator-year recalculated once at its end (Recalculator.coalescing):
     * under a stream of realisasi the per-event commit and recalculation were the consumer's
     * limit. Should anything in the batch fail, it is rolled back whole and its records are
     * applied one by one as before, each with its own retries and dead letters.
     */
    @Incoming("sakip-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws Exception {
        gate.readLock().lockInterruptibly();
        try {
            List<ConsumerRecord<String, String>> readable = new ArrayList<>();
            List<Envelope> envelopes = new ArrayList<>();
            for (ConsumerRecord<String, String> record : records) {
                try {
                    Envelope envelope = parse(record);
                    if (envelope.data() != null) {
                        readable.add(record);
                        envelopes.add(envelope);
                    }
                } catch (UnprocessableEvent e) {
                    applier.park(CONSUMER, record, e);
                }
            }
            if (envelopes.isEmpty()) {
                return;
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> recalculator.coalescing(() -> applyAll(envelopes)));
            } catch (RuntimeException batchFailed) {
                LOG.debugf("batch of %d events not applied whole (%s); applying one by one", envelopes.size(),
                        Failures.describe(batchFailed));
                for (int i = 0; i < envelopes.size(); i++) {
                    applyOpen(readable.get(i), envelopes.get(i));
                }
            }
        } finally {
            gate.readLock().unlock();
        }
    }

    /**
     * Applies a record read again from the beginning of a topic, through the same parsing and
     * applying as the live channel. What could never be applied was dead-lettered when it first
     * came and is only counted here; a passing failure is retried a few times, then fails the
     * rebuild.
     */
    public Replayed replay(ConsumerRecord<String, String> record) throws InterruptedException {
        lastReplayFailure.remove();
        Envelope envelope;
        try {
            envelope = parse(record);
        } catch (UnprocessableEvent e) {
            lastReplayFailure.set(Failures.describe(e));
            return Replayed.SKIPPED_UNPROCESSABLE;
        }
        if (envelope.data() == null) {
            return Replayed.IGNORED;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    replaySchema.enter(em);
                    apply(envelope);
                });
                return Replayed.APPLIED;
            } catch (RuntimeException e) {
                Failures.Failure failure = Failures.classify(e);
                if (failure.kind() == Failures.Kind.PERMANENT) {
                    lastReplayFailure.set(envelope.type() + " " + envelope.id() + ": " + failure.reason());
                    return Replayed.SKIPPED_UNPROCESSABLE;
                }
                if (attempt >= 5) {
                    throw e;
                }
                Thread.sleep(200L * attempt);
            }
        }
    }

    /** One record of a batch that failed whole: applied alone, or parked (EventApplier). */
    private void applyOpen(ConsumerRecord<String, String> record, Envelope envelope) throws Exception {
        applier.applyOrPark(CONSUMER, record, () -> QuarkusTransaction.requiringNew().run(() -> apply(envelope)));
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    /** A parked record applied again, as the live channel would (the same event id: once at most). */
    @Override
    public void reapply(ConsumerRecord<String, String> record) throws Exception {
        gate.readLock().lockInterruptibly();
        try {
            Envelope envelope = parse(record);
            if (envelope.data() != null) {
                QuarkusTransaction.requiringNew().run(() -> apply(envelope));
            }
        } finally {
            gate.readLock().unlock();
        }
    }

    /** The record's event; one whose source does not own the record's topic (TopicOwners) is unprocessable. */
    Envelope parse(ConsumerRecord<String, String> record) {
        CloudEvent event = CloudEvent.read(mapper, record, true);
        if (!KNOWN_FAMILIES.contains(family(event.type()))) {
            // a fact reporting does not hold (yet): not an error, nothing to apply
            return new Envelope(event.id(), event.type(), event.time(), null);
        }
        Class<?> shape = switch (event.type()) {
            case ConsumedEvents.AGENCY_UPSERTED -> ConsumedEvents.AgencyUpserted.class;
            case ConsumedEvents.SASARAN_UPSERTED -> ConsumedEvents.SasaranUpserted.class;
            case ConsumedEvents.INDICATOR_UPSERTED -> ConsumedEvents.IndicatorUpserted.class;
            case ConsumedEvents.TARGET_SET -> ConsumedEvents.TargetSet.class;
            case ConsumedEvents.REALISASI_RECORDED -> ConsumedEvents.RealisasiRecorded.class;
            case ConsumedEvents.BUDGET_LINE_UPSERTED -> ConsumedEvents.BudgetLineUpserted.class;
            case ConsumedEvents.INDICATOR_DEFINED -> ConsumedEvents.IndicatorDefined.class;
            case ConsumedEvents.TARGET_DEFINED -> ConsumedEvents.TargetDefined.class;
            case ConsumedEvents.POLICY_CHANGED -> ConsumedEvents.PolicyChangedV1.class;
            case ConsumedEvents.POLICY_CHANGED_V2 -> ConsumedEvents.PolicyChanged.class;
            case ConsumedEvents.SECTION_UPSERTED -> ConsumedEvents.SectionUpserted.class;
            case ConsumedEvents.BUDGET_LINE_CHANGED_V2 -> ConsumedEvents.BudgetLineChanged.class;
            case ConsumedEvents.BUDGET_LINE_CHANGED_V3 -> ConsumedEvents.BudgetLineChangedV3.class;
            case SASARAN_REMOVED -> SasaranRemoved.class;
            case INDICATOR_REMOVED -> IndicatorRemoved.class;
            case TARGET_REMOVED -> TargetRemoved.class;
            case PK_REMOVED -> PkRemoved.class;
            case ConsumedEvents.PERIOD_UNLOCKED -> ConsumedEvents.PeriodUnlocked.class;
            default -> throw new UnprocessableEvent("unknown event type or version: " + event.type());
        };
        return new Envelope(event.id(), event.type(), event.time(), event.data(mapper, shape));
    }

    /**
     * Applies a batch in its order; each run of consecutive realisasi events goes in one piece
     * (RealisasiRun): they are most of what arrives under load, and one at a time each cost
     * several round trips to the database.
     */
    void applyAll(List<Envelope> envelopes) {
        int i = 0;
        while (i < envelopes.size()) {
            int end = i;
            while (end < envelopes.size() && envelopes.get(end).data() instanceof ConsumedEvents.RealisasiRecorded) {
                end++;
            }
            if (end - i > 1) {
                applyRealisasiRun(envelopes.subList(i, end));
                i = end;
            } else {
                apply(envelopes.get(i));
                i++;
            }
        }
    }

    private void applyRealisasiRun(List<Envelope> run) {
        java.util.Set<UUID> first = firstDeliveries(run);
        List<RealisasiRun.Item> items = new ArrayList<>(run.size());
        for (Envelope envelope : run) {
            if (first.remove(envelope.id())) { // removed: an id twice in one run counts once, as one by one
                items.add(new RealisasiRun.Item((ConsumedEvents.RealisasiRecorded) envelope.data(), envelope.time()));
            }
        }
        realisasiRun.apply(items);
    }

    /** firstDelivery for a run of events in one statement: the ids not seen before. */
    private java.util.Set<UUID> firstDeliveries(List<Envelope> run) {
        em.flush();
        java.util.Set<UUID> first = new java.util.HashSet<>();
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement(
                    "insert into processed_event (event_id, event_type, processed_at) "
                            + "select id, type, now() from unnest(?, ?) as t(id, type) on conflict do nothing returning event_id")) {
                insert.setArray(1, connection.createArrayOf("uuid", run.stream().map(Envelope::id).toArray()));
                insert.setArray(2, connection.createArrayOf("varchar", run.stream().map(Envelope::type).toArray()));
                try (java.sql.ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        first.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        });
        return first;
    }

    void apply(Envelope envelope) {
        if (!firstDelivery(envelope.id(), envelope.type())) {
            return;
        }
        try {
            // Java 17: no pattern matching in switch yet
            Object event = envelope.data();
            OffsetDateTime time = envelope.time();
            if (heldBackByARemoval(event)) {
                return; // older than planning's removal of the element: it must not bring it back
            }
            if (!(event instanceof ConsumedEvents.RealisasiRecorded || event instanceof ConsumedEvents.TargetSet
                    || event instanceof ConsumedEvents.TargetDefined)) {
                // only runs of realisasi and target changes are recalculated together; anything else
                // sees the results of what came before it, as when events are applied one by one
                recalculator.recalculateWaiting();
            }
            if (event instanceof ConsumedEvents.AgencyUpserted e) {
                readModel.apply(e);
            } else if (event instanceof ConsumedEvents.SasaranUpserted e) {
                readModel.apply(e, time);
            } else if (event instanceof ConsumedEvents.IndicatorUpserted e) {
                readModel.apply(e, time);
            } else if (event instanceof ConsumedEvents.TargetSet e) {
                readModel.apply(e, time);
            } else if (event instanceof ConsumedEvents.RealisasiRecorded e) {
                readModel.apply(e, time);
            } else if (event instanceof ConsumedEvents.BudgetLineUpserted e) {
                readModel.apply(e, time);
            } else if (event instanceof ConsumedEvents.IndicatorDefined e) {
                readModel.apply(e, time);
            } else if (event instanceof ConsumedEvents.TargetDefined e) {
                readModel.apply(e, time);
            } else if (event instanceof ConsumedEvents.PolicyChanged e) {
                readModel.apply(e, time);
            } else if (event instanceof ConsumedEvents.PolicyChangedV1 e) {
                readModel.apply(e.asV2(), time);
            } else if (event instanceof ConsumedEvents.SectionUpserted e) {
                readModel.apply(e, time);
            } else if (event instanceof ConsumedEvents.BudgetLineChanged e) {
                readModel.apply(e, time);
            } else if (event instanceof ConsumedEvents.BudgetLineChangedV3 e) {
                readModel.apply(e, time);
            } else if (event instanceof SasaranRemoved e) {
                remove(e, time);
            } else if (event instanceof IndicatorRemoved e) {
                remove(e, time);
            } else if (event instanceof TargetRemoved e) {
                remove(e, time);
            } else if (event instanceof ConsumedEvents.PeriodUnlocked e) {
                superseded(e);
            } else if (event instanceof PkRemoved e) {
                RmRemoval.record(RmRemoval.PK, RmRemoval.pk(required(e.agencyCode(), "agencyCode"), e.year(), e.version()),
                        e.agencyCode(), e.revision(), time);
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // a field missing or out of range in the data: the event itself is wrong
            throw new UnprocessableEvent("event " + envelope.id() + " cannot be applied: " + e.getMessage(), e);
        }
    }

    /** A plan fact of an element planning removed at this revision or a newer one. */
    private static boolean heldBackByARemoval(Object event) {
        if (event instanceof ConsumedEvents.SasaranUpserted e) {
            return RmRemoval.holdsBack(RmRemoval.SASARAN, e.sasaranId(), e.revision());
        }
        if (event instanceof ConsumedEvents.IndicatorUpserted e) {
            return RmRemoval.holdsBack(RmRemoval.INDICATOR, e.indicatorId(), e.revision());
        }
        if (event instanceof ConsumedEvents.IndicatorDefined e) {
            return RmRemoval.holdsBack(RmRemoval.INDICATOR, e.indicatorId(), e.revision());
        }
        if (event instanceof ConsumedEvents.TargetSet e) {
            return RmRemoval.holdsBack(RmRemoval.TARGET, e.indicatorId() + "/" + e.year(), e.revision());
        }
        if (event instanceof ConsumedEvents.TargetDefined e) {
            return RmRemoval.holdsBack(RmRemoval.TARGET, e.indicatorId() + "/" + e.year(), e.revision());
        }
        return false;
    }

    /**
     * The sasaran and its results leave the model. planning removes only a sasaran no indicator
     * measures, so no indicator result is left to recompute.
     */
    private void remove(SasaranRemoved e, OffsetDateTime time) {
        UUID id = UUID.fromString(required(e.sasaranId(), "sasaranId"));
        RmSasaran sasaran = RmSasaran.findById(id);
        if (sasaran != null && sasaran.revision >= e.revision()) {
            return; // the sasaran held is newer than this removal
        }
        if (!RmRemoval.record(RmRemoval.SASARAN, id.toString(), required(e.agencyCode(), "agencyCode"), e.revision(), time)) {
            return;
        }
        if (sasaran != null) {
            sasaran.delete();
        }
        SasaranResult.delete("sasaranId", id);
    }

    /**
     * The indicator, its definition, targets and results leave the model, and the agency's
     * results are recomputed from what remains (a sasaran's mean loses the indicator). Its
     * realisasi copies stay: planning re-creates an indicator with its old id, and they count
     * again then.
     */
    private void remove(IndicatorRemoved e, OffsetDateTime time) {
        UUID id = UUID.fromString(required(e.indicatorId(), "indicatorId"));
        String agency = required(e.agencyCode(), "agencyCode");
        RmIndicator indicator = RmIndicator.findById(id);
        if (indicator != null && indicator.revision >= e.revision()) {
            return;
        }
        if (!RmRemoval.record(RmRemoval.INDICATOR, id.toString(), agency, e.revision(), time)) {
            return;
        }
        if (indicator != null) {
            indicator.delete();
        }
        RmIndicatorDefinition.deleteById(id);
        RmTarget.delete("indicatorId", id);
        IndicatorResult.delete("indicatorId", id);
        recompute(agency, time);
    }

    /**
     * The target leaves the model. The indicator's result for the year is recomputed without it
     * if the year has realisasi, and leaves with it otherwise.
     */
    private void remove(TargetRemoved e, OffsetDateTime time) {
        UUID id = UUID.fromString(required(e.indicatorId(), "indicatorId"));
        String agency = required(e.agencyCode(), "agencyCode");
        RmTarget target = RmTarget.find("indicatorId = ?1 and year = ?2", id, e.year()).firstResult();
        if (target != null && target.revision >= e.revision()) {
            return;
        }
        if (!RmRemoval.record(RmRemoval.TARGET, RmRemoval.target(id, e.year()), agency, e.revision(), time)) {
            return;
        }
        if (target != null) {
            target.delete();
        }
        if (RmRealisasi.count("indicatorId = ?1 and year = ?2", id, e.year()) == 0) {
            IndicatorResult.delete("indicatorId = ?1 and year = ?2", id, e.year());
        }
        recompute(agency, time);
    }

    /**
     * Every result of the agency from the facts that remain, as for a new policy, then the
     * sasaran results no indicator result stands behind any more.
     */
    private void recompute(String agency, OffsetDateTime time) {
        em.flush();
        recalculator.agencyChanged(agency, time);
        em.flush();
        SasaranResult.delete("from SasaranResult s where s.agencyCode = ?1 and not exists (select 1 from IndicatorResult i "
                + "where i.sasaranId = s.sasaranId and i.year = s.year)", agency);
    }

    /**
     * The publications the reopened lock held (up to its version) no longer match the data. An
     * unlock of a lock set by hand names no publication and changes none.
     */
    private void superseded(ConsumedEvents.PeriodUnlocked e) {
        if (e.publicationVersion() == null) {
            return;
        }
        publications.supersede(required(e.agencyCode(), "agencyCode"), e.year(), e.publicationVersion(),
                OffsetDateTime.parse(required(e.unlockedAt(), "unlockedAt")), required(e.unlockedBy(), "unlockedBy"),
                required(e.reason(), "reason"), required(e.period(), "period"));
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("event data has no '" + field + "'");
        }
        return value;
    }

    private boolean firstDelivery(UUID eventId, String type) {
        return ProcessedEvents.firstDelivery(em, eventId, type);
    }
}
