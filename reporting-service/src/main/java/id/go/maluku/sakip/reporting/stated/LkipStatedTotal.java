package id.go.maluku.sakip.reporting.stated;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A budget total a document printed, kept as stated: in {@code statedIn} (e.g. "Tabel 3.4") of the
 * agency's LKIP of {@code reportYear}, the pagu or realisasi of a program ({@code programCode}, e.g.
 * "1.06.04") or of the whole year (no program). Never an input of a computation: the review
 * compares it with the sum of the year's lines.
 */
@Entity
@Table(name = "lkip_stated_total")
public class LkipStatedTotal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(name = "report_year", nullable = false)
    public int reportYear;

    @Column(name = "stated_in", nullable = false)
    public String statedIn;

    /** Order within its table, as the request listed it. */
    @Column(nullable = false)
    public int position;

    /** urusan.bidang.program, e.g. "1.06.04"; null for the year's total of all lines. */
    @Column(name = "program_code")
    public String programCode;

    /** pagu or realisasi. */
    @Column(nullable = false)
    public String figure;

    /** The text as printed: "Rp 1.121.009.332". */
    @Column(nullable = false)
    public String stated;

    @Column(nullable = false, precision = 20, scale = 2)
    public BigDecimal value;

    @Column(name = "written_by", nullable = false)
    public String writtenBy;

    @Column(name = "written_at", nullable = false)
    public OffsetDateTime writtenAt;

    public static List<LkipStatedTotal> of(String agencyCode, int reportYear) {
        return list("agencyCode = ?1 and reportYear = ?2 order by statedIn, position", agencyCode, reportYear);
    }
}
