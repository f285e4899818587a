package id.go.maluku.sakip.reporting.review;

import id.go.maluku.sakip.reporting.lkip.IdFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A capaian, realisasi or target a document printed that disagrees with the system's value of the
 * same indicator and year: the seed's Tabel 3.10 states 2 lokasi for IK3 in 2021 where the
 * realisasi counted is 3, and 3 lokasi for 2022 where it is 0. A printed capaian the system cannot
 * compute (Tabel 3.2's 141,18 % for 2021, a year for which no target is held) is a warning: the
 * figure has nothing behind it.
 *
 * <p>Each figure is compared at the precision it was printed with (issue 23): a printed 71,42 %
 * against 5 / 7 = 71,4286 % is a finding, since at two decimals the computation gives 71,43; a
 * printed 71 % or 71,4 % is not, a printer's rounding (100 % for 99,6 %) neither. Never finer than
 * the computed value is: a capaian is computed to two decimals, a quantity exactly. The
 * indicator's display decimals play no part: a plan imported without them once stored 0, and every
 * printed capaian was then compared as a whole number. A capaian agrees if it is the raw or the
 * capped value (an agency that caps at 100 may print either).
 */
public final class StatedFigureRule implements Rule {

    /** Capaian are computed to two decimals (Capaian: raw value rounded HALF_UP to 2). */
    static final int CAPAIAN_DECIMALS = 2;

    @Override
    public String name() {
        return "stated-figure-disagrees";
    }

    @Override
    public List<Finding> check(ReviewInput input) {
        List<Finding> findings = new ArrayList<>();
        for (ReviewInput.StatedFigure f : input.statedFigures()) {
            if (f.computed() == null && f.computedCapped() == null) {
                findings.add(new Finding(name(), f.where(), f.stated(), f.figure() == ReviewInput.Figure.CAPAIAN
                        ? "tidak dapat dihitung: " + f.notComputed() : f.notComputed(), Finding.Severity.WARNING));
                continue;
            }
            int decimals = f.figure() == ReviewInput.Figure.CAPAIAN ? CAPAIAN_DECIMALS : Integer.MAX_VALUE;
            if (!agrees(f.value(), f.computed(), decimals) && !agrees(f.value(), f.computedCapped(), decimals)) {
                findings.add(new Finding(name(), f.where(), f.stated(), show(f), Finding.Severity.ERROR));
            }
        }
        return findings;
    }

    /**
     * Equal when both are rounded to the printed figure's decimals, or to the computed value's
     * (computedDecimals) where the figure was printed finer.
     */
    static boolean agrees(BigDecimal stated, BigDecimal computed, int computedDecimals) {
        if (computed == null) {
            return false;
        }
        int at = Math.min(computedDecimals, Math.max(0, stated.scale()));
        return stated.setScale(at, RoundingMode.HALF_UP).compareTo(computed.setScale(at, RoundingMode.HALF_UP)) == 0;
    }

    private static String show(ReviewInput.StatedFigure f) {
        if (f.figure() == ReviewInput.Figure.CAPAIAN) {
            BigDecimal raw = f.computed() != null ? f.computed() : f.computedCapped();
            String shown = IdFormat.percent(raw);
            if (f.computedCapped() != null && raw.compareTo(f.computedCapped()) != 0) {
                shown += " (diakui " + IdFormat.percent(f.computedCapped()) + ")";
            }
            return shown;
        }
        return IdFormat.number(f.computed()) + (f.unit() == null || f.unit().isBlank() ? "" : " " + f.unit());
    }
}
