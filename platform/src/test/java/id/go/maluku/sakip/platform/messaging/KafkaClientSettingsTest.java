package id.go.maluku.sakip.platform.messaging;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KafkaClientSettingsTest {

    @Test
    void a_client_takes_the_connection_settings_and_nothing_else() {
        Map<String, Object> kafka = new HashMap<>();
        kafka.put("bootstrap.servers", "kafka:9092");
        kafka.put("security.protocol", "SASL_SSL");
        kafka.put("sasl.mechanism", "SCRAM-SHA-512");
        kafka.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"planning-service\" password=\"s3cret\";");
        kafka.put("ssl.truststore.type", "PEM");
        kafka.put("ssl.truststore.location", "/etc/sakip/kafka-ca.pem");
        // what Quarkus hands over for an expression that came to nothing
        kafka.put("ssl.keystore.location", "");
        // a channel's or a consumer's own, not the connection's
        kafka.put("group.id", "planning-service");
        kafka.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        kafka.put("port", "tcp://10.0.0.7:9092"); // KAFKA_PORT, which Kubernetes sets for a Service named kafka

        Map<String, Object> expected = new HashMap<>();
        expected.put("bootstrap.servers", "kafka:9092");
        expected.put("security.protocol", "SASL_SSL");
        expected.put("sasl.mechanism", "SCRAM-SHA-512");
        expected.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"planning-service\" password=\"s3cret\";");
        expected.put("ssl.truststore.type", "PEM");
        expected.put("ssl.truststore.location", "/etc/sakip/kafka-ca.pem");
        assertEquals(expected, new HashMap<>(KafkaClientSettings.connection(kafka)));
    }

    static SmallRyeConfig platformDefaults(Map<String, String> environment) throws Exception {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(KafkaClientSettingsTest.class.getResource("/META-INF/microprofile-config.properties")))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .addDefaultInterceptors()
                .build();
    }

    @Test
    void unless_told_otherwise_a_service_connects_in_plain_text() throws Exception {
        SmallRyeConfig config = platformDefaults(Map.of());
        assertEquals("PLAINTEXT", config.getValue("kafka.security.protocol", String.class));
        // read only under SASL; there, without a username, the broker refuses the client
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"\" password=\"\";",
                config.getValue("kafka.sasl.jaas.config", String.class));
    }

    @Test
    void an_installation_names_the_protocol_and_the_service_s_principal() throws Exception {
        SmallRyeConfig config = platformDefaults(Map.of("SAKIP_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "SAKIP_KAFKA_USERNAME", "realization-service", "SAKIP_KAFKA_PASSWORD", "n0t-in-git"));
        assertEquals("SASL_SSL", config.getValue("kafka.security.protocol", String.class));
        assertEquals("SCRAM-SHA-512", config.getValue("kafka.sasl.mechanism", String.class));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"realization-service\" "
                + "password=\"n0t-in-git\";", config.getValue("kafka.sasl.jaas.config", String.class));

        SmallRyeConfig plain = platformDefaults(Map.of("SAKIP_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "SAKIP_KAFKA_SASL_MECHANISM", "PLAIN", "SAKIP_KAFKA_SASL_JAAS_CONFIG",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"a\" password=\"b\";"));
        assertEquals("PLAIN", plain.getValue("kafka.sasl.mechanism", String.class));
        assertEquals("org.apache.kafka.common.security.plain.PlainLoginModule required username=\"a\" password=\"b\";",
                plain.getValue("kafka.sasl.jaas.config", String.class));
    }
}
