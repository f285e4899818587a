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

/**
 * A line serves a sasaran (and optionally one of its indicators) of the agency's plan, by code.
 * A line may serve several; totals still count it once.
 */
@Entity
@Table(name = "budget_link")
public class LineLink extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "line_id", nullable = false)
    public UUID lineId;

    @Column(name = "sasaran_code", nullable = false)
    public String sasaranCode;

    @Column(name = "indicator_code")
    public String indicatorCode;

    /** The percentage a document printed for this line under this sasaran, as stated. */
    @Column(name = "stated_absorption", precision = 12, scale = 4)
    public BigDecimal statedAbsorption;
}
