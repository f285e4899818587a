package id.go.maluku.sakip.reporting.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The same fact with different values in different places: a realisasi stated twice (the seed's
 * sasaran 3: 0 lokasi in Tabel 3.9, 3 lokasi in Tabel 3.10), a budget line printed under two
 * sasaran with different figures (the seed prints its 547.279.000 line at 80 % under sasaran 1 and
 * at 98,91 % under sasaran 4).
 *
 * <p>A line's pagu and realisasi come once from e-budgeting, whatever sasaran it serves; what a
 * document states per sasaran is the percentage, so the budget half compares those statements.
 * Two printed percentages agree when they are equal at the coarser of their two precisions (88 %
 * and 87,81 % are one figure printed twice, rounded once).
 */
public final class SameFactRule implements Rule {

    @Override
    public String name() {
        return "same-fact-different-values";
    }

    @Override
    public List<Finding> check(ReviewInput input) {
        Map<String, List<ReviewInput.Statement>> byFact = new LinkedHashMap<>();
        input.statements().forEach(s -> byFact.computeIfAbsent(s.fact(), k -> new ArrayList<>()).add(s));
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, List<ReviewInput.Statement>> fact : byFact.entrySet()) {
            List<ReviewInput.Statement> statements = fact.getValue();
            List<BigDecimal> distinct = new ArrayList<>();
            for (ReviewInput.Statement s : statements) {
                if (s.value() != null && distinct.stream().noneMatch(v -> v.compareTo(s.value()) == 0)) {
                    distinct.add(s.value());
                }
            }
            if (distinct.size() > 1) {
                String where = statements.stream().map(ReviewInput.Statement::where).collect(Collectors.joining(" / "));
                String values = statements.stream().map(s -> s.where() + ": " + s.shown())
                        .collect(Collectors.joining("; "));
                findings.add(new Finding(name(), fact.getKey() + " (" + where + ")", values,
                        "one value is expected", Finding.Severity.ERROR));
            }
        }
        findings.addAll(budget(input));
        return findings;
    }

    /** Every line whose stated percentages (the line's own and each sasaran's) disagree. */
    private List<Finding> budget(ReviewInput input) {
        Map<String, List<ReviewInput.BudgetLine>> byLine = new LinkedHashMap<>();
        for (ReviewInput.BudgetLine line : input.budgetLines()) {
            if (line.statedPercent() != null) {
                byLine.computeIfAbsent(line.key(), k -> new ArrayList<>()).add(line);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (List<ReviewInput.BudgetLine> stated : byLine.values()) {
            boolean disagree = false;
            for (int i = 0; i < stated.size() && !disagree; i++) {
                for (int j = i + 1; j < stated.size() && !disagree; j++) {
                    disagree = !samePrinted(stated.get(i).statedPercent(), stated.get(j).statedPercent());
                }
            }
            if (disagree) {
                String where = stated.stream().map(ReviewInput.BudgetLine::where).collect(Collectors.joining(" / "));
                String values = stated.stream().map(l -> l.where() + ": " + Numbers.show(l.statedPercent()) + " %")
                        .collect(Collectors.joining("; "));
                findings.add(new Finding(name(), "persentase realisasi anggaran (" + where + ")", values,
                        "one value is expected", Finding.Severity.ERROR));
            }
        }
        return findings;
    }

    /** Equal at the coarser of the two printed precisions. */
    static boolean samePrinted(BigDecimal a, BigDecimal b) {
        int at = Math.max(0, Math.min(a.stripTrailingZeros().scale(), b.stripTrailingZeros().scale()));
        return a.setScale(at, java.math.RoundingMode.HALF_UP).compareTo(b.setScale(at, java.math.RoundingMode.HALF_UP)) == 0;
    }
}
