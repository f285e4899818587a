package id.go.maluku.sakip.reporting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.maluku.sakip.infra.PublishedEvents;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A build run over every agency: one agency's failure is recorded and does not stop the others. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class BuildTests {

    static void send(KafkaProducer<String, String> producer, String topic, String type, String subject,
                     Map<String, ?> data) throws Exception {
        ObjectNode event = (ObjectNode) PublishedEvents.sample(type);
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", subject);
        event.put("time", OffsetDateTime.now().toString());
        ObjectNode body = (ObjectNode) event.get("data");
        data.forEach((k, v) -> body.set(k, PublishedEvents.JSON.valueToTree(v)));
        producer.send(new ProducerRecord<>(topic, subject, event.toString())).get();
    }

    @Test
    void every_agency_is_built_a_failure_is_recorded_and_a_second_trigger_is_refused() throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (String agency : new String[]{"build-ok", "build-empty"}) {
                String id = UUID.randomUUID().toString();
                send(producer, "sakip.planning.events", "sakip.planning.agency.upserted.v1", id,
                        Map.of("agencyId", id, "agencyCode", agency, "name", "Dinas " + agency));
            }
            String sasaranId = UUID.randomUUID().toString();
            String indicatorId = UUID.randomUUID().toString();
            send(producer, "sakip.planning.events", "sakip.planning.sasaran.upserted.v1", sasaranId,
                    Map.of("sasaranId", sasaranId, "agencyCode", "build-ok", "code", "S1", "ordinal", 1));
            send(producer, "sakip.planning.events", "sakip.planning.indicator.upserted.v1", indicatorId,
                    Map.of("indicatorId", indicatorId, "agencyCode", "build-ok", "sasaranId", sasaranId, "sasaranCode", "S1",
                            "code", "IK1", "unit", "kegiatan", "polarity", "positive"));
            send(producer, "sakip.planning.events", "sakip.planning.target.set.v1", indicatorId,
                    Map.of("indicatorId", indicatorId, "agencyCode", "build-ok", "indicatorCode", "IK1", "year", 2022, "value", 19));
            send(producer, "sakip.realization.events", "sakip.realization.realisasi.recorded.v1", indicatorId, Map.of(
                    "realisasiId", UUID.randomUUID().toString(), "indicatorId", indicatorId, "agencyCode", "build-ok",
                    "indicatorCode", "IK1", "year", 2022, "period", "Y", "value", 19));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!asAdmin().accept("application/json").get("/api/v1/agencies/build-ok/years/2022/performance").asString()
                .contains("\"realisasi\":19")
                || asAdmin().get("/api/v1/agencies/build-empty/years/2022/review").statusCode() != 422) {
            assertTrue(System.nanoTime() < deadline, "the agencies never arrived");
            Thread.sleep(200);
        }

        String published = asAdmin().post("/api/v1/agencies/build-ok/years/2022/lkip/publications").then().statusCode(201)
                .extract().path("checksum");

        JsonPath started = asAdmin().post("/api/v1/builds?year=2022").then().statusCode(202).extract().jsonPath();
        String run = started.getString("runId");
        asAdmin().post("/api/v1/builds?year=2022").then().statusCode(409).contentType("application/problem+json");

        JsonPath builds = null;
        deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            builds = asAdmin().get("/api/v1/builds?run=" + run + "&size=1").then().statusCode(200).extract().jsonPath();
            if (!run.equals(builds.getString("running"))) {
                break;
            }
            Thread.sleep(300);
        }
        assertTrue(builds != null && !run.equals(builds.getString("running")), "the run never finished");
        // every agency the run started with has its record (other test classes leave many agencies behind,
        // so the two of this test are looked up by name rather than found on one page)
        assertEquals(started.getInt("agencies"), builds.getInt("total"));
        JsonPath ok = asAdmin().get("/api/v1/builds?run=" + run + "&agency=build-ok").then().statusCode(200)
                .extract().jsonPath();
        JsonPath empty = asAdmin().get("/api/v1/builds?run=" + run + "&agency=build-empty").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, ok.getInt("total"));
        assertEquals("SUCCEEDED", ok.getString("items[0].status"));
        assertTrue(ok.getInt("items[0].findings") >= 0);
        assertTrue(ok.getString("items[0].freshness") != null);
        assertEquals(1, empty.getInt("total"));
        assertEquals("FAILED", empty.getString("items[0].status"));
        assertTrue(empty.getString("items[0].error").contains("no Perjanjian Kinerja"));

        int okId = ok.getInt("items[0].id");
        byte[] pdf = asAdmin().accept("application/pdf").get("/api/v1/builds/" + okId).then().statusCode(200).extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        asAdmin().accept("text/html").get("/api/v1/builds/" + okId).then().statusCode(200).body(containsString("100,00 %"));
        int failedId = empty.getInt("items[0].id");
        asAdmin().accept("application/pdf").get("/api/v1/builds/" + failedId).then().statusCode(404)
                .contentType("application/problem+json");
        asAdmin().get("/api/v1/builds?agency=build-ok&year=2022").then().body("items[0].status", is("SUCCEEDED"));
        asAdmin().get("/api/v1/builds?size=500").then().statusCode(400);
        // builds are drafts: the published version is as it was
        asAdmin().get("/api/v1/agencies/build-ok/years/2022/lkip/publications").then()
                .body("size()", is(1)).body("[0].checksum", is(published));
    }
}
