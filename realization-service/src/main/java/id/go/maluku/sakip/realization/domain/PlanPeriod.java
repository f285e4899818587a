package id.go.maluku.sakip.realization.domain;

/**
 * The years of an agency's Renstra (e.g. 2019-2024), as planning publishes them: realisasi are
 * recorded only for those years. Where planning has published no Renstra for the agency, only
 * the fixed range of {@link Period#checkYear} applies.
 */
public record PlanPeriod(int startYear, int endYear) {

    public PlanPeriod {
        if (startYear > endYear) {
            throw new IllegalArgumentException("startYear " + startYear + " is after endYear " + endYear);
        }
    }

    public boolean contains(int year) {
        return year >= startYear && year <= endYear;
    }

    /** Refuses (400, naming the year) a year outside the agency's plan; plan null: no Renstra known. */
    public static void require(PlanPeriod plan, int year, String agencyCode) {
        if (plan != null && !plan.contains(year)) {
            throw RuleViolation.invalid("year", year + " is outside the Renstra period " + plan.startYear + "-"
                    + plan.endYear + " of agency '" + agencyCode + "'");
        }
    }

    /** The period stated by the columns, or null when they state none. */
    public static PlanPeriod of(Integer startYear, Integer endYear) {
        return startYear == null || endYear == null ? null : new PlanPeriod(startYear, endYear);
    }
}
