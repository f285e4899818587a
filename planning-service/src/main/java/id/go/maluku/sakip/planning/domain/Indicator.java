package id.go.maluku.sakip.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An indikator kinerja of a sasaran: what is measured, in which unit, and which way is better. */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    @ManyToOne(optional = false)
    @JoinColumn(name = "sasaran_id")
    public Sasaran sasaran;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    /** Satuan, e.g. "kegiatan", "KK", "%". */
    @Column(nullable = false)
    public String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Polarity polarity;

    /** An Indikator Kinerja Utama of the agency. */
    @Column(nullable = false)
    public boolean iku;

    public String formula;

    public String numerator;

    public String denominator;

    @Column(name = "data_source")
    public String dataSource;

    @Column(name = "responsible_unit")
    public String responsibleUnit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Aggregation aggregation = Aggregation.DEFAULT;

    /**
     * Decimals a figure of the indicator is shown with where the plan states none (issue 23): 2,
     * as capaian are computed, so that nothing defaults to whole numbers.
     */
    public static final int DEFAULT_DECIMALS = 2;

    @Column(nullable = false)
    public int decimals = DEFAULT_DECIMALS;

    @Column(precision = 10, scale = 4)
    public BigDecimal weight;

    /** The ordered scale of an ordinal indicator, lowest first. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> scale;

    @Column(nullable = false)
    public long revision;

    public static Optional<Indicator> findByCode(Agency agency, String code) {
        return find("agency = ?1 and code = ?2", agency, code).firstResultOptional();
    }
}
