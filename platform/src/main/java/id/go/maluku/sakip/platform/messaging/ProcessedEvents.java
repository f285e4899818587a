package id.go.maluku.sakip.platform.messaging;

import jakarta.persistence.EntityManager;

import java.util.UUID;

/**
 * Exactly-once application: a consumer records each event id in its processed_event table in the
 * same transaction as the change the event makes, and applies the event only the first time. A
 * redelivered or retried event (the same id) changes nothing.
 */
public final class ProcessedEvents {

    private ProcessedEvents() {
    }

    /** True the first time the id is seen; call in the transaction that applies the event. */
    public static boolean firstDelivery(EntityManager em, UUID eventId, String type) {
        return em.createNativeQuery(
                        "insert into processed_event (event_id, event_type, processed_at) values (?1, ?2, now()) on conflict do nothing")
                .setParameter(1, eventId).setParameter(2, type).executeUpdate() == 1;
    }
}
