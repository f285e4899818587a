package id.go.maluku.sakip.budget.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** An output or outcome statement of a sub kegiatan with its target and achieved quantity. */
@Entity
@Table(name = "budget_output")
public class LineOutput extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "line_id", nullable = false)
    public UUID lineId;

    /** "output" or "outcome". */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public int ordinal;

    @Column(nullable = false)
    public String statement;

    @Column(name = "target_quantity", precision = 20, scale = 4)
    public BigDecimal targetQuantity;

    @Column(name = "achieved_quantity", precision = 20, scale = 4)
    public BigDecimal achievedQuantity;

    public String unit;
}
