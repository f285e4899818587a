package id.go.maluku.sakip.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The outbox in /q/health/ready. Rows waiting while the broker is away are no reason to stop
 * taking writes (that is what the outbox is for), so they are reported, not DOWN; the relay not
 * running at all is DOWN.
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox");
        if (!relay.enabled()) {
            return response.up().withData("relay", "none: this service publishes no events").build();
        }
        OutboxRelay.OutboxStats stats = relay.stats();
        return response.status(relay.alive())
                .withData("relay", relay.alive() ? "running" : "not running")
                .withData("pending", stats.pending())
                .withData("failed", stats.failed())
                .withData("oldestPendingAgeSeconds", stats.oldestPendingAge().toSeconds())
                .build();
    }
}
