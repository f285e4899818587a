package id.go.maluku.sakip.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Optional;
import java.util.UUID;

/** A perangkat daerah (OPD) of the province, e.g. the Social Affairs Office. */
@Entity
@Table(name = "agency")
public class Agency extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Stable, URL-safe code used in every API path, e.g. {@code dinsos-maluku}. */
    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    /** The province whose RPJMD (governor's visi and misi) this agency serves. */
    @Column(name = "province_code")
    public String provinceCode;

    /** Increases with every change; consumers keep the highest revision they saw. */
    @Column(nullable = false)
    public long revision;

    public static Optional<Agency> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
