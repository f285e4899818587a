package id.go.maluku.sakip.realization.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Moves an event that can never be processed (it does not parse, lacks a field, or has a type
 * or version this code does not know) to the dead-letter topic, with the reason and where it
 * came from, and returns only once the broker has it. Events that failed for a passing reason
 * (database down, shutdown) never come here: they are retried.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "sakip.dead-letter.topic")
    String topic;

    private KafkaProducer<String, String> producer;

    @PostConstruct
    void open() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, topic + "-producer");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    public void send(ConsumerRecord<String, String> record, Throwable reason) throws Exception {
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic, record.key(), record.value());
        record.headers().forEach(h -> dead.headers().add(h));
        dead.headers().add("dead-letter-reason", describe(reason).getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-partition", String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
        producer.send(dead).get(30, TimeUnit.SECONDS);
        LOG.warnf("event at %s-%d@%d moved to %s: %s", record.topic(), record.partition(), record.offset(), topic,
                describe(reason));
    }

    static String describe(Throwable reason) {
        String message = reason.getMessage();
        return reason.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
