package id.go.maluku.sakip.reporting.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * Capaian (achievement) of an indicator or a sasaran, in percent to two decimals (half up),
 * by the rules of domain.md section 2 under an agency's {@link CapaianPolicy}:
 * <ul>
 *   <li>positive polarity: R / T x 100;</li>
 *   <li>negative polarity: (2T - R) / T x 100 by default (PermenPANRB 8/2021: T 7, R 6.5 gives
 *       107.14), or T / R x 100 where the agency states it; never (T - R) / T;</li>
 *   <li>range [low, high]: inside 100; above, the upper bound as a lower-is-better target (the
 *       agency's negative formula); below, the lower bound as a higher-is-better target;</li>
 *   <li>target 0: "tidak dapat dihitung" with the reason, unless the agency states that a
 *       negative indicator with T 0 and R 0 reaches 100;</li>
 *   <li>ordinal: reaching or exceeding the target's level gives 100; below it 0, or the rank
 *       of the realisasi over the rank of the target, as the agency states;</li>
 *   <li>cap: the raw value is always kept; the reported value is capped where the agency caps
 *       (a disability indicator with T 25, R 34.48 is raw 137.92, reported 100);</li>
 *   <li>a sasaran: the (weighted) mean of its computable indicators, of the raw and of the
 *       capped values each.</li>
 * </ul>
 * {@code percent} is the reported (capped) value, {@code raw} the uncapped one, {@code
 * category} what the policy's category basis gives: the band of the reported or of the raw value,
 * or realisasi against target (an indicator: R against T by its polarity, the unrounded raw
 * value against 100, an ordinal level's rank against the target's; a sasaran: its mean raw value
 * against 100).
 */
public record Capaian(Status status, BigDecimal raw, BigDecimal percent, String category, String reason) {

    public enum Status {
        /** A value was computed. */
        COMPUTED,
        /** No realisasi yet for the period. */
        NO_REALISASI,
        /** No target for the period: nothing to measure against. */
        NO_TARGET,
        /** Division impossible ("tidak dapat dihitung"), with the reason. */
        NOT_COMPUTABLE
    }

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext EXACT_ENOUGH = MathContext.DECIMAL64;

    public Capaian {
        Objects.requireNonNull(status, "status");
        if ((status == Status.COMPUTED) != (percent != null) || (percent == null) != (raw == null)) {
            throw new IllegalArgumentException("a computed capaian has a value, any other has none");
        }
        if (status != Status.COMPUTED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a capaian that is not computed says why");
        }
    }

    public static Capaian notComputed(Status status, String reason) {
        return new Capaian(status, null, null, null, reason);
    }

    /**
     * A raw value under the policy: rounded, capped where the policy caps, categorised. Realisasi is
     * judged against target from the unrounded raw value: every formula gives exactly 100 at R = T,
     * above 100 only where R is better than T.
     */
    public static Capaian computed(BigDecimal raw, CapaianPolicy policy) {
        return computed(raw, raw.compareTo(HUNDRED), policy);
    }

    private static Capaian computed(BigDecimal raw, int versusTarget, CapaianPolicy policy) {
        BigDecimal rounded = raw.setScale(2, RoundingMode.HALF_UP);
        BigDecimal reported = policy.cap() != null && rounded.compareTo(policy.cap()) > 0
                ? policy.cap().setScale(2, RoundingMode.HALF_UP) : rounded;
        return new Capaian(Status.COMPUTED, rounded, reported, policy.category(rounded, reported, versusTarget), null);
    }

    public boolean isComputed() {
        return status == Status.COMPUTED;
    }

    /** A numeric target under the default policy. */
    public static Capaian of(Polarity polarity, BigDecimal target, BigDecimal realisasi) {
        return of(polarity, target == null ? null : Target.number(target), realisasi, CapaianPolicy.DEFAULT);
    }

    /**
     * The capaian of one indicator for one year. For an ordinal indicator the realisasi is the
     * rank of the level reached (1 = lowest), as realization publishes it.
     */
    public static Capaian of(Polarity polarity, Target target, BigDecimal realisasi, CapaianPolicy policy) {
        Objects.requireNonNull(polarity, "polarity");
        Objects.requireNonNull(policy, "policy");
        if (target == null) {
            return notComputed(Status.NO_TARGET, "no target for the period");
        }
        if (realisasi == null) {
            return notComputed(Status.NO_REALISASI, "no realisasi for the period");
        }
        return switch (polarity) {
            case POSITIVE, NEGATIVE -> {
                if (target.kind() != Target.Kind.NUMBER) {
                    throw new IllegalArgumentException("a " + polarity + " indicator needs a numeric target");
                }
                yield numeric(polarity, target.value(), realisasi, policy);
            }
            case RANGE -> {
                if (target.kind() != Target.Kind.RANGE) {
                    throw new IllegalArgumentException("a range indicator needs a range target");
                }
                if (realisasi.compareTo(target.high()) > 0) {
                    yield numeric(Polarity.NEGATIVE, target.high(), realisasi, policy);
                }
                if (realisasi.compareTo(target.low()) < 0) {
                    yield numeric(Polarity.POSITIVE, target.low(), realisasi, policy);
                }
                yield computed(HUNDRED, policy);
            }
            case ORDINAL -> {
                if (target.kind() != Target.Kind.ORDINAL) {
                    throw new IllegalArgumentException("an ordinal indicator needs a level of its scale as target");
                }
                BigDecimal targetRank = BigDecimal.valueOf(target.rank());
                if (realisasi.compareTo(targetRank) >= 0) {
                    // a level above the target's is 100 % too, yet exceeds the target
                    yield computed(HUNDRED, realisasi.compareTo(targetRank), policy);
                }
                yield switch (policy.ordinalNotMet()) {
                    case ZERO -> computed(BigDecimal.ZERO, policy);
                    case PROPORTIONAL -> computed(realisasi.multiply(HUNDRED).divide(targetRank, EXACT_ENOUGH), policy);
                };
            }
        };
    }

    private static Capaian numeric(Polarity polarity, BigDecimal t, BigDecimal r, CapaianPolicy policy) {
        if (t.signum() == 0) {
            if (polarity == Polarity.NEGATIVE && r.signum() == 0
                    && policy.zeroTarget() == CapaianPolicy.ZeroTarget.NEGATIVE_ZERO_IS_100) {
                return computed(HUNDRED, policy);
            }
            return notComputed(Status.NOT_COMPUTABLE, "target is 0: capaian tidak dapat dihitung");
        }
        if (polarity == Polarity.POSITIVE) {
            return computed(r.multiply(HUNDRED).divide(t, EXACT_ENOUGH), policy);
        }
        return switch (policy.negativeFormula()) {
            case TWO_T_MINUS_R -> computed(t.multiply(BigDecimal.valueOf(2)).subtract(r).multiply(HUNDRED)
                    .divide(t, EXACT_ENOUGH), policy);
            case T_OVER_R -> r.signum() == 0
                    ? notComputed(Status.NOT_COMPUTABLE, "realisasi is 0: capaian T / R tidak dapat dihitung")
                    : computed(t.multiply(HUNDRED).divide(r, EXACT_ENOUGH), policy);
        };
    }

    /** An indicator's capaian with its weight in its sasaran (null: unweighted). */
    public record Weighted(Capaian capaian, BigDecimal weight) {
    }

    /** A sasaran: the mean of its indicators' computed capaian; none computed, none to show. */
    public static Capaian mean(List<Capaian> indicators) {
        return mean(indicators.stream().map(c -> new Weighted(c, null)).toList(), CapaianPolicy.DEFAULT);
    }

    /**
     * A sasaran: the mean of its computable indicators (raw of raw, reported of reported), a
     * weighted mean when every computable indicator has a weight; its category by the policy's
     * basis from the means (against the target: the mean raw value against 100).
     */
    public static Capaian mean(List<Weighted> indicators, CapaianPolicy policy) {
        List<Weighted> computed = indicators.stream().filter(w -> w.capaian().isComputed()).toList();
        if (computed.isEmpty()) {
            boolean notComputable = indicators.stream().anyMatch(w -> w.capaian().status() == Status.NOT_COMPUTABLE);
            return notComputed(notComputable ? Status.NOT_COMPUTABLE : Status.NO_REALISASI,
                    "no indicator of the sasaran has a computable capaian");
        }
        boolean weighted = computed.stream().allMatch(w -> w.weight() != null)
                && computed.stream().map(Weighted::weight).reduce(BigDecimal.ZERO, BigDecimal::add).signum() > 0;
        BigDecimal totalWeight = BigDecimal.ZERO;
        BigDecimal raw = BigDecimal.ZERO;
        BigDecimal reported = BigDecimal.ZERO;
        for (Weighted w : computed) {
            BigDecimal weight = weighted ? w.weight() : BigDecimal.ONE;
            totalWeight = totalWeight.add(weight);
            raw = raw.add(w.capaian().raw().multiply(weight));
            reported = reported.add(w.capaian().percent().multiply(weight));
        }
        BigDecimal rawMean = raw.divide(totalWeight, EXACT_ENOUGH).setScale(2, RoundingMode.HALF_UP);
        BigDecimal reportedMean = reported.divide(totalWeight, EXACT_ENOUGH).setScale(2, RoundingMode.HALF_UP);
        return new Capaian(Status.COMPUTED, rawMean, reportedMean,
                policy.category(rawMean, reportedMean, rawMean.compareTo(HUNDRED)), null);
    }
}
