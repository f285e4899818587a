package id.go.maluku.sakip.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consumer whose parked events an operator can retry: it applies a parked record again through
 * its own parsing and applying, as if it came from the topic (the same event id, so what was
 * applied meanwhile is not applied twice). Throws what the apply threw.
 */
public interface ParkedEventHandler {

    /** The name the consumer parks its events under. */
    String consumer();

    void reapply(ConsumerRecord<String, String> record) throws Exception;
}
