package id.go.maluku.sakip.reporting.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An indicator along the years of the Renstra (domain.md section 2, comparisons): realisasi of
 * the years up to the report's year, targets of the remaining years, and progress: the latest
 * realisasi measured against the end-of-period target with the indicator's own rule.
 */
public record RenstraProgress(int startYear, int endYear, List<Year> years, Target endTarget, Integer latestYear,
                              BigDecimal latestRealisasi, Capaian progress) {

    /** kind "realisasi" (a year up to the report's, with a value) or "target" (a remaining year). */
    public record Year(int year, String kind, Target target, BigDecimal realisasi) {
    }

    public static RenstraProgress of(int startYear, int endYear, int reportYear, Polarity polarity,
                                     Map<Integer, Target> targets, Map<Integer, BigDecimal> realisasi,
                                     CapaianPolicy policy) {
        if (startYear > endYear) {
            throw new IllegalArgumentException("the Renstra starts after it ends");
        }
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(realisasi, "realisasi");
        List<Year> years = new ArrayList<>();
        Integer latestYear = null;
        for (int year = startYear; year <= endYear; year++) {
            boolean past = year <= reportYear;
            years.add(new Year(year, past ? "realisasi" : "target", targets.get(year), past ? realisasi.get(year) : null));
            if (past && realisasi.get(year) != null) {
                latestYear = year;
            }
        }
        Target endTarget = targets.get(endYear);
        BigDecimal latest = latestYear == null ? null : realisasi.get(latestYear);
        Capaian progress = endTarget == null
                ? Capaian.notComputed(Capaian.Status.NO_TARGET, "no target for the end of the Renstra (" + endYear + ")")
                : Capaian.of(polarity, endTarget, latest, policy);
        return new RenstraProgress(startYear, endYear, List.copyOf(years), endTarget, latestYear, latest, progress);
    }
}
