package id.go.maluku.sakip.budget.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One pagu a line had; kept so that the original (murni) and every revision (perubahan) stay visible. */
@Entity
@Table(name = "budget_pagu_version")
public class PaguVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "line_id", nullable = false)
    public UUID lineId;

    @Column(nullable = false)
    public int version;

    /** "murni" for the first, "perubahan" for each revision. */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false, precision = 20, scale = 2)
    public BigDecimal amount;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
