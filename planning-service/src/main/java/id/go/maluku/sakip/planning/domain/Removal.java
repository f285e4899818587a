package id.go.maluku.sakip.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A sasaran, indicator, target or Perjanjian Kinerja version removed from a plan and not
 * re-created since. Re-creating it by code takes back its id and continues its revision past
 * the removal's ({@link #restore}), so that every consumer, which keeps the newest revision of
 * an element, sees the re-creation as newer than the removal.
 */
@Entity
@Table(name = "removal")
@IdClass(Removal.Key.class)
public class Removal extends PanacheEntityBase {

    public static final String SASARAN = "sasaran";
    public static final String INDICATOR = "indicator";
    public static final String TARGET = "target";
    public static final String PK = "pk";

    public static class Key implements Serializable {
        public UUID agencyId;
        public String kind;
        public String element;

        public Key() {
        }

        public Key(UUID agencyId, String kind, String element) {
            this.agencyId = agencyId;
            this.kind = kind;
            this.element = element;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(agencyId, k.agencyId) && Objects.equals(kind, k.kind)
                    && Objects.equals(element, k.element);
        }

        @Override
        public int hashCode() {
            return Objects.hash(agencyId, kind, element);
        }
    }

    /** What a re-created element starts from: its old id and the removal's revision. */
    public record Identity(UUID id, long revision) {
    }

    @Id
    @Column(name = "agency_id")
    public UUID agencyId;

    @Id
    public String kind;

    /** The element's code: a sasaran or indicator code, a target "IK5/2023", a PK version "2023/2". */
    @Id
    public String element;

    @Column(name = "element_id", nullable = false)
    public UUID elementId;

    @Column(nullable = false)
    public long revision;

    @Column(name = "removed_at", nullable = false)
    public OffsetDateTime removedAt;

    public static String target(String indicatorCode, int year) {
        return indicatorCode + "/" + year;
    }

    public static String pk(int year, int version) {
        return year + "/" + version;
    }

    /** Records the removal of an element with the revision its removal event carries. */
    public static void record(Agency agency, String kind, String element, UUID elementId, long revision) {
        Removal removal = findById(new Key(agency.id, kind, element));
        if (removal == null) {
            removal = new Removal();
            removal.agencyId = agency.id;
            removal.kind = kind;
            removal.element = element;
        }
        removal.elementId = elementId;
        removal.revision = revision;
        removal.removedAt = OffsetDateTime.now(ZoneOffset.UTC);
        removal.persist();
    }

    /**
     * For an element being created: the id and revision it had if it was removed (the removal
     * is forgotten: the element exists again), else a new id from revision 0.
     */
    public static Identity restore(Agency agency, String kind, String element) {
        Removal removal = findById(new Key(agency.id, kind, element));
        if (removal == null) {
            return new Identity(UUID.randomUUID(), 0);
        }
        removal.delete();
        return new Identity(removal.elementId, removal.revision);
    }

    public static Optional<Removal> of(Agency agency, String kind, String element) {
        return findByIdOptional(new Key(agency.id, kind, element));
    }
}
