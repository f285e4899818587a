package id.go.maluku.sakip.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The consumers in /q/health/ready and /q/metrics: events parked, the lag of each group
 * (ConsumerLag), and per consumer the age of the oldest record not applied yet. Readiness goes
 * DOWN only when a consumer has been failing on one record for longer than
 * {@code sakip.consumer.stall-after} (it can neither apply nor park it: the database is away), not
 * for parked events, which no longer hold anything up.
 */
@Readiness
@ApplicationScoped
public class ConsumerHealth implements HealthCheck {

    @Inject
    EventApplier applier;

    @Inject
    ParkedEvents parked;

    @Inject
    Instance<ParkedEventHandler> handlers;

    @Inject
    MeterRegistry metrics;

    @Inject
    ConsumerLag lag;

    @ConfigProperty(name = "sakip.consumer.stall-after", defaultValue = "PT2M")
    Duration stallAfter;

    private volatile long parkedCount;
    private volatile long parkedReadAt;

    void onStart(@Observes StartupEvent event) {
        if (handlers.isResolvable() || handlers.stream().findAny().isPresent()) {
            Gauge.builder("sakip.consumer.parked", this, ConsumerHealth::parkedNow)
                    .description("events parked by this service's consumers, waiting for an operator").register(metrics);
        }
    }

    /** Read at most every 5 s: a scrape or a probe must not become a query each. */
    double parkedNow() {
        long now = System.currentTimeMillis();
        if (now - parkedReadAt > 5000) {
            parkedReadAt = now;
            try {
                parkedCount = parked.countParked();
            } catch (Exception e) {
                // the database is away: the last count stands, and the datasource check says why
            }
        }
        return parkedCount;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumers").up();
        if (handlers.stream().findAny().isEmpty()) {
            return response.withData("consumers", "none").build();
        }
        response.withData("parked", (long) parkedNow());
        lag.totals().forEach((group, total) -> response.withData(group + ".lag", total));
        for (Map.Entry<String, EventApplier.Progress> entry : applier.progress().entrySet()) {
            EventApplier.Progress progress = entry.getValue();
            Instant failingSince = progress.failingSince();
            boolean stalled = failingSince != null && Duration.between(failingSince, Instant.now()).compareTo(stallAfter) > 0;
            response.withData(entry.getKey() + ".oldestUnappliedAgeSeconds", progress.oldestUnappliedAge().toSeconds());
            if (stalled) {
                response.down().withData(entry.getKey(), "no progress since " + failingSince);
            }
        }
        return response.build();
    }
}
