package id.go.maluku.sakip.budget.domain;

import id.go.maluku.sakip.platform.error.ApiProblem.FieldError;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Rupiah amounts as the service accepts them: exact decimals, not negative, at most two decimals. */
public final class Rupiah {

    private Rupiah() {
    }

    /**
     * The amount at scale 2, or null with the reason added to {@code errors}. More than two
     * decimals is a sender's mistake and is refused, never rounded away.
     */
    public static BigDecimal check(BigDecimal amount, String field, boolean required, List<FieldError> errors) {
        if (amount == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (amount.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative"));
            return null;
        }
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            errors.add(new FieldError(field, "has more than two decimals"));
            return null;
        }
    }

    public static BigDecimal zero() {
        return new BigDecimal("0.00");
    }
}
