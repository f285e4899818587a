package id.go.maluku.sakip.reporting.review;

import java.util.List;

/** One class of check of domain.md section 6. Each rule is its own class with its own tests. */
public interface Rule {

    String name();

    List<Finding> check(ReviewInput input);
}
