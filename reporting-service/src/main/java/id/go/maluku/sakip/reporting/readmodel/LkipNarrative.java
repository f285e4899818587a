package id.go.maluku.sakip.reporting.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One version of a narrative section of an agency's LKIP for a year. */
@Entity
@Table(name = "lkip_narrative")
public class LkipNarrative extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public String section;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String text;

    @Column(name = "written_by", nullable = false)
    public String writtenBy;

    @Column(name = "written_at", nullable = false)
    public OffsetDateTime writtenAt;

    /** The latest version of every section written for the agency and year. */
    public static Map<String, String> latest(String agencyCode, int year) {
        List<LkipNarrative> all = list("agencyCode = ?1 and year = ?2 order by section, version", agencyCode, year);
        Map<String, String> latest = new LinkedHashMap<>();
        all.forEach(n -> latest.put(n.section, n.text));
        return latest;
    }
}
