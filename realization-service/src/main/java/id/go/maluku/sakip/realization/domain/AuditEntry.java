package id.go.maluku.sakip.realization.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One change: who, when, on what, the old and the new value (JSON text). Never updated. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(name = "indicator_code")
    public String indicatorCode;

    @Column
    public Integer year;

    @Column
    public String period;

    /** realisasi, statement, evidence or lock */
    @Column(nullable = false)
    public String subject;

    @Column(name = "subject_id")
    public String subjectId;

    @Column(nullable = false)
    public String action;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    @Column
    public String reason;
}
