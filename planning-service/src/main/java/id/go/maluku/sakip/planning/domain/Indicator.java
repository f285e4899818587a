package id.go.maluku.sakip.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.Optional;
import java.util.UUID;

/** An indikator kinerja of a sasaran: what is measured, in which unit, and which way is better. */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    @ManyToOne(optional = false)
    @JoinColumn(name = "sasaran_id")
    public Sasaran sasaran;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    /** Satuan, e.g. "kegiatan", "KK", "%". */
    @Column(nullable = false)
    public String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Polarity polarity;

    @Column(nullable = false)
    public long revision;

    public static Optional<Indicator> findByCode(Agency agency, String code) {
        return find("agency = ?1 and code = ?2", agency, code).firstResultOptional();
    }
}
