package id.go.maluku.sakip.budget.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Money spent on a line on a date (e.g. one SP2D), identified by the sender's key. */
@Entity
@Table(name = "budget_spending")
public class SpendingEntry extends PanacheEntityBase {

    /** The key of the entry that carries a realisasi given as a year total (no dated entries). */
    public static final String TOTAL_PREFIX = "total:";

    @Id
    public UUID id;

    @Column(name = "line_id", nullable = false)
    public UUID lineId;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(name = "source_key", nullable = false)
    public String sourceKey;

    @Column(name = "spent_on", nullable = false)
    public LocalDate spentOn;

    @Column(nullable = false, precision = 20, scale = 2)
    public BigDecimal amount;

    public String reference;
}
