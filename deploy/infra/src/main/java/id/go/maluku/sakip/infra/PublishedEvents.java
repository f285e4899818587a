package id.go.maluku.sakip.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Reads what a service really published on the broker, and the checked-in event samples (docs/events) its events must match. */
public final class PublishedEvents {

    public static final ObjectMapper JSON = new ObjectMapper();

    public record Event(String key, JsonNode body) {
    }

    private PublishedEvents() {
    }

    /** Every event on the topic whose record matches, waiting up to the timeout for at least {@code atLeast}. */
    public static List<Event> await(String topic, Predicate<Event> match, int atLeast, Duration timeout) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Event> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Event event = new Event(record.key(), JSON.readTree(record.value()));
                    if (match.test(event)) {
                        found.add(event);
                    }
                }
                if (found.size() >= atLeast) {
                    // one more short poll so that an unexpected extra event is seen too
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                        Event event = new Event(record.key(), JSON.readTree(record.value()));
                        if (match.test(event)) {
                            found.add(event);
                        }
                    }
                    return found;
                }
            }
        }
        return found;
    }

    /** Records on a topic with the given key, whatever their value (for dead letters). */
    public static List<Event> awaitRaw(String topic, String key, Duration timeout) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + java.util.UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Event> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(new Event(record.key(), JSON.getNodeFactory().textNode(record.value())));
                    }
                }
            }
        }
        return found;
    }

    public static Predicate<Event> ofType(String type, String subject) {
        return e -> type.equals(e.body().path("type").asText()) && subject.equals(e.body().path("subject").asText());
    }

    /** The checked-in sample that producer and consumer tests share. */
    public static JsonNode sample(String type) throws Exception {
        return JSON.readTree(Files.readString(Path.of("..", "docs", "events", type + ".json")));
    }

    /** Every field path of a JSON document, to compare an event's shape with its sample's. */
    public static TreeSet<String> shape(JsonNode node) {
        TreeSet<String> paths = new TreeSet<>();
        collect("", node, paths);
        return paths;
    }

    private static void collect(String prefix, JsonNode node, TreeSet<String> paths) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                String path = prefix.isEmpty() ? name : prefix + "." + name;
                paths.add(path);
                collect(path, node.get(name), paths);
            }
        }
    }
}
