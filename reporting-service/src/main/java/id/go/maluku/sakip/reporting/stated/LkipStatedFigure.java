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
 * One figure a document printed, kept as stated: in {@code statedIn} (e.g. "Tabel 3.2") of the
 * agency's LKIP of {@code reportYear}, the {@code figure} (capaian, realisasi or target) of an
 * indicator for {@code figureYear}, as the text printed it and as read ({@code value}, {@code unit}).
 * Reporting's own input, like the narratives: not part of the read model that events rebuild, and
 * never an input of a computation; the review compares it with the computed value.
 */
@Entity
@Table(name = "lkip_stated_figure")
public class LkipStatedFigure extends PanacheEntityBase {

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

    @Column(name = "indicator_code", nullable = false)
    public String indicatorCode;

    @Column(name = "figure_year", nullable = false)
    public int figureYear;

    /** capaian, realisasi or target. */
    @Column(nullable = false)
    public String figure;

    /** The text as printed: "141,18 %", "24 Kegiatan". */
    @Column(nullable = false)
    public String stated;

    @Column(nullable = false, precision = 24, scale = 6)
    public BigDecimal value;

    /** What the print has after the number ("%", "Kegiatan"), if anything. */
    public String unit;

    @Column(name = "written_by", nullable = false)
    public String writtenBy;

    @Column(name = "written_at", nullable = false)
    public OffsetDateTime writtenAt;

    public static List<LkipStatedFigure> of(String agencyCode, int reportYear) {
        return list("agencyCode = ?1 and reportYear = ?2 order by statedIn, position", agencyCode, reportYear);
    }
}
