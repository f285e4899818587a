package id.go.maluku.sakip.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way a consumer applies a record: try, classify what went wrong (Failures), and either
 * park the record at once (permanent), or retry with backoff until the retry bound and park it
 * then ({@code retries-exhausted}). So no record, however bad, holds its partition (and so other
 * agencies' events behind it) for longer than the bound. Two exceptions, both on purpose: during
 * shutdown a failing record is left unacknowledged (it comes again after the restart), and a
 * record that cannot even be parked (the database is away) is retried until it can: then nothing
 * could be applied for anyone anyway, and acknowledging it would lose it.
 *
 * <p>Order: a later event of the same indicator may be applied while an earlier one is parked.
 * That is safe because every fact a consumer holds keeps its revision and an older revision never
 * overwrites a newer one: a parked event retried afterwards cannot undo what came after it.
 */
@ApplicationScoped
public class EventApplier {

    private static final Logger LOG = Logger.getLogger(EventApplier.class);

    /** A step of applying that may throw anything. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    /** What a consumer is doing now, for health and metrics. */
    public static final class Progress {
        volatile Instant lastApplied;
        volatile Instant failingSince;
        volatile Instant failingRecordTime;

        public Instant lastApplied() {
            return lastApplied;
        }

        /** When the record in hand first failed; null while nothing fails. */
        public Instant failingSince() {
            return failingSince;
        }

        /** Age of the oldest record not applied yet: the one in hand, while it fails. */
        public Duration oldestUnappliedAge() {
            Instant time = failingRecordTime != null ? failingRecordTime : failingSince;
            return time == null ? Duration.ZERO : Duration.between(time, Instant.now());
        }
    }

    @Inject
    ParkedEvents parked;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "sakip.consumer.retry-bound", defaultValue = "PT30S")
    Duration retryBound;

    @ConfigProperty(name = "sakip.consumer.max-backoff", defaultValue = "PT5S")
    Duration maxBackoff;

    private volatile boolean stopping;
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    public boolean stopping() {
        return stopping;
    }

    public Map<String, Progress> progress() {
        return progress;
    }

    public Duration retryBound() {
        return retryBound;
    }

    /**
     * Applies the record with apply (which runs its own transaction), retrying and parking as
     * above. Returns when it is applied or parked; throws only during shutdown.
     */
    public void applyOrPark(String consumer, ConsumerRecord<String, String> record, Step apply) throws Exception {
        Progress state = progressOf(consumer);
        long started = System.nanoTime();
        long backoff = 100;
        while (true) {
            Failures.Failure failure;
            try {
                apply.run();
                state.failingSince = null;
                state.failingRecordTime = null;
                state.lastApplied = Instant.now();
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failure = Failures.classify(e);
                if (stopping) {
                    throw e; // not acknowledged: delivered again after the restart
                }
            }
            if (state.failingSince == null) {
                state.failingSince = Instant.now();
                state.failingRecordTime = record.timestamp() > 0 ? Instant.ofEpochMilli(record.timestamp()) : null;
            }
            boolean exhausted = Duration.ofNanos(System.nanoTime() - started).compareTo(retryBound) >= 0;
            if (failure.kind() == Failures.Kind.PERMANENT || exhausted) {
                Failures.Failure reason = failure.kind() == Failures.Kind.PERMANENT ? failure
                        : new Failures.Failure(Failures.Kind.TRANSIENT, Failures.RETRIES_EXHAUSTED,
                        "not applied within " + retryBound + "; last: " + failure.reason());
                if (tryPark(consumer, record, reason)) {
                    state.failingSince = null;
                    state.failingRecordTime = null;
                    state.lastApplied = Instant.now();
                    return;
                }
            } else {
                LOG.warnf("%s: record %s-%d@%d not applied yet (%s); retrying in %d ms", consumer, record.topic(),
                        record.partition(), record.offset(), failure.reason(), backoff);
            }
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, maxBackoff.toMillis());
        }
    }

    /** Parks a record found unprocessable before any apply (it does not parse, say). */
    public void park(String consumer, ConsumerRecord<String, String> record, Throwable why) throws Exception {
        Failures.Failure failure = Failures.classify(why);
        if (failure.kind() != Failures.Kind.PERMANENT) {
            failure = new Failures.Failure(Failures.Kind.PERMANENT, Failures.UNPROCESSABLE, failure.reason());
        }
        long backoff = 100;
        while (!tryPark(consumer, record, failure)) {
            if (stopping) {
                throw new IllegalStateException("shutting down before record " + record.offset() + " was parked");
            }
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, maxBackoff.toMillis());
        }
    }

    private boolean tryPark(String consumer, ConsumerRecord<String, String> record, Failures.Failure failure) {
        try {
            parked.park(consumer, record, failure);
            return true;
        } catch (Exception e) {
            LOG.warnf("%s: record %s-%d@%d could not be parked yet (%s); trying again", consumer, record.topic(),
                    record.partition(), record.offset(), Failures.describe(e));
            return false;
        }
    }

    private Progress progressOf(String consumer) {
        return progress.computeIfAbsent(consumer, name -> {
            Progress created = new Progress();
            Gauge.builder("sakip.consumer.oldest.unapplied.age.seconds", created, p -> p.oldestUnappliedAge().toMillis() / 1000.0)
                    .description("age of the oldest record this consumer has not applied yet (the one it retries)")
                    .tags(Tags.of("consumer", name)).register(metrics);
            return created;
        });
    }
}
