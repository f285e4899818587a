package id.go.maluku.sakip.reporting.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Capaian against absorption (domain.md section 3). {@code ratio} = capaian / absorption x 100
 * (above 100: more achieved per rupiah than planned). Where the target is met (capaian of at
 * least 100) with less money (absorption below 100), the unspent share is {@code efficiency}
 * = 100 - absorption; otherwise there is no efficiency, 0.
 */
public record Efficiency(boolean computable, BigDecimal ratio, BigDecimal efficiency, String reason) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static Efficiency of(Capaian capaian, Absorption absorption) {
        if (capaian == null || !capaian.isComputed()) {
            return new Efficiency(false, null, null, "capaian not computed");
        }
        if (absorption == null || !absorption.computable()) {
            return new Efficiency(false, null, null, "absorption not computable");
        }
        if (absorption.percent().signum() == 0) {
            return new Efficiency(false, null, null, "nothing spent: capaian per absorption tidak dapat dihitung");
        }
        BigDecimal ratio = capaian.percent().multiply(HUNDRED).divide(absorption.percent(), MathContext.DECIMAL64)
                .setScale(2, RoundingMode.HALF_UP);
        BigDecimal efficiency = capaian.percent().compareTo(HUNDRED) >= 0 && absorption.percent().compareTo(HUNDRED) < 0
                ? HUNDRED.subtract(absorption.percent()).setScale(2, RoundingMode.HALF_UP)
                : BigDecimal.ZERO.setScale(2);
        return new Efficiency(true, ratio, efficiency, null);
    }
}
