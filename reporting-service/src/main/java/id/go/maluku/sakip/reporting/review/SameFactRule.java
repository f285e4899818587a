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
 * sasaran with different figures.
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
        List<ReviewInput.Statement> budget = new ArrayList<>();
        for (ReviewInput.BudgetLine line : input.budgetLines()) {
            budget.add(new ReviewInput.Statement("pagu of " + line.key(), line.where(), line.pagu()));
            budget.add(new ReviewInput.Statement("realisasi of " + line.key(), line.where(), line.realisasi()));
        }
        budget.forEach(s -> byFact.computeIfAbsent(s.fact(), k -> new ArrayList<>()).add(s));

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
                String values = statements.stream().map(s -> s.where() + ": " + Numbers.show(s.value()))
                        .collect(Collectors.joining("; "));
                findings.add(new Finding(name(), fact.getKey() + " (" + where + ")", values,
                        "one value is expected", Finding.Severity.ERROR));
            }
        }
        return findings;
    }
}
