package id.go.maluku.sakip.reporting.review;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Arithmetic and printing of the review's figures, and reading numbers as documents print them.
 * Both conventions occur in one document ({@code 141,18 %} and {@code 98.91 %}; {@code 1.123.840.000}
 * and {@code 30,000,000.00}), so the convention is decided per value from its own separators, as
 * budget-service reads its imports (each service keeps its own copy of such rules):
 * <ul>
 *   <li>both '.' and ',' present: the last one is the decimal separator, the other groups thousands;</li>
 *   <li>one kind repeated ({@code 1.123.840}): thousands;</li>
 *   <li>one separator once, followed by other than 3 digits ({@code 141,18}): decimals;</li>
 *   <li>one separator once, followed by exactly 3 digits ({@code 1.004}): ambiguous, refused, never guessed.</li>
 * </ul>
 */
final class Numbers {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Printed percentages are rounded; a difference below half a point is the printer's rounding, not an error. */
    static final BigDecimal TOLERANCE = new BigDecimal("0.5");

    private Numbers() {
    }

    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }

    static String show(BigDecimal value) {
        if (value == null) {
            return "-";
        }
        BigDecimal plain = value.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }

    /**
     * A number as printed, without anything around it ({@code 141,18}, {@code 1.500}, {@code -2}).
     *
     * @throws IllegalArgumentException saying why the text is not one number
     */
    static BigDecimal parse(String text) {
        String shown = "'" + text + "'";
        String s = text;
        boolean negative = s.startsWith("-");
        if (negative) {
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException(shown + " is not a number");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != ',') {
                throw new IllegalArgumentException(shown + " is not a number");
            }
        }
        int lastDot = s.lastIndexOf('.');
        int lastComma = s.lastIndexOf(',');
        String integer;
        String fraction = "";
        char grouping = 0;
        if (lastDot >= 0 && lastComma >= 0) {
            char decimal = lastDot > lastComma ? '.' : ',';
            grouping = decimal == '.' ? ',' : '.';
            int at = Math.max(lastDot, lastComma);
            integer = s.substring(0, at);
            fraction = s.substring(at + 1);
            if (integer.indexOf(decimal) >= 0) {
                throw new IllegalArgumentException(shown + " has two decimal separators");
            }
            if (fraction.isEmpty()) {
                throw new IllegalArgumentException(shown + " has no digits after its decimal separator");
            }
        } else if (lastDot >= 0 || lastComma >= 0) {
            char separator = lastDot >= 0 ? '.' : ',';
            if (s.indexOf(separator) != s.lastIndexOf(separator)) {
                grouping = separator;
                integer = s;
            } else {
                integer = s.substring(0, s.indexOf(separator));
                fraction = s.substring(s.indexOf(separator) + 1);
                if (fraction.length() == 3) {
                    throw new IllegalArgumentException(shown + " is ambiguous: '" + separator + "' followed by three "
                            + "digits may group thousands or mark decimals; write it with both separators or none");
                }
                if (fraction.isEmpty()) {
                    throw new IllegalArgumentException(shown + " has no digits after its decimal separator");
                }
            }
        } else {
            integer = s;
        }
        if (integer.isEmpty()) {
            throw new IllegalArgumentException(shown + " has no digits before its decimal separator");
        }
        if (grouping != 0) {
            // 1-3 digits, then groups of exactly 3
            String[] groups = integer.split(java.util.regex.Pattern.quote(String.valueOf(grouping)), -1);
            boolean wellFormed = groups[0].length() >= 1 && groups[0].length() <= 3;
            for (int i = 1; i < groups.length; i++) {
                wellFormed &= groups[i].length() == 3;
            }
            if (!wellFormed) {
                throw new IllegalArgumentException(shown + " has malformed thousands groups");
            }
            integer = integer.replace(String.valueOf(grouping), "");
        }
        BigDecimal value = new BigDecimal(fraction.isEmpty() ? integer : integer + "." + fraction);
        return negative ? value.negate() : value;
    }
}
