package id.go.maluku.sakip.reporting.readmodel;

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

/** Copy of a planning agency. */
@Entity
@Table(name = "rm_agency")
public class RmAgency extends PanacheEntityBase {

    @Id
    @Column(name = "agency_id")
    public UUID agencyId;
    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public long revision;
}
