package id.go.maluku.sakip.reporting.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A total that is not the sum of its parts (personnel tables, budget totals). */
public final class TotalRule implements Rule {

    @Override
    public String name() {
        return "total-not-sum-of-parts";
    }

    @Override
    public List<Finding> check(ReviewInput input) {
        List<Finding> findings = new ArrayList<>();
        for (ReviewInput.StatedTotal total : input.statedTotals()) {
            BigDecimal sum = total.parts().stream().filter(p -> p != null).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.stated() != null && total.stated().compareTo(sum) != 0) {
                findings.add(new Finding(name(), total.where(), Numbers.show(total.stated()), Numbers.show(sum),
                        Finding.Severity.ERROR));
            }
        }
        return findings;
    }
}
