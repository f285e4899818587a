package id.go.maluku.sakip.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker set up as docs/security.md asks (SASL/SCRAM, one principal per service, ACLs): a
 * service with its credentials writes its own topic and the services that consume it read it;
 * nobody writes another's topic or reads what they do not consume; a wrong password is refused.
 */
class SecuredKafkaTest {

    static SecuredKafka kafka;

    @BeforeAll
    static void start() {
        kafka = SecuredKafka.start();
    }

    static KafkaProducer<String, String> producer(Map<String, Object> client) {
        Map<String, Object> props = new java.util.HashMap<>(client);
        // as the outbox relay sends: idempotent, acks from all
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    static KafkaConsumer<String, String> consumer(Map<String, Object> client, String group) {
        Map<String, Object> props = new java.util.HashMap<>(client);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    static RecordMetadata send(String user, String topic, String key) throws Exception {
        try (KafkaProducer<String, String> producer = producer(kafka.client(user))) {
            return producer.send(new ProducerRecord<>(topic, key, "{\"key\": \"" + key + "\"}")).get(20, TimeUnit.SECONDS);
        }
    }

    /** Reads the topic from the start as the user in the group, until the key is seen; the records read. */
    static List<String> read(String user, String group, String topic, String key) {
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(kafka.client(user), group)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!keys.contains(key) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(record.key());
                }
            }
            consumer.commitSync();
        }
        return keys;
    }

    @ParameterizedTest
    @CsvSource({
            // writer,              topic,                     a reader,             its group
            "planning-service,      sakip.planning.events,     realization-service,  realization-service",
            "planning-service,      sakip.planning.events,     reporting-service,    reporting-service-documents",
            "realization-service,   sakip.realization.events,  reporting-service,    reporting-service",
            "budget-service,        sakip.budget.events,       reporting-service,    reporting-service",
            "reporting-service,     sakip.reporting.events,    realization-service,  realization-service-publications",
    })
    void a_service_writes_its_own_topic_and_its_consumers_read_it(String writer, String topic, String reader, String group)
            throws Exception {
        String key = writer + "-" + UUID.randomUUID();
        RecordMetadata written = send(writer, topic, key);
        assertEquals(topic, written.topic());
        assertTrue(read(reader, group, topic, key).contains(key), reader + " reads " + topic);
    }

    @Test
    void a_consumer_writes_its_dead_letters() throws Exception {
        assertEquals("sakip.realization.dlq", send(SecuredKafka.REALIZATION, "sakip.realization.dlq", "dead-1").topic());
        assertEquals("sakip.reporting.dlq", send(SecuredKafka.REPORTING, "sakip.reporting.dlq", "dead-2").topic());
    }

    @ParameterizedTest
    @CsvSource({
            // who,                 the topic it may not write
            "reporting-service,     sakip.planning.events",
            "realization-service,   sakip.planning.events",
            "budget-service,        sakip.planning.events",
            "planning-service,      sakip.budget.events",
            "planning-service,      sakip.realization.events",
            "budget-service,        sakip.realization.dlq",
            "realization-service,   sakip.reporting.dlq",
            "realization-service,   sakip.reporting.events",
            "planning-service,      sakip.reporting.events",
    })
    void a_client_without_write_rights_on_a_topic_is_refused(String user, String topic) {
        ExecutionException refused = assertThrows(ExecutionException.class, () -> send(user, topic, "forged"));
        TopicAuthorizationException cause = assertInstanceOf(TopicAuthorizationException.class, refused.getCause());
        assertEquals(Set.of(topic), cause.unauthorizedTopics());
    }

    @ParameterizedTest
    @CsvSource({
            // who,                 a topic it does not consume,  a group of its own
            "realization-service,   sakip.budget.events,          realization-service",
            "realization-service,   sakip.realization.events,     realization-service",
            "realization-service,   sakip.reporting.dlq,          realization-service",
            "reporting-service,     sakip.realization.dlq,        reporting-service",
            "reporting-service,     sakip.reporting.dlq,          reporting-service",
            "reporting-service,     sakip.reporting.events,       reporting-service",
    })
    void a_service_reads_only_what_it_consumes(String user, String topic, String group) {
        TopicAuthorizationException refused = assertThrows(TopicAuthorizationException.class, () -> {
            try (KafkaConsumer<String, String> consumer = consumer(kafka.client(user), group)) {
                consumer.subscribe(List.of(topic));
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200));
                }
            }
        });
        assertEquals(Set.of(topic), refused.unauthorizedTopics());
    }

    @ParameterizedTest
    @CsvSource({
            // who,                 a topic it may read,        a group not its own
            "realization-service,   sakip.planning.events,      reporting-service",
            "reporting-service,     sakip.planning.events,      realization-service",
            // planning and budget consume nothing: no group at all
            "planning-service,      sakip.planning.events,      planning-service",
            "budget-service,        sakip.budget.events,        budget-service",
    })
    void a_service_uses_no_consumer_group_but_its_own(String user, String topic, String group) {
        GroupAuthorizationException refused = assertThrows(GroupAuthorizationException.class, () -> {
            try (KafkaConsumer<String, String> consumer = consumer(kafka.client(user), group)) {
                consumer.subscribe(List.of(topic));
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200));
                }
            }
        });
        assertEquals(group, refused.groupId());
    }

    @Test
    void a_wrong_password_is_an_authentication_failure() {
        Map<String, Object> wrong = kafka.client(SecuredKafka.PLANNING, "not-" + kafka.password(SecuredKafka.PLANNING));
        try (KafkaProducer<String, String> producer = producer(wrong)) {
            ExecutionException refused = assertThrows(ExecutionException.class, () -> producer
                    .send(new ProducerRecord<>("sakip.planning.events", "k", "v")).get(20, TimeUnit.SECONDS));
            SaslAuthenticationException cause = assertInstanceOf(SaslAuthenticationException.class, refused.getCause());
            assertTrue(cause.getMessage().contains("Authentication failed"), cause.getMessage());
        }
        // and a user the broker does not know, the same
        Map<String, Object> stranger = kafka.client("intruder", kafka.password(SecuredKafka.PLANNING));
        try (KafkaProducer<String, String> producer = producer(stranger)) {
            ExecutionException refused = assertThrows(ExecutionException.class, () -> producer
                    .send(new ProducerRecord<>("sakip.planning.events", "k", "v")).get(20, TimeUnit.SECONDS));
            assertInstanceOf(SaslAuthenticationException.class, refused.getCause());
        }
    }
}
