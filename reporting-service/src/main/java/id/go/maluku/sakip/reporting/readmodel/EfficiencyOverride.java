package id.go.maluku.sakip.reporting.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One version of the efficiency set by hand for a sasaran of an agency's year; efficiency null: withdrawn. */
@Entity
@Table(name = "efficiency_override")
public class EfficiencyOverride extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(nullable = false)
    public int year;

    @Column(name = "sasaran_code", nullable = false)
    public String sasaranCode;

    @Column(nullable = false)
    public int version;

    public BigDecimal efficiency;

    public String justification;

    @Column(name = "written_by", nullable = false)
    public String writtenBy;

    @Column(name = "written_at", nullable = false)
    public OffsetDateTime writtenAt;

    /** The newest version per sasaran of the agency's year, withdrawn ones left out. */
    public static Map<String, EfficiencyOverride> current(String agencyCode, int year) {
        List<EfficiencyOverride> all = list("agencyCode = ?1 and year = ?2 order by sasaranCode, version", agencyCode, year);
        Map<String, EfficiencyOverride> newest = new HashMap<>();
        all.forEach(o -> newest.put(o.sasaranCode, o));
        newest.values().removeIf(o -> o.efficiency == null);
        return newest;
    }
}
