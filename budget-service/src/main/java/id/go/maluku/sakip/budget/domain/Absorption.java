package id.go.maluku.sakip.budget.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Budget absorption: realisasi / pagu x 100, to two decimals, half up. A zero pagu cannot be
 * divided by: the result is "not computable", never 100 % (the seed prints Rp 0 / Rp 0 as 100 %).
 */
public record Absorption(BigDecimal percent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static Absorption of(BigDecimal pagu, BigDecimal realisasi) {
        Objects.requireNonNull(pagu, "pagu");
        Objects.requireNonNull(realisasi, "realisasi");
        if (pagu.signum() == 0) {
            return new Absorption(null);
        }
        return new Absorption(realisasi.multiply(HUNDRED).divide(pagu, 2, RoundingMode.HALF_UP));
    }

    public boolean computable() {
        return percent != null;
    }
}
