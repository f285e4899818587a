package id.go.maluku.sakip.reporting.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which records the documents consumer reads at all (the rest it skips by their ce_type header). */
class DocumentsConsumerTest {

    private static ConsumerRecord<String, String> record(String ceType) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("sakip.realization.events", 0, 7L, "key", "{}");
        if (ceType != null) {
            record.headers().add("ce_type", ceType.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Test
    void a_realisasi_named_by_its_header_is_skipped_unread() {
        assertFalse(DocumentsConsumer.mayCarryDocument(record("sakip.realization.realisasi.recorded.v1")));
        assertFalse(DocumentsConsumer.mayCarryDocument(record("sakip.planning.target.set.v1")));
    }

    @Test
    void every_document_type_is_read() {
        for (String type : DocumentsConsumer.DOCUMENT_TYPES) {
            assertTrue(DocumentsConsumer.mayCarryDocument(record(type)), type);
        }
        assertTrue(DocumentsConsumer.mayCarryDocument(record("sakip.realization.realisasi.statement.recorded.v1")));
        assertTrue(DocumentsConsumer.mayCarryDocument(record("sakip.budget.line.changed.v3")));
    }

    @Test
    void a_record_without_the_header_is_read_to_find_out() {
        assertTrue(DocumentsConsumer.mayCarryDocument(record(null)));
    }
}
