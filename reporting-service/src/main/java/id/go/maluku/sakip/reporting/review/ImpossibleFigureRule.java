package id.go.maluku.sakip.reporting.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Figures that cannot be right: 0 / 0 printed as 100 %, a realisasi without a target, a target
 * without a realisasi, spending above the pagu, a grade that is no level of its indicator's scale.
 * A grade indicator's target and realisasi are levels (ranks on the plan's scale), named as such. (A printed capaian that disagrees with the
 * computation is {@link StatedFigureRule}'s.)
 */
public final class ImpossibleFigureRule implements Rule {

    @Override
    public String name() {
        return "impossible-figure";
    }

    @Override
    public List<Finding> check(ReviewInput input) {
        List<Finding> findings = new ArrayList<>();
        for (ReviewInput.BudgetLine line : input.budgetLines()) {
            if (line.pagu().signum() == 0 && line.realisasi().signum() == 0 && line.statedPercent() != null) {
                findings.add(new Finding("zero-over-zero", line.where(), Numbers.show(line.statedPercent()) + " %",
                        "tidak dapat dihitung (0 / 0)", Finding.Severity.ERROR));
            }
            if (line.realisasi().compareTo(line.pagu()) > 0) {
                findings.add(new Finding("realisasi-above-pagu", line.where(), Numbers.show(line.realisasi()),
                        "at most " + Numbers.show(line.pagu()), Finding.Severity.ERROR));
            }
        }
        for (ReviewInput.IndicatorFigures i : input.indicators()) {
            if (i.realisasi() != null && i.target() == null) {
                findings.add(new Finding("realisasi-without-target", i.where(), i.show(i.realisasi()), "no target",
                        Finding.Severity.WARNING));
            }
            if (i.target() != null && i.realisasi() == null) {
                findings.add(new Finding("target-without-realisasi", i.where(), i.show(i.target()), "no realisasi",
                        Finding.Severity.WARNING));
            }
            // a grade indicator's figures are levels of its scale: a rank that is none cannot be right
            if (i.grades() != null) {
                for (BigDecimal rank : java.util.Arrays.asList(i.target(), i.realisasi())) {
                    if (rank != null && i.level(rank) == null) {
                        findings.add(new Finding("grade-not-on-scale", i.where(), Numbers.show(rank),
                                "one of " + String.join(", ", i.grades()), Finding.Severity.ERROR));
                    }
                }
            }
        }
        return findings;
    }
}
