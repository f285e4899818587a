package id.go.maluku.sakip.realization.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Another statement of a realisasi in a source document, kept beside the value that counts
 * (which it never replaces), so that contradictions stay visible to the review.
 */
@Entity
@Table(name = "realisasi_statement")
public class RealisasiStatement extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "indicator_id")
    public IndicatorRef indicator;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public String period;

    @Column(nullable = false, precision = 20, scale = 4)
    public BigDecimal value;

    @Column(name = "value_text")
    public String valueText;

    @Column(name = "stated_in", nullable = false)
    public String statedIn;

    @Column
    public String note;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    public Object statedValue() {
        if (valueText != null) {
            return valueText;
        }
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }
}
