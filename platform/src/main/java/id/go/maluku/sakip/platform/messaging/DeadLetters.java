package id.go.maluku.sakip.platform.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Copies a parked event to the service's dead-letter topic ({@code sakip.dead-letter.topic}), with
 * the reason and where it came from in headers, for tools that watch topics. The parked_event
 * table (ParkedEvents) is what an operator lists, retries and discards.
 */
@ApplicationScoped
public class DeadLetters {

    @Inject
    KafkaClientSettings kafka;

    @ConfigProperty(name = "sakip.dead-letter.topic")
    Optional<String> topic;

    private KafkaProducer<String, String> producer;

    @PostConstruct
    void open() {
        if (topic.isEmpty()) {
            return;
        }
        Properties props = kafka.connection();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, topic.get() + "-producer");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /**
     * Opens the producer and asks for the topic's partitions at start, on a thread of its own: the
     * first dead letter otherwise paid for the producer's start and the topic's creation (about a
     * second, measured in BENCHMARKS.md), while every record behind it in its partition waited.
     */
    void warm(@Observes StartupEvent event) {
        if (topic.isEmpty()) {
            return;
        }
        Thread warming = new Thread(() -> {
            try {
                producer.partitionsFor(topic.get());
            } catch (RuntimeException brokerAway) {
                // the first dead letter pays instead
            }
        }, "dead-letters-warm-up");
        warming.setDaemon(true);
        warming.start();
    }

    void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Returns once the broker has it; throws if it does not within the producer's timeouts. */
    public void send(ConsumerRecord<String, String> record, String reasonKind, String reason) throws Exception {
        if (producer == null) {
            return;
        }
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic.get(), record.key(), record.value());
        record.headers().forEach(h -> dead.headers().add(h));
        dead.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-reason-kind", reasonKind.getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-partition", String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
        producer.send(dead).get(30, TimeUnit.SECONDS);
    }
}
