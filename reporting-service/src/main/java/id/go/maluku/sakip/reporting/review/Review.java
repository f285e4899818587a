package id.go.maluku.sakip.reporting.review;

import java.util.ArrayList;
import java.util.List;

/** Runs every rule; the findings in rule order. */
public final class Review {

    public static final List<Rule> RULES = List.of(new StatedPercentRule(), new TotalRule(), new SameFactRule(),
            new ImpossibleFigureRule(), new StatedFigureRule(), new NarrativeRule());

    private Review() {
    }

    public static List<Finding> run(ReviewInput input) {
        List<Finding> findings = new ArrayList<>();
        RULES.forEach(rule -> findings.addAll(rule.check(input)));
        return findings;
    }
}
