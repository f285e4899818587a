package id.go.maluku.sakip.reporting.review;

import java.math.BigDecimal;

/**
 * A figure as a document printed it, read into its number and what follows the number:
 * {@code "141,18 %"} is 141.18 and "%", {@code "24 Kegiatan"} is 24 and "Kegiatan", {@code "2"} is 2
 * with no unit. The number is read by {@link Numbers#parse}; an ambiguous one is refused.
 */
public record StatedText(BigDecimal value, String unit) {

    /**
     * @throws IllegalArgumentException saying why the text is not a number with an optional unit
     */
    public static StatedText read(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("nothing is stated");
        }
        // non-breaking and narrow spaces come with copy-paste from office documents
        String s = text.replace('\u00A0', ' ').replace('\u202F', ' ').strip();
        int end = 0;
        while (end < s.length() && (Character.isDigit(s.charAt(end)) || s.charAt(end) == '.' || s.charAt(end) == ','
                || end == 0 && s.charAt(end) == '-')) {
            end++;
        }
        if (end == 0 || end == 1 && s.charAt(0) == '-') {
            throw new IllegalArgumentException("'" + text.strip() + "' does not begin with a number");
        }
        String number = s.substring(0, end);
        BigDecimal value;
        try {
            value = Numbers.parse(number);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("'" + number + "'", "'" + text.strip() + "'"));
        }
        String unit = s.substring(end).strip();
        return new StatedText(value, unit.isEmpty() ? null : unit);
    }

    public boolean percent() {
        return "%".equals(unit);
    }
}
