package id.go.maluku.sakip.reporting.domain;

import java.math.BigDecimal;

/**
 * This year's capaian next to last year's (domain.md section 2, comparisons): last year's
 * realisasi and capaian, and the change of the reported capaian in percentage points.
 */
public record LastYear(int year, BigDecimal realisasi, Capaian capaian, BigDecimal change) {

    public static LastYear of(int lastYear, BigDecimal lastRealisasi, Capaian last, Capaian current) {
        BigDecimal change = last != null && last.isComputed() && current != null && current.isComputed()
                ? current.percent().subtract(last.percent()) : null;
        return new LastYear(lastYear, lastRealisasi, last, change);
    }
}
