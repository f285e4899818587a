package id.go.maluku.sakip.reporting.review;

import java.math.BigDecimal;
import java.math.RoundingMode;

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
}
