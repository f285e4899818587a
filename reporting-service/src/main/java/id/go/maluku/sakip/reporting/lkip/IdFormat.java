package id.go.maluku.sakip.reporting.lkip;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/** Indonesian number formats, as an LKIP prints them: {@code Rp 1.123.840.000}, {@code 79,81 %}. */
public final class IdFormat {

    private static final DecimalFormatSymbols SYMBOLS = new DecimalFormatSymbols();

    static {
        SYMBOLS.setGroupingSeparator('.');
        SYMBOLS.setDecimalSeparator(',');
        SYMBOLS.setMinusSign('-');
    }

    private IdFormat() {
    }

    /** Whole rupiah, or with sen when the amount has them. */
    public static String money(BigDecimal amount) {
        if (amount == null) {
            return "-";
        }
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        DecimalFormat format = new DecimalFormat(whole ? "#,##0" : "#,##0.00", SYMBOLS);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return "Rp " + format.format(amount);
    }

    /** Two decimals, or none for a whole percentage; null is "not computable". */
    public static String percent(BigDecimal percent) {
        if (percent == null) {
            return "tidak dapat dihitung";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", SYMBOLS);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(percent) + " %";
    }

    /** The raw capaian printed beside the policy's capped one. */
    public static String beforeCap(BigDecimal raw) {
        return "sebelum dibatasi " + percent(raw);
    }

    /** The policy's capaian, with the raw one beside it where the cap changed it. */
    public static String percent(BigDecimal capaian, BigDecimal raw) {
        return capaian == null || raw == null || capaian.compareTo(raw) == 0 ? percent(capaian)
                : percent(capaian) + " (" + beforeCap(raw) + ")";
    }

    /** A quantity as written: 19, 2,5, 1.500. */
    public static String number(BigDecimal value) {
        if (value == null) {
            return "-";
        }
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() < 0) {
            plain = plain.setScale(0);
        }
        DecimalFormat format = new DecimalFormat(plain.scale() == 0 ? "#,##0" : "#,##0." + "0".repeat(plain.scale()), SYMBOLS);
        return format.format(plain);
    }

    /** Roman numerals for chapters (BAB I .. BAB X). */
    public static String roman(int n) {
        String[] romans = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
        if (n < 1 || n >= romans.length) {
            throw new IllegalArgumentException("chapter " + n);
        }
        return romans[n];
    }
}
