package id.go.maluku.sakip.budget.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/** A sub kegiatan of an agency's budget for one fiscal year. Money is exact decimal. */
@Entity
@Table(name = "budget_line")
public class BudgetLine extends PanacheEntityBase {

    @Id
    public UUID id;

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

    @Column(name = "sipd_key")
    public String sipdKey;

    @Column(name = "urusan_name")
    public String urusanName;

    @Column(name = "bidang_name")
    public String bidangName;

    @Column(name = "program_name")
    public String programName;

    @Column(name = "kegiatan_name")
    public String kegiatanName;

    /** Null when the line belongs to the agency itself rather than a sub-unit such as an UPTD. */
    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "unit_name")
    public String unitName;

    /** A {@link FundingSource} name. */
    @Column(name = "funding_source", nullable = false)
    public String fundingSource = FundingSource.APBD.name();

    /** The first (murni) pagu; {@link #pagu} is the current one, revised or not. */
    @Column(name = "pagu_original", nullable = false, precision = 20, scale = 2)
    public BigDecimal paguOriginal;

    @Column(name = "rak_q1", precision = 20, scale = 2)
    public BigDecimal rakQ1;

    @Column(name = "rak_q2", precision = 20, scale = 2)
    public BigDecimal rakQ2;

    @Column(name = "rak_q3", precision = 20, scale = 2)
    public BigDecimal rakQ3;

    @Column(name = "rak_q4", precision = 20, scale = 2)
    public BigDecimal rakQ4;

    /** The absorption the source (e-budgeting export) printed, kept to compare with the computed one. */
    @Column(name = "stated_absorption", precision = 12, scale = 4)
    public BigDecimal statedAbsorption;

    public java.util.List<BigDecimal> rak() {
        return java.util.Arrays.asList(rakQ1, rakQ2, rakQ3, rakQ4);
    }

    public Absorption absorption() {
        return Absorption.of(pagu, realisasi);
    }

    public static Optional<BudgetLine> find(String agencyCode, int year, String code) {
        return find("agencyCode = ?1 and fiscalYear = ?2 and code = ?3", agencyCode, year, code).firstResultOptional();
    }
}
