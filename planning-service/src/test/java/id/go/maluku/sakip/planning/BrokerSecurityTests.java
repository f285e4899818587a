package id.go.maluku.sakip.planning;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.infra.PublishedEvents;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.infra.SecuredKafka;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static id.go.maluku.sakip.infra.OpenApiWalk.management;
import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * planning-service against a broker that takes SASL/SCRAM and ACLs (deploy/infra SecuredKafka),
 * configured only as an installation configures it: SAKIP_KAFKA_SECURITY_PROTOCOL and the
 * service's own principal. Its outbox relay publishes through the platform's client settings,
 * and what it published is there for the services allowed to read it.
 */
@QuarkusTest
@TestProfile(BrokerSecurityTests.AsPlanningOnTheSaslBroker.class)
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class BrokerSecurityTests {

    public static class AsPlanningOnTheSaslBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            SecuredKafka kafka = SecuredKafka.start();
            return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(),
                    "SAKIP_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                    "SAKIP_KAFKA_USERNAME", SecuredKafka.PLANNING,
                    "SAKIP_KAFKA_PASSWORD", kafka.password(SecuredKafka.PLANNING));
        }
    }

    @Test
    void planning_publishes_as_its_own_principal_through_the_platform_s_settings() throws Exception {
        SecuredKafka kafka = SecuredKafka.start();
        assertEquals(kafka.bootstrapServers(), ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "this application talks to the SASL broker");

        asAdmin().contentType(ContentType.JSON).body(Map.of("code", "sasl-a", "name", "Dinas sasl-a"))
                .post("/api/v1/agencies").then().statusCode(201);

        // read as reporting-service, which may read planning's topic
        JsonNode event = null;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka.client(SecuredKafka.REPORTING),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor("sakip.planning.events", Duration.ofSeconds(10))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (event == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode body = PublishedEvents.JSON.readTree(record.value());
                    if ("sasl-a".equals(body.path("data").path("agencyCode").asText())) {
                        event = body;
                    }
                }
            }
        }
        assertTrue(event != null, "planning's event is on the SASL broker");
        assertEquals("sakip.planning.agency.upserted.v1", event.path("type").asText());
        assertEquals("/sakip/planning-service", event.path("source").asText());

        // nothing waits in the outbox (the row is marked sent just after the broker's acknowledgement)
        // or was refused, and the Kafka health check is up as the same principal
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (asAdmin().get("/api/v1/admin/outbox").then().statusCode(200).extract().jsonPath().getInt("pending") > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        asAdmin().get("/api/v1/admin/outbox").then().statusCode(200).body("pending", is(0)).body("failed", is(0));
        management().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Kafka connection health check' }.status", is("UP"));
    }
}
