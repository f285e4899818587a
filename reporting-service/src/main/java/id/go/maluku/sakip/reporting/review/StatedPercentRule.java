package id.go.maluku.sakip.reporting.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A printed percentage that disagrees with realisasi / pagu: the seed prints 98,91 % for
 * Rp 436.802.132 of Rp 547.279.000 (79,81 %). A percentage printed for a pagu of 0 is 0/0 and
 * is its own rule.
 */
public final class StatedPercentRule implements Rule {

    @Override
    public String name() {
        return "stated-percent-disagrees";
    }

    @Override
    public List<Finding> check(ReviewInput input) {
        List<Finding> findings = new ArrayList<>();
        for (ReviewInput.BudgetLine line : input.budgetLines()) {
            if (line.statedPercent() == null || line.pagu().signum() == 0) {
                continue;
            }
            BigDecimal computed = Numbers.percent(line.realisasi(), line.pagu());
            if (computed.subtract(line.statedPercent()).abs().compareTo(Numbers.TOLERANCE) > 0) {
                findings.add(new Finding(name(), line.where(), Numbers.show(line.statedPercent()) + " %",
                        Numbers.show(computed) + " %", Finding.Severity.ERROR));
            }
        }
        return findings;
    }
}
