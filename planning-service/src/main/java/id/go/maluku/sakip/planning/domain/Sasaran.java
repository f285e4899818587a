package id.go.maluku.sakip.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.Optional;
import java.util.UUID;

/** A sasaran strategis (strategic objective) of an agency's Renstra. */
@Entity
@Table(name = "sasaran")
public class Sasaran extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int ordinal;

    /** The Renstra tujuan this sasaran serves. */
    @Column(name = "tujuan_code")
    public String tujuanCode;

    @Column(nullable = false)
    public long revision;

    public static Optional<Sasaran> findByCode(Agency agency, String code) {
        return find("agency = ?1 and code = ?2", agency, code).firstResultOptional();
    }
}
