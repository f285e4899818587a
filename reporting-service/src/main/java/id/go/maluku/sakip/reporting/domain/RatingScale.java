package id.go.maluku.sakip.reporting.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Rating categories of capaian: bands written as half-open intervals [from, to), lowest first;
 * the lowest is open below and the highest open above, and each starts where the previous
 * ends, so every value falls in exactly one band.
 */
public record RatingScale(List<Band> bands) {

    /** from is null only for the lowest band, to only for the highest. */
    public record Band(BigDecimal from, BigDecimal to, String label) {
    }

    /** The Permendagri 86/2017 style default of domain.md, for agencies without their own. */
    public static final RatingScale PERMENDAGRI_86 = new RatingScale(List.of(
            new Band(null, new BigDecimal("51"), "Sangat Rendah"),
            new Band(new BigDecimal("51"), new BigDecimal("66"), "Rendah"),
            new Band(new BigDecimal("66"), new BigDecimal("76"), "Sedang"),
            new Band(new BigDecimal("76"), new BigDecimal("91"), "Tinggi"),
            new Band(new BigDecimal("91"), null, "Sangat Tinggi")));

    public RatingScale {
        if (bands == null || bands.isEmpty()) {
            throw new IllegalArgumentException("a rating scale needs at least one band");
        }
        for (int i = 0; i < bands.size(); i++) {
            Band band = Objects.requireNonNull(bands.get(i), "band " + i);
            if (band.label() == null || band.label().isBlank()) {
                throw new IllegalArgumentException("band " + i + " has no label");
            }
            if ((i == 0) != (band.from() == null)) {
                throw new IllegalArgumentException("band " + i + ": only the lowest band is open below");
            }
            if ((i == bands.size() - 1) != (band.to() == null)) {
                throw new IllegalArgumentException("band " + i + ": only the highest band is open above");
            }
            if (band.from() != null && band.to() != null && band.from().compareTo(band.to()) >= 0) {
                throw new IllegalArgumentException("band " + i + ": from must be below to");
            }
            if (i > 0 && bands.get(i - 1).to().compareTo(band.from()) != 0) {
                throw new IllegalArgumentException("band " + i + " does not start where band " + (i - 1) + " ends");
            }
        }
        bands = List.copyOf(bands);
    }

    public String categorize(BigDecimal capaian) {
        Objects.requireNonNull(capaian, "capaian");
        for (Band band : bands) {
            if ((band.from() == null || capaian.compareTo(band.from()) >= 0)
                    && (band.to() == null || capaian.compareTo(band.to()) < 0)) {
                return band.label();
            }
        }
        throw new IllegalStateException("a valid scale covers every value");
    }
}
