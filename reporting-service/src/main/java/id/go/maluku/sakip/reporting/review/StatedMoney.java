package id.go.maluku.sakip.reporting.review;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of rupiah as a document printed it: {@code "Rp. 921.509.332"}, {@code "Rp 1.121.009.332,50"},
 * {@code "921509332"}. Unlike a figure ({@link StatedText}) a printed amount is read one way only:
 * the dot groups thousands and the comma starts at most two decimals, the Indonesian money format
 * the reports use (domain.md, section 5), so "1.500" is fifteen hundred rupiah, not one and a half.
 */
public final class StatedMoney {

    private static final Pattern AMOUNT = Pattern.compile("(?i)^(?:rp\\.?\\s*)?(\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,(\\d{1,2}))?$");

    private StatedMoney() {
    }

    /**
     * @throws IllegalArgumentException saying why the text is not an amount of rupiah
     */
    public static BigDecimal read(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("nothing is stated");
        }
        // non-breaking and narrow spaces come with copy-paste from office documents
        String s = text.replace('\u00A0', ' ').replace('\u202F', ' ').strip();
        Matcher m = AMOUNT.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + s + "' is not an amount of rupiah as printed "
                    + "(\"Rp 1.121.009.332\" or \"Rp 1.121.009.332,50\")");
        }
        String whole = m.group(1).replace(".", "");
        return new BigDecimal(m.group(2) == null ? whole : whole + "." + m.group(2)).setScale(2);
    }
}
