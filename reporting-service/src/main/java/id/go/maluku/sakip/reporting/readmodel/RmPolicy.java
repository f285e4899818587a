package id.go.maluku.sakip.reporting.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/** One version of an agency's capaian policy (capaian-policy.changed.v1 or v2); the highest applies. */
@Entity
@Table(name = "rm_policy")
@IdClass(RmPolicy.Key.class)
public class RmPolicy extends PanacheEntityBase {

    public static class Key implements Serializable {
        public String agencyCode;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version == version && Objects.equals(k.agencyCode, agencyCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(agencyCode, version);
        }
    }

    @Id
    @Column(name = "agency_code")
    public String agencyCode;

    @Id
    public int version;

    /** JSON array of {from, to, label}, lowest first. */
    @Column(nullable = false)
    public String bands;

    @Column(precision = 6, scale = 2)
    public BigDecimal cap;

    @Column(name = "negative_formula", nullable = false)
    public String negativeFormula;

    @Column(name = "zero_target", nullable = false)
    public String zeroTarget;

    @Column(name = "ordinal_not_met", nullable = false)
    public String ordinalNotMet;

    /** CAPPED, RAW or TARGET (CapaianPolicy.CategoryBasis); CAPPED for a v1 policy. */
    @Column(name = "category_basis", nullable = false)
    public String categoryBasis = "CAPPED";

    /** The agency's words for below, at and above the target; null unless the basis is TARGET. */
    @Column(name = "label_below")
    public String labelBelow;

    @Column(name = "label_met")
    public String labelMet;

    @Column(name = "label_exceeded")
    public String labelExceeded;

    @Column(name = "event_time", nullable = false)
    public OffsetDateTime eventTime;
}
