package id.go.maluku.sakip.planning.domain;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An agency's rating categories for capaian: bands written as half-open intervals
 * [from, to), ordered from the lowest. The lowest band has no lower bound and the highest no
 * upper bound, and each band starts exactly where the previous one ends, so every capaian
 * falls in exactly one band: no gaps, no overlaps.
 */
public record RatingScale(List<Band> bands) {

    /** {@code from} is null only for the lowest band, {@code to} only for the highest. */
    // reporting keeps a band's label as a result's category, varchar(100): a longer one would fail its insert
    public record Band(BigDecimal from, BigDecimal to, @Size(max = 100) String label) {
    }

    /** The Permendagri 86/2017 style default of domain.md. */
    public static RatingScale permendagri86() {
        return new RatingScale(List.of(
                new Band(null, new BigDecimal("51"), "Sangat Rendah"),
                new Band(new BigDecimal("51"), new BigDecimal("66"), "Rendah"),
                new Band(new BigDecimal("66"), new BigDecimal("76"), "Sedang"),
                new Band(new BigDecimal("76"), new BigDecimal("91"), "Tinggi"),
                new Band(new BigDecimal("91"), null, "Sangat Tinggi")));
    }

    /** Every reason the bands are not a valid scale, each naming the band by its index. */
    public static List<String> problems(List<Band> bands) {
        List<String> problems = new ArrayList<>();
        if (bands == null || bands.isEmpty()) {
            problems.add("bands: at least one band is needed");
            return problems;
        }
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            String at = "bands[" + i + "]";
            if (band == null) {
                problems.add(at + ": missing");
                continue;
            }
            if (band.label() == null || band.label().isBlank()) {
                problems.add(at + ".label: required");
            }
            if (i == 0 && band.from() != null) {
                problems.add(at + ".from: the lowest band must be open below (no 'from'), or some capaian fall in no band");
            }
            if (i > 0 && band.from() == null) {
                problems.add(at + ".from: only the lowest band may be open below");
            }
            if (i == bands.size() - 1 && band.to() != null) {
                problems.add(at + ".to: the highest band must be open above (no 'to'), or some capaian fall in no band");
            }
            if (i < bands.size() - 1 && band.to() == null) {
                problems.add(at + ".to: only the highest band may be open above");
            }
            if (band.from() != null && band.to() != null && band.from().compareTo(band.to()) >= 0) {
                problems.add(at + ": 'from' must be below 'to'");
            }
            if (i > 0 && bands.get(i - 1) != null) {
                BigDecimal previousEnd = bands.get(i - 1).to();
                if (previousEnd != null && band.from() != null) {
                    int cmp = band.from().compareTo(previousEnd);
                    if (cmp > 0) {
                        problems.add(at + ".from: gap between " + previousEnd.toPlainString() + " and "
                                + band.from().toPlainString());
                    } else if (cmp < 0) {
                        problems.add(at + ".from: overlaps the band before, which ends at " + previousEnd.toPlainString());
                    }
                }
            }
        }
        return problems;
    }

    public RatingScale {
        List<String> problems = problems(bands);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        bands = List.copyOf(bands);
    }

    public String categorize(BigDecimal capaian) {
        Objects.requireNonNull(capaian, "capaian");
        for (Band band : bands) {
            boolean aboveFrom = band.from() == null || capaian.compareTo(band.from()) >= 0;
            boolean belowTo = band.to() == null || capaian.compareTo(band.to()) < 0;
            if (aboveFrom && belowTo) {
                return band.label();
            }
        }
        throw new IllegalStateException("a valid scale covers every value");
    }
}
