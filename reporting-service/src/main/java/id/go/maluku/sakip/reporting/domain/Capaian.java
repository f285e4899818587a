package id.go.maluku.sakip.reporting.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * Capaian (achievement) of an indicator or a sasaran, in percent, to two decimals (half up).
 * The rules are those of domain.md section 2:
 * <ul>
 *   <li>positive polarity: R / T x 100;</li>
 *   <li>negative polarity: (2T - R) / T x 100 (PermenPANRB 8/2021 "kondisi khusus"), never
 *       (T - R) / T, which gives 0 when the target is met exactly;</li>
 *   <li>a target of 0 cannot be divided by: "tidak dapat dihitung", with the reason;</li>
 *   <li>a sasaran is the mean of its computable indicators.</li>
 * </ul>
 * The value is never capped here: the seed reports 300 KK against 150 KK as 200 %.
 */
public record Capaian(Status status, BigDecimal percent, String reason) {

    public enum Status {
        /** A value was computed. */
        COMPUTED,
        /** No realisasi yet for the period. */
        NO_REALISASI,
        /** No target for the period: nothing to measure against. */
        NO_TARGET,
        /** A target of 0: division impossible ("tidak dapat dihitung"). */
        NOT_COMPUTABLE
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext EXACT_ENOUGH = MathContext.DECIMAL64;

    public Capaian {
        Objects.requireNonNull(status, "status");
        if ((status == Status.COMPUTED) != (percent != null)) {
            throw new IllegalArgumentException("a computed capaian has a value, any other has none");
        }
    }

    public static Capaian computed(BigDecimal percent) {
        return new Capaian(Status.COMPUTED, percent.setScale(2, RoundingMode.HALF_UP), null);
    }

    public boolean isComputed() {
        return status == Status.COMPUTED;
    }

    /** The capaian of one indicator for one period. */
    public static Capaian of(Polarity polarity, BigDecimal target, BigDecimal realisasi) {
        Objects.requireNonNull(polarity, "polarity");
        if (target == null) {
            return new Capaian(Status.NO_TARGET, null, "no target for the period");
        }
        if (realisasi == null) {
            return new Capaian(Status.NO_REALISASI, null, "no realisasi for the period");
        }
        if (target.signum() == 0) {
            return new Capaian(Status.NOT_COMPUTABLE, null, "target is 0: capaian tidak dapat dihitung");
        }
        BigDecimal numerator = switch (polarity) {
            case POSITIVE -> realisasi;
            case NEGATIVE -> target.multiply(BigDecimal.valueOf(2)).subtract(realisasi);
        };
        return computed(numerator.multiply(HUNDRED).divide(target, EXACT_ENOUGH));
    }

    /** A sasaran: the mean of its indicators' computed capaian; none computed, none to show. */
    public static Capaian mean(List<Capaian> indicators) {
        List<BigDecimal> values = indicators.stream().filter(Capaian::isComputed).map(Capaian::percent).toList();
        if (values.isEmpty()) {
            return new Capaian(Status.NO_REALISASI, null, "no indicator of the sasaran has a computable capaian");
        }
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return computed(sum.divide(BigDecimal.valueOf(values.size()), EXACT_ENOUGH));
    }
}
