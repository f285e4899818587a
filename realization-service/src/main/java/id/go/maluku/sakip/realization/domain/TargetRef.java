package id.go.maluku.sakip.realization.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;

/** realization's copy of a target set by planning, for the monitoring form. */
@Entity
@Table(name = "target_ref")
public class TargetRef extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "indicator_id") UUID indicatorId, @Column(name = "year") int year)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(name = "indicator_code", nullable = false)
    public String indicatorCode;

    /** Null once planning removed the target (target.removed.v1), kept at the removal's revision. */
    @Column(precision = 20, scale = 4)
    public BigDecimal value;

    @Column(nullable = false)
    public long revision;
}
