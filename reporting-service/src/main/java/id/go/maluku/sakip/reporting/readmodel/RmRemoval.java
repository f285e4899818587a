package id.go.maluku.sakip.reporting.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * What planning removed, at which revision (its sasaran, indicator, target and pk.removed.v1
 * events). The facts themselves leave the model; this row holds back any event about the
 * element that is not newer than the removal, and hides the element's documents of the same
 * kind ({@link RmDocument#of}) up to that revision. A re-creation carries a newer revision and
 * applies as usual.
 */
@Entity
@Table(name = "rm_removal")
@IdClass(RmRemoval.Key.class)
public class RmRemoval extends PanacheEntityBase {

    public static final String SASARAN = "sasaran";
    /** The same kind as {@link RmDocument#INDICATOR}: its key is the indicator id. */
    public static final String INDICATOR = RmDocument.INDICATOR;
    public static final String TARGET = "target";
    /** The same kind as {@link RmDocument#PK}: its key is agency/year/version. */
    public static final String PK = RmDocument.PK;

    public static class Key implements Serializable {
        public String kind;
        public String elementKey;

        public Key() {
        }

        public Key(String kind, String elementKey) {
            this.kind = kind;
            this.elementKey = elementKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(kind, k.kind) && Objects.equals(elementKey, k.elementKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, elementKey);
        }
    }

    @Id
    @Column(nullable = false)
    public String kind;

    @Id
    @Column(name = "element_key", nullable = false)
    public String elementKey;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(nullable = false)
    public long revision;

    @Column(name = "event_time", nullable = false)
    public OffsetDateTime eventTime;

    public static String target(UUID indicatorId, int year) {
        return indicatorId + "/" + year;
    }

    public static String pk(String agencyCode, int year, int version) {
        return agencyCode + "/" + year + "/" + version;
    }

    /** Whether a removal at this or a newer revision holds back an event of the element at {@code revision}. */
    public static boolean holdsBack(String kind, String elementKey, long revision) {
        RmRemoval removal = findById(new Key(kind, elementKey));
        return removal != null && removal.revision >= revision;
    }

    /**
     * Records a removal; false, and nothing written, when one at this or a newer revision is
     * already recorded (a redelivered or older removal).
     */
    public static boolean record(String kind, String elementKey, String agencyCode, long revision, OffsetDateTime time) {
        RmRemoval removal = findById(new Key(kind, elementKey));
        if (removal == null) {
            removal = new RmRemoval();
            removal.kind = kind;
            removal.elementKey = elementKey;
        } else if (removal.revision >= revision) {
            return false;
        }
        removal.agencyCode = agencyCode;
        removal.revision = revision;
        removal.eventTime = time;
        removal.persist();
        return true;
    }
}
