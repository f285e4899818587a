package id.go.maluku.sakip.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One version of the yearly performance agreement signed by the head of the agency. Version 1
 * is the original; a revision (PK perubahan) is a new version. Once signed a version never
 * changes: a change makes a new version and keeps the old one.
 */
@Entity
@Table(name = "perjanjian_kinerja")
public class PerjanjianKinerja extends PanacheEntityBase {

    public enum Kind { ORIGINAL, REVISED }

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "signed_at")
    public LocalDate signedAt;

    @Column(name = "signed_by")
    public String signedBy;

    @Column(nullable = false)
    public long revision;

    @OneToMany(mappedBy = "pk", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("ordinal")
    public List<PkItem> items = new ArrayList<>();

    public boolean signed() {
        return signedAt != null;
    }

    public static Optional<PerjanjianKinerja> latest(Agency agency, int year) {
        return find("agency = ?1 and year = ?2 order by version desc", agency, year).firstResultOptional();
    }

    public static List<PerjanjianKinerja> versions(Agency agency, int year) {
        return list("agency = ?1 and year = ?2 order by version", agency, year);
    }
}
