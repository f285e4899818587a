package id.go.maluku.sakip.reporting.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Objects;

/**
 * Budget absorption (serapan) = realisasi / pagu x 100, to two decimals (domain.md section 3).
 * A pagu of 0 is "not computable", never 100 %, even when nothing was spent.
 */
public record Absorption(BigDecimal pagu, BigDecimal realisasi, boolean computable, BigDecimal percent, String reason) {

    public static Absorption of(BigDecimal pagu, BigDecimal realisasi) {
        Objects.requireNonNull(pagu, "pagu");
        Objects.requireNonNull(realisasi, "realisasi");
        if (pagu.signum() == 0) {
            return new Absorption(pagu, realisasi, false, null, "pagu is 0: absorption tidak dapat dihitung");
        }
        BigDecimal percent = realisasi.multiply(BigDecimal.valueOf(100)).divide(pagu, MathContext.DECIMAL64)
                .setScale(2, RoundingMode.HALF_UP);
        return new Absorption(pagu, realisasi, true, percent, null);
    }

    /** Money of a budget line, identified so that a line counted twice is seen. */
    public record Line(String id, BigDecimal pagu, BigDecimal realisasi) {
    }

    /** The total of distinct lines: a line that serves two sasaran is counted once. */
    public static Absorption total(Collection<Line> lines) {
        java.util.Map<String, Line> distinct = new java.util.LinkedHashMap<>();
        lines.forEach(l -> distinct.putIfAbsent(l.id(), l));
        BigDecimal pagu = BigDecimal.ZERO;
        BigDecimal realisasi = BigDecimal.ZERO;
        for (Line line : distinct.values()) {
            pagu = pagu.add(line.pagu());
            realisasi = realisasi.add(line.realisasi());
        }
        return of(pagu, realisasi);
    }

    /**
     * Absorption per group (sub kegiatan, sasaran, program, unit, funding source): each group
     * counts each of its lines once; a line may be in several groups (two sasaran).
     */
    public static <T, K extends Comparable<K>> java.util.SortedMap<K, Absorption> grouped(
            Collection<T> items, java.util.function.Function<T, Line> line,
            java.util.function.Function<T, Collection<K>> keys) {
        java.util.SortedMap<K, java.util.List<Line>> groups = new java.util.TreeMap<>();
        for (T item : items) {
            for (K key : keys.apply(item)) {
                groups.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(line.apply(item));
            }
        }
        java.util.SortedMap<K, Absorption> result = new java.util.TreeMap<>();
        groups.forEach((key, lines) -> result.put(key, total(lines)));
        return result;
    }
}
