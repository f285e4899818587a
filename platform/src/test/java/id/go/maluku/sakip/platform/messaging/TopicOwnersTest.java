package id.go.maluku.sakip.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TopicOwnersTest {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            // topic,                     owner
            "sakip.planning.events,       /sakip/planning-service",
            "sakip.realization.events,    /sakip/realization-service",
            "sakip.budget.events,         /sakip/budget-service",
            "sakip.reporting.events,      /sakip/reporting-service",
            // a dead-letter topic is written by its consumer and read by no service
            "sakip.reporting.dlq,         none",
            "planning.events,             none",
            "sakip.planning.events.x,     none",
            "sakip..events,               none",
            "sakip.Planning.events,       none",
    })
    void a_topic_is_owned_by_the_service_it_is_named_after(String topic, String owner) {
        assertEquals(Optional.ofNullable(owner), TopicOwners.ownerOf(topic));
    }

    @Test
    void the_owner_passes() {
        assertDoesNotThrow(() -> TopicOwners.requireOwner("sakip.planning.events", "/sakip/planning-service"));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "sakip.planning.events,    /sakip/budget-service,       source '/sakip/budget-service' does not own topic sakip.planning.events: only /sakip/planning-service publishes there",
            "sakip.planning.events,    /sakip/planning-service/,    source '/sakip/planning-service/' does not own topic sakip.planning.events: only /sakip/planning-service publishes there",
            "sakip.planning.events,    /SAKIP/planning-service,     source '/SAKIP/planning-service' does not own topic sakip.planning.events: only /sakip/planning-service publishes there",
            "sakip.realization.events, none,                        source (none) does not own topic sakip.realization.events: only /sakip/realization-service publishes there",
            "sakip.reporting.dlq,      /sakip/reporting-service,    topic sakip.reporting.dlq has no known owner; an event from it (source '/sakip/reporting-service') is not applied",
    })
    void anyone_else_is_refused_naming_both(String topic, String source, String reason) {
        UnprocessableEvent refused = assertThrows(UnprocessableEvent.class, () -> TopicOwners.requireOwner(topic, source));
        assertEquals(reason, refused.getMessage());
        // the consumers' one failure path parks it at once, with this reason
        Failures.Failure failure = Failures.classify(refused);
        assertEquals(Failures.Kind.PERMANENT, failure.kind());
        assertEquals(Failures.UNPROCESSABLE, failure.reasonKind());
        assertEquals("UnprocessableEvent: " + reason, failure.reason());
    }

    static final String EVENT = "{\"specversion\": \"1.0\", \"id\": \"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\", \"source\": \"%s\", "
            + "\"type\": \"sakip.planning.target.set.v1\", \"time\": \"2022-12-31T00:00:00Z\", \"data\": {\"year\": 2022}}";

    static ConsumerRecord<String, String> record(String topic, String payload) {
        return new ConsumerRecord<>(topic, 0, 7L, "key", payload);
    }

    @Test
    void an_event_is_read_with_its_source_checked_against_its_topic() {
        ObjectMapper mapper = new ObjectMapper();
        CloudEvent event = CloudEvent.read(mapper, record("sakip.planning.events", EVENT.formatted("/sakip/planning-service")), true);
        assertEquals("/sakip/planning-service", event.source());
        assertEquals("sakip.planning.target.set.v1", event.type());

        UnprocessableEvent forged = assertThrows(UnprocessableEvent.class, () -> CloudEvent.read(mapper,
                record("sakip.planning.events", EVENT.formatted("/sakip/realization-service")), true));
        assertEquals("source '/sakip/realization-service' does not own topic sakip.planning.events: "
                + "only /sakip/planning-service publishes there", forged.getMessage());

        String withoutSource = EVENT.formatted("x").replace("\"source\": \"x\", ", "");
        UnprocessableEvent anonymous = assertThrows(UnprocessableEvent.class,
                () -> CloudEvent.read(mapper, record("sakip.planning.events", withoutSource), true));
        assertEquals("event has no 'source'", anonymous.getCause() == null ? anonymous.getMessage() : anonymous.getCause().getMessage());
    }
}
