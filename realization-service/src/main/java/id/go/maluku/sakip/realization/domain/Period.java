package id.go.maluku.sakip.realization.domain;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period within a year: the whole year ("Y"), a triwulan ("Q1".."Q4") or a month
 * ("M01".."M12"). The codes are those of the realisasi.recorded.v1 event.
 */
public record Period(String code) {

    public static final Period YEAR = new Period("Y");
    public static final List<Period> QUARTERS = List.of(new Period("Q1"), new Period("Q2"), new Period("Q3"), new Period("Q4"));

    /**
     * Years a realisasi may have at all. Where planning has published the agency's Renstra, its
     * years are the bound ({@link PlanPeriod}); for an agency without one, any year 2000-2100.
     */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    private static final Pattern QUARTER = Pattern.compile("Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("M(\\d{1,2})");

    /** Reads "Y", "Q1".."Q4", "M1".."M12" or "M01".."M12" (any case); anything else is refused. */
    public static Period parse(String code) {
        if (code == null || code.isBlank()) {
            throw RuleViolation.invalid("period", "required: Y, Q1..Q4 or M01..M12");
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (c.equals("Y")) {
            return YEAR;
        }
        if (QUARTER.matcher(c).matches()) {
            return new Period(c);
        }
        Matcher month = MONTH.matcher(c);
        if (month.matches()) {
            int m = Integer.parseInt(month.group(1));
            if (m >= 1 && m <= 12) {
                return new Period(String.format("M%02d", m));
            }
        }
        throw RuleViolation.invalid("period", "'" + code + "' is not a period; expected Y, Q1..Q4 or M01..M12");
    }

    public static int checkYear(Integer year) {
        if (year == null) {
            throw RuleViolation.invalid("year", "required");
        }
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw RuleViolation.invalid("year", year + " is outside the plan (accepted: " + FIRST_YEAR + "-" + LAST_YEAR + ")");
        }
        return year;
    }

    public boolean isYear() {
        return code.equals("Y");
    }

    public boolean isQuarter() {
        return code.startsWith("Q");
    }

    public boolean isMonth() {
        return code.startsWith("M");
    }

    /** The triwulan (1-4) of a quarter or month; 0 for the whole year. */
    public int quarter() {
        if (isQuarter()) {
            return code.charAt(1) - '0';
        }
        if (isMonth()) {
            return (Integer.parseInt(code.substring(1)) - 1) / 3 + 1;
        }
        return 0;
    }

    /** Whether a lock on this period closes {@code other} too: the year covers all, a quarter its months. */
    public boolean covers(Period other) {
        if (isYear() || equals(other)) {
            return true;
        }
        return isQuarter() && other.isMonth() && other.quarter() == quarter();
    }

    @Override
    public String toString() {
        return code;
    }
}
