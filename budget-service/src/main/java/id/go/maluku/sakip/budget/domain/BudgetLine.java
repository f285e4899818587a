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

    public Absorption absorption() {
        return Absorption.of(pagu, realisasi);
    }

    public static Optional<BudgetLine> find(String agencyCode, int year, String code) {
        return find("agencyCode = ?1 and fiscalYear = ?2 and code = ?3", agencyCode, year, code).firstResultOptional();
    }
}
