package id.go.maluku.sakip.realization;

import id.go.maluku.sakip.infra.PublishedEvents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.maluku.sakip.realization.domain.IndicatorRef;
import id.go.maluku.sakip.realization.domain.TargetRef;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Publishes planning's events on the real broker, as planning would, and waits until they are applied. */
final class PlanningFeed implements AutoCloseable {

    final KafkaProducer<String, String> producer;

    PlanningFeed() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @Override
    public void close() {
        producer.close();
    }

    static ObjectNode event(String type, String subject, Map<String, Object> data) throws Exception {
        ObjectNode event = (ObjectNode) PublishedEvents.sample(type);
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", subject);
        ObjectNode body = (ObjectNode) event.get("data");
        data.forEach((k, v) -> body.set(k, PublishedEvents.JSON.valueToTree(v)));
        return event;
    }

    void send(ObjectNode event) throws Exception {
        producer.send(new ProducerRecord<>("sakip.planning.events", event.path("subject").asText(), event.toString())).get();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** An agency and one indicator of it, known to realization once this returns; the indicator's id. */
    String indicator(String agency, String code, String unit, Map<String, Object> extra) throws Exception {
        String agencyId = UUID.nameUUIDFromBytes(agency.getBytes()).toString();
        send(event("sakip.planning.agency.upserted.v1", agencyId, Map.of("agencyId", agencyId, "agencyCode", agency)));
        String indicatorId = UUID.randomUUID().toString();
        Map<String, Object> data = new HashMap<>(Map.of("indicatorId", indicatorId, "agencyCode", agency, "code", code,
                "unit", unit));
        data.putAll(extra);
        send(event("sakip.planning.indicator.upserted.v1", indicatorId, data));
        await("indicator " + code, () -> QuarkusTransaction.requiringNew()
                .call(() -> IndicatorRef.findById(UUID.fromString(indicatorId)) != null));
        return indicatorId;
    }

    String indicator(String agency, String code, String unit) throws Exception {
        return indicator(agency, code, unit, Map.of());
    }

    /**
     * Planning's full definition of a known indicator (indicator.defined.v1) with its responsible
     * unit, a unit name or null for the agency itself; waits until realization has applied it.
     */
    void definition(String indicatorId, String agency, String code, String unit, String responsibleUnit, long revision)
            throws Exception {
        definition(indicatorId, agency, code, unit, responsibleUnit, revision, Map.of());
    }

    /** The same with other fields of the definition (e.g. the plan's aggregation). */
    void definition(String indicatorId, String agency, String code, String unit, String responsibleUnit, long revision,
                    Map<String, Object> extra) throws Exception {
        Map<String, Object> data = new HashMap<>(Map.of("indicatorId", indicatorId, "agencyCode", agency, "code", code,
                "unit", unit, "revision", revision));
        data.put("responsibleUnit", responsibleUnit);
        data.putAll(extra);
        send(event("sakip.planning.indicator.defined.v1", indicatorId, data));
        await("definition " + revision + " of " + code, () -> QuarkusTransaction.requiringNew().call(() -> {
            IndicatorRef ref = IndicatorRef.findById(UUID.fromString(indicatorId));
            return ref != null && ref.definitionRevision >= revision;
        }));
    }

    /** An indicator as planning publishes it: its upserted event, then its definition with the same revision. */
    String indicatorOfUnit(String agency, String code, String unit, String responsibleUnit) throws Exception {
        String indicatorId = indicator(agency, code, unit);
        definition(indicatorId, agency, code, unit, responsibleUnit, 1);
        return indicatorId;
    }

    static String responsibleUnit(String indicatorId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            IndicatorRef ref = IndicatorRef.findById(UUID.fromString(indicatorId));
            return ref == null ? null : ref.responsibleUnit;
        });
    }

    ObjectNode target(String indicatorId, String agency, String code, int year, Number value, long revision) throws Exception {
        ObjectNode e = event("sakip.planning.target.set.v1", indicatorId, Map.of("indicatorId", indicatorId,
                "agencyCode", agency, "indicatorCode", code, "year", year, "value", value, "revision", revision));
        send(e);
        return e;
    }

    static BigDecimal targetValue(String indicatorId, int year) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TargetRef t = TargetRef.findById(new TargetRef.Key(UUID.fromString(indicatorId), year));
            return t == null ? null : t.value;
        });
    }
}
