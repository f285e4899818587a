package id.go.maluku.sakip.realization.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Optional;
import java.util.UUID;

/** realization's copy of an agency of the plan, kept from planning's events. */
@Entity
@Table(name = "agency_ref")
public class AgencyRef extends PanacheEntityBase {

    @Id
    @Column(name = "agency_id")
    public UUID agencyId;

    @Column(name = "agency_code", nullable = false, unique = true)
    public String agencyCode;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public long revision;

    public static Optional<AgencyRef> findByCode(String code) {
        return find("agencyCode", code).firstResultOptional();
    }
}
