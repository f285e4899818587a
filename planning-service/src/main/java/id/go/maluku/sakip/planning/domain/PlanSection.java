package id.go.maluku.sakip.planning.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Optional;
import java.util.UUID;

/**
 * A document-like part of an agency's plan (profile, organisation, personnel, renstra), stored
 * as JSON after validation against its typed record in {@code plan.PlanDocument}. These parts
 * are read and printed whole, never queried field by field, so a document fits them better
 * than a dozen narrow tables.
 */
@Entity
@Table(name = "plan_section")
public class PlanSection extends PanacheEntityBase {

    public static final String PROFILE = "profile";
    public static final String ORGANISATION = "organisation";
    public static final String PERSONNEL = "personnel";
    public static final String RENSTRA = "renstra";
    /** The sasaran with the tujuan each serves, as the import left them: for the LKIP, not for the export. */
    public static final String SASARAN = "sasaran";

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    @Column(nullable = false)
    public String section;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public JsonNode content;

    @Column(nullable = false)
    public long revision;

    public static Optional<PlanSection> find(Agency agency, String section) {
        return find("agency = ?1 and section = ?2", agency, section).firstResultOptional();
    }
}
