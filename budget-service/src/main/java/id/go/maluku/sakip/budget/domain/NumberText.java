package id.go.maluku.sakip.budget.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Reads money and percentages as printed in e-budgeting exports and LKIP tables. Both number
 * conventions occur in the same document ({@code Rp. 1.123.840.000} with dot thousands and
 * {@code Rp. 30,000,000.00} with comma thousands; {@code 98,91 %} and {@code 98.91%}), so the
 * convention is decided per value from its own separators:
 * <ul>
 *   <li>both '.' and ',' present: the last one is the decimal separator, the other groups thousands;</li>
 *   <li>one kind repeated ({@code 1.123.840.000}): thousands;</li>
 *   <li>one separator once, followed by other than 3 digits ({@code 98,91}): decimals;</li>
 *   <li>one separator once, followed by exactly 3 digits ({@code 1.234}): ambiguous (thousands or
 *       decimals): refused, never guessed.</li>
 * </ul>
 * Thousands groups must be well formed (1-3 digits, then groups of exactly 3). Nothing here
 * throws for bad text: the result says why, so that an importer can report the row and go on.
 */
public final class NumberText {

    /** A parsed value, or the reason it could not be read. {@code value} is null for empty text. */
    public record Parsed(BigDecimal value, String error) {
        public boolean ok() {
            return error == null;
        }

        public boolean empty() {
            return error == null && value == null;
        }

        static Parsed of(BigDecimal value) {
            return new Parsed(value, null);
        }

        static Parsed fail(String error) {
            return new Parsed(null, error);
        }
    }

    private NumberText() {
    }

    /** Rupiah: optional "Rp"/"Rp."/"IDR" prefix, at most two decimals, scale 2. Negative values are read (the caller refuses them). */
    public static Parsed money(String text) {
        if (text == null || text.isBlank()) {
            return Parsed.of(null);
        }
        String s = normalise(text);
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("idr")) {
            s = s.substring(3);
        } else if (lower.startsWith("rp")) {
            s = s.substring(2);
            if (s.startsWith(".")) {
                s = s.substring(1);
            }
        }
        Parsed number = number(s.strip(), text);
        if (!number.ok() || number.value() == null) {
            return number.ok() ? Parsed.fail("'" + text.strip() + "' has no amount") : number;
        }
        if (number.value().stripTrailingZeros().scale() > 2) {
            return Parsed.fail("'" + text.strip() + "' has more than two decimals (rupiah have at most two)");
        }
        return Parsed.of(number.value().setScale(2, RoundingMode.UNNECESSARY));
    }

    /** A percentage as stated by a source ({@code 98,91 %}, {@code 98.91%}, {@code 100}); a lone "%" is empty. */
    public static Parsed percent(String text) {
        if (text == null || text.isBlank()) {
            return Parsed.of(null);
        }
        String s = normalise(text);
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.isEmpty()) {
            return Parsed.of(null);
        }
        return number(s, text);
    }

    private static String normalise(String text) {
        // non-breaking and narrow spaces come with copy-paste from office documents
        return text.replace('\u00A0', ' ').replace('\u202F', ' ').strip();
    }

    private static Parsed number(String s, String original) {
        String shown = "'" + original.strip() + "'";
        if (s.isEmpty()) {
            return Parsed.of(null);
        }
        boolean negative = false;
        if (s.startsWith("-")) {
            negative = true;
            s = s.substring(1).strip();
        } else if (s.startsWith("(") && s.endsWith(")")) {
            // accounting notation for a negative amount
            negative = true;
            s = s.substring(1, s.length() - 1).strip();
        }
        if (s.isEmpty()) {
            return Parsed.fail(shown + " is not a number");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != ',') {
                return Parsed.fail(shown + " is not a number");
            }
        }
        int lastDot = s.lastIndexOf('.');
        int lastComma = s.lastIndexOf(',');
        String integerPart;
        String fraction = "";
        char grouping;
        if (lastDot >= 0 && lastComma >= 0) {
            char decimal = lastDot > lastComma ? '.' : ',';
            grouping = decimal == '.' ? ',' : '.';
            int at = Math.max(lastDot, lastComma);
            integerPart = s.substring(0, at);
            fraction = s.substring(at + 1);
            if (integerPart.indexOf(decimal) >= 0) {
                return Parsed.fail(shown + " has two decimal separators");
            }
        } else if (lastDot >= 0 || lastComma >= 0) {
            char separator = lastDot >= 0 ? '.' : ',';
            int count = countOf(s, separator);
            if (count > 1) {
                grouping = separator;
                integerPart = s;
            } else {
                String after = s.substring(s.indexOf(separator) + 1);
                if (after.length() == 3) {
                    return Parsed.fail(shown + " is ambiguous: '" + separator + "' followed by three digits may "
                            + "group thousands or mark decimals; write it with both separators or none");
                }
                grouping = 0;
                integerPart = s.substring(0, s.indexOf(separator));
                fraction = after;
            }
        } else {
            grouping = 0;
            integerPart = s;
        }
        if (integerPart.isEmpty()) {
            return Parsed.fail(shown + " has no digits before its decimal separator");
        }
        if (grouping != 0) {
            // 1-3 digits, then groups of exactly 3 (walked by hand: a regex split per value was costly in large files)
            int first = integerPart.indexOf(grouping);
            if (first == 0 || first > 3) {
                return Parsed.fail(shown + " has malformed thousands groups");
            }
            for (int at = first; at >= 0; ) {
                int next = integerPart.indexOf(grouping, at + 1);
                if ((next < 0 ? integerPart.length() : next) - at - 1 != 3) {
                    return Parsed.fail(shown + " has malformed thousands groups");
                }
                at = next;
            }
            integerPart = integerPart.replace(String.valueOf(grouping), "");
        }
        if (!integerPart.chars().allMatch(Character::isDigit)) {
            return Parsed.fail(shown + " is not a number");
        }
        if (!fraction.chars().allMatch(Character::isDigit) || (fraction.isEmpty() && (lastDot >= 0 || lastComma >= 0)
                && grouping == 0)) {
            return Parsed.fail(shown + " has no digits after its decimal separator");
        }
        BigDecimal value = new BigDecimal(fraction.isEmpty() ? integerPart : integerPart + "." + fraction);
        return Parsed.of(negative ? value.negate() : value);
    }

    private static int countOf(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
