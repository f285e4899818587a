package id.go.maluku.sakip.reporting.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** The period of an agency's Renstra (section.upserted.v1, section "renstra"). */
@Entity
@Table(name = "rm_renstra")
public class RmRenstra extends PanacheEntityBase {

    @Id
    @Column(name = "agency_code")
    public String agencyCode;

    public String code;

    @Column(name = "start_year", nullable = false)
    public int startYear;

    @Column(name = "end_year", nullable = false)
    public int endYear;

    @Column(nullable = false)
    public long revision;

    @Column(name = "event_time", nullable = false)
    public OffsetDateTime eventTime;
}
