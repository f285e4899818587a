package id.go.maluku.sakip.budget.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;

/** A batch id already applied, with the report it produced (returned again for a repeat). */
@Entity
@Table(name = "budget_import_batch")
public class ImportBatch extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(name = "batch_id", nullable = false)
    public String batchId;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(nullable = false)
    public String kind;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    @Column(nullable = false)
    public String report;

    public static Optional<ImportBatch> find(String agencyCode, String batchId) {
        return find("agencyCode = ?1 and batchId = ?2", agencyCode, batchId).firstResultOptional();
    }
}
