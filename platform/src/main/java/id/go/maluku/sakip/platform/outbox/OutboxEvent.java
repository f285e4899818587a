package id.go.maluku.sakip.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An event waiting to be published, written in the same transaction as the change it
 * describes. The columns follow Debezium's outbox router so that CDC can replace the relay.
 * A row is pending until it is sent; one the broker refused for good is failed (out of the
 * relay's way) until an operator retries or discards it.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** Sending order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(name = "aggregate_type", nullable = false, length = 64)
    public String aggregateType;

    /** The Kafka record key: one aggregate's events stay in one partition, in order. */
    @Column(name = "aggregate_id", nullable = false, length = 128)
    public String aggregateId;

    @Column(name = "event_type", nullable = false, length = 128)
    public String eventType;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "failed_at")
    public OffsetDateTime failedAt;

    @Column(name = "discarded_at")
    public OffsetDateTime discardedAt;

    @Column(name = "discarded_by", length = 256)
    public String discardedBy;

    @Column(name = "discard_reason", length = 2000)
    public String discardReason;
}
