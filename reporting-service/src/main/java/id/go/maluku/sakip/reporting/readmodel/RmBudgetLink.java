package id.go.maluku.sakip.reporting.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A budget line serves a sasaran (and one of its indicators); replaced with the line's revision. */
@Entity
@Table(name = "rm_budget_link")
public class RmBudgetLink extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "line_id", nullable = false)
    public UUID lineId;

    @Column(name = "sasaran_code", nullable = false)
    public String sasaranCode;

    @Column(name = "indicator_code")
    public String indicatorCode;
}
