package id.go.maluku.sakip.platform.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where the broker is and how a client of this service proves who it is and encrypts: the one
 * place the Kafka clients the platform makes itself (outbox relay, dead letters, consumer lag, a
 * service's own replay consumer) take their connection settings from. They are the service's
 * {@code kafka.} settings, the same ones SmallRye's channels and Quarkus' Kafka health check use
 * (Quarkus gathers them, environment variables {@code KAFKA_*} included, into the
 * {@code default-kafka-broker} map), so no client of a service can connect any other way than its
 * channels do. The platform's defaults (META-INF/microprofile-config.properties) read
 * {@code SAKIP_KAFKA_SECURITY_PROTOCOL} (PLAINTEXT unless set), {@code SAKIP_KAFKA_SASL_MECHANISM},
 * {@code SAKIP_KAFKA_USERNAME} and {@code SAKIP_KAFKA_PASSWORD}; TLS settings are the client's own
 * ({@code KAFKA_SSL_TRUSTSTORE_TYPE}, ... ). docs/security.md, "Broker".
 */
@ApplicationScoped
public class KafkaClientSettings {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    /** The connection settings, for a client to add its own to. */
    public Properties connection() {
        Properties props = new Properties();
        props.putAll(connection(kafka));
        return props;
    }

    /**
     * The settings of a client's connection among all of a service's Kafka settings: the broker's
     * address, the security protocol, SASL and TLS (and Quarkus' named TLS configuration). A blank
     * value is left out: Quarkus hands one over for a setting whose expression came to nothing,
     * and a client would take it for a value (an empty truststore path, say).
     */
    static Map<String, Object> connection(Map<String, ?> kafka) {
        Map<String, Object> connection = new TreeMap<>();
        kafka.forEach((key, value) -> {
            boolean connectionKey = key.equals("bootstrap.servers") || key.equals("security.protocol")
                    || key.startsWith("sasl.") || key.startsWith("ssl.") || key.equals("tls-configuration-name");
            if (connectionKey && value != null && !value.toString().isBlank()) {
                connection.put(key, value);
            }
        });
        return connection;
    }
}
