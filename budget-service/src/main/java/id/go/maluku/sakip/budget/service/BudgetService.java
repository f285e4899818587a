package id.go.maluku.sakip.budget.service;

import id.go.maluku.sakip.budget.domain.BudgetCode;
import id.go.maluku.sakip.budget.domain.BudgetLine;
import id.go.maluku.sakip.budget.error.ApiProblem;
import id.go.maluku.sakip.budget.event.BudgetEvents;
import id.go.maluku.sakip.budget.outbox.OutboxWriter;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class BudgetService {

    public record Upserted(BudgetLine line, boolean created) {
    }

    @Inject
    OutboxWriter outbox;

    public Upserted upsert(String agencyCode, int year, String code, String name, BigDecimal pagu, BigDecimal realisasi) {
        if (!BudgetCode.valid(code)) {
            throw ApiProblem.invalid("code", "'" + code + "' is not an official budget code such as 1.06.02.2.01.0001");
        }
        if (realisasi.compareTo(pagu) > 0) {
            throw ApiProblem.invalid("realisasi", "spending " + realisasi.toPlainString() + " exceeds the pagu "
                    + pagu.toPlainString());
        }
        BigDecimal exactPagu = money(pagu, "pagu");
        BigDecimal exactRealisasi = money(realisasi, "realisasi");
        BudgetLine line = BudgetLine.find(agencyCode, year, code).orElse(null);
        boolean created = line == null;
        if (created) {
            line = new BudgetLine();
            line.id = UUID.randomUUID();
            line.agencyCode = agencyCode;
            line.fiscalYear = year;
            line.code = code;
        } else if (Objects.equals(line.name, name) && line.pagu.compareTo(exactPagu) == 0
                && line.realisasi.compareTo(exactRealisasi) == 0) {
            return new Upserted(line, false);
        }
        line.name = name;
        line.pagu = exactPagu;
        line.realisasi = exactRealisasi;
        line.revision++;
        line.persist();
        outbox.publish("budget-line", line.id.toString(), BudgetEvents.LINE_UPSERTED,
                new BudgetEvents.LineUpsertedV1(line.id.toString(), agencyCode, year, code, name, exactPagu,
                        exactRealisasi, line.revision));
        return new Upserted(line, created);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BudgetLine> lines(String agencyCode, int year) {
        return BudgetLine.list("agencyCode = ?1 and fiscalYear = ?2", Sort.by("code"), agencyCode, year);
    }

    /** Rupiah have at most two decimals; more is a mistake of the sender, not something to round away. */
    private static BigDecimal money(BigDecimal amount, String field) {
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw ApiProblem.invalid(field, "has more than two decimals");
        }
    }
}
