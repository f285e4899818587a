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
import java.util.UUID;

/** Copy of a budget line of budget-service. */
@Entity
@Table(name = "rm_budget_line")
public class RmBudgetLine extends PanacheEntityBase {

    @Id
    @Column(name = "line_id")
    public UUID lineId;
    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, precision = 20, scale = 2)
    public BigDecimal pagu;

    @Column(nullable = false, precision = 20, scale = 2)
    public BigDecimal realisasi;

    @Column(nullable = false)
    public long revision;

    @Column(name = "program_code")
    public String programCode;

    @Column(name = "program_name")
    public String programName;

    @Column(name = "kegiatan_code")
    public String kegiatanCode;

    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "unit_name")
    public String unitName;

    @Column(name = "funding_source")
    public String fundingSource;

    @Column(name = "event_time")
    public OffsetDateTime eventTime;

    /** RAK per quarter, JSON array of four amounts (null for a quarter without a plan); null when budget did not send it. */
    public String rak;

    /**
     * Spending per quarter, JSON array of four amounts; an element is null when the quarter's
     * realisasi is not known (all four, while some of the line's realisasi is known only for the year).
     */
    @Column(name = "realisasi_by_quarter")
    public String realisasiByQuarter;

    public static final String KNOWN_BY_MONTH = "month";
    public static final String KNOWN_BY_YEAR = "year";

    /**
     * {@code month} or {@code year} (line.changed.v3); null for a line last sent as line.changed.v2,
     * whose quarters summed the entries by date.
     */
    @Column(name = "realisasi_known_by", length = 8)
    public String realisasiKnownBy;

    /** The part of the realisasi known only as a year total (v3); null for a line last sent as v2. */
    @Column(name = "realisasi_undated", precision = 20, scale = 2)
    public BigDecimal realisasiUndated;
}
