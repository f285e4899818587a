package id.go.maluku.sakip.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The lag of each consumer group of this service, per partition: the topic's end offset less the
 * group's committed offset, read from the broker every {@code sakip.consumer.lag-interval} (not
 * from the consumers, so it is right whichever instance holds a partition). In /q/metrics as
 * {@code sakip_consumer_lag{group,topic,partition}} and in the readiness data as the total per group.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);

    @Inject
    MeterRegistry metrics;

    @Inject
    KafkaClientSettings kafka;

    /** The service's consumer groups; none: nothing is measured. */
    @ConfigProperty(name = "sakip.consumer.groups")
    Optional<List<String>> groups;

    @ConfigProperty(name = "sakip.consumer.lag-interval", defaultValue = "PT10S")
    Duration interval;

    private final Map<String, Long> lags = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private Admin admin;

    void onStart(@Observes StartupEvent event) {
        if (groups.isEmpty() || groups.get().isEmpty()) {
            return;
        }
        Properties props = kafka.connection();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "lag-" + String.join("-", groups.get()));
        admin = Admin.create(props);
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "consumer-lag");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::measure, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    /** The total lag of each group, as last measured (empty before the first measurement). */
    public Map<String, Long> totals() {
        Map<String, Long> totals = new HashMap<>();
        lags.forEach((key, lag) -> totals.merge(key.substring(0, key.indexOf('|')), lag, Long::sum));
        return totals;
    }

    void measure() {
        try {
            for (String group : groups.get()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                Set<TopicPartition> partitions = committed.keySet();
                if (partitions.isEmpty()) {
                    continue;
                }
                var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                        .all().get(5, TimeUnit.SECONDS);
                for (TopicPartition partition : partitions) {
                    OffsetAndMetadata at = committed.get(partition);
                    long lag = Math.max(0, ends.get(partition).offset() - (at == null ? 0 : at.offset()));
                    String key = group + "|" + partition.topic() + "|" + partition.partition();
                    if (lags.put(key, lag) == null) {
                        Gauge.builder("sakip.consumer.lag", lags, l -> l.getOrDefault(key, 0L))
                                .description("records of the partition the consumer group has not committed yet")
                                .tags(Tags.of("group", group, "topic", partition.topic(),
                                        "partition", String.valueOf(partition.partition())))
                                .register(metrics);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the broker is away: the last figures stand, and the Kafka readiness check says why
            LOG.debugf("consumer lag not measured: %s", Failures.describe(e));
        }
    }
}
