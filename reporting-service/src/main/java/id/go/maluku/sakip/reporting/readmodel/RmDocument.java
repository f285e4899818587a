package id.go.maluku.sakip.reporting.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/** A document the LKIP prints whole (a plan section, a PK version, a budget line...), newest revision kept. */
@Entity
@Table(name = "rm_document")
@IdClass(RmDocument.Key.class)
public class RmDocument extends PanacheEntityBase {

    public static final String SECTION = "section";
    public static final String PROVINCE = "province";
    public static final String PK = "pk";
    public static final String INDICATOR = "indicator";
    public static final String BUDGET_LINE = "budget-line";
    public static final String STATEMENT = "statement";

    public static class Key implements Serializable {
        public String kind;
        public String docKey;

        public Key() {
        }

        public Key(String kind, String docKey) {
            this.kind = kind;
            this.docKey = docKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(kind, k.kind) && Objects.equals(docKey, k.docKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, docKey);
        }
    }

    @Id
    @Column(nullable = false)
    public String kind;

    @Id
    @Column(name = "doc_key", nullable = false)
    public String docKey;

    @Column(name = "agency_code")
    public String agencyCode;

    @Column(nullable = false)
    public String content;

    @Column(nullable = false)
    public long revision;

    @Column(name = "event_time", nullable = false)
    public OffsetDateTime eventTime;

    /** The agency's documents of a kind, but those planning removed at their revision or later ({@link RmRemoval}). */
    public static List<RmDocument> of(String agencyCode, String kind) {
        return list("from RmDocument d where d.agencyCode = ?1 and d.kind = ?2 and not exists (select 1 from RmRemoval r "
                + "where r.kind = d.kind and r.elementKey = d.docKey and r.revision >= d.revision) order by d.docKey",
                agencyCode, kind);
    }
}
