package id.go.maluku.sakip.reporting.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import id.go.maluku.sakip.platform.error.InputGuard;
import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.reporting.readmodel.RmAgency;
import id.go.maluku.sakip.reporting.readmodel.RmIndicator;
import id.go.maluku.sakip.reporting.readmodel.RmIndicatorDefinition;
import id.go.maluku.sakip.reporting.review.ReviewInput;
import id.go.maluku.sakip.reporting.review.StatedText;
import id.go.maluku.sakip.reporting.stated.LkipStatedFigure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures an agency's LKIP printed (its capaian and comparison tables), kept as stated so that
 * the review can compare them with the computation. Writing names one or more tables (statedIn):
 * each named table's figures are replaced by the request's, the others stay. Rejected input
 * changes nothing.
 */
@ApplicationScoped
@Transactional
public class StatedFigureService {

    /** How far from the report's year a figure may be about: a Renstra period and its comparisons. */
    static final int YEARS_AROUND = 10;
    static final int MAX_FIGURES = 2000;
    static final int MAX_TEXT = 200;

    @Inject
    EntityManager em;

    /** One figure of a request, as sent (validated here, so that each error names its row). */
    // The bounds are declared for the document (maxLength) and checked here, row by row, so that each
    // error names its row: statedIn and stated by text() (MAX_TEXT, their columns' 200); the indicator
    // by its lookup among the agency's indicators, whose codes are 1-64 characters as its column is.
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "StatedFigureRow")
    public record Row(@Schema(maxLength = MAX_TEXT) String statedIn, @Schema(maxLength = InputGuard.MAX_CODE) String indicator, Integer year,
                      @Schema(enumeration = {"capaian", "realisasi", "target"}) String figure,
                      @Schema(maxLength = MAX_TEXT) String stated) {
    }

    /** One stored figure: as stated, and as read. */
    // unit: null where the text printed none ("19")
    @org.eclipse.microprofile.openapi.annotations.media.Schema(requiredProperties = {"statedIn", "indicator", "year", "figure", "stated", "value", "unit", "writtenBy", "writtenAt"})
    public record Stated(String statedIn, String indicator, int year, String figure, String stated, BigDecimal value,
                         @Schema(nullable = true) String unit, String writtenBy, OffsetDateTime writtenAt) {
        static Stated of(LkipStatedFigure f) {
            return new Stated(f.statedIn, f.indicatorCode, f.figureYear, f.figure, f.stated,
                    f.value.stripTrailingZeros().scale() < 0 ? f.value.setScale(0) : f.value.stripTrailingZeros(),
                    f.unit, f.writtenBy, f.writtenAt);
        }
    }

    public List<Stated> replace(String agencyCode, int year, List<Row> rows, String user) {
        agency(agencyCode);
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (rows == null || rows.isEmpty()) {
            throw ApiProblem.invalid("figures", "at least one figure");
        }
        if (rows.size() > MAX_FIGURES) {
            throw ApiProblem.invalid("figures", "at most " + MAX_FIGURES + " figures in one request");
        }
        Map<String, String> units = indicatorUnits(agencyCode);
        Map<String, Integer> seen = new HashMap<>();
        List<LkipStatedFigure> accepted = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < rows.size(); i++) {
            String at = "figures[" + i + "]";
            Row row = rows.get(i);
            if (row == null) {
                errors.add(new ApiProblem.FieldError(at, "a figure is required"));
                continue;
            }
            int before = errors.size();
            String statedIn = text(row.statedIn(), at + ".statedIn", errors);
            String indicator = text(row.indicator(), at + ".indicator", errors);
            if (indicator != null && !units.containsKey(indicator)) {
                errors.add(new ApiProblem.FieldError(at + ".indicator", "agency '" + agencyCode + "' has no indicator '"
                        + indicator + "'"));
            }
            if (row.year() == null) {
                errors.add(new ApiProblem.FieldError(at + ".year", "required: the year the figure is about"));
            } else if (Math.abs(row.year() - year) > YEARS_AROUND) {
                errors.add(new ApiProblem.FieldError(at + ".year", "a year within " + YEARS_AROUND + " years of the report's ("
                        + (year - YEARS_AROUND) + ".." + (year + YEARS_AROUND) + ")"));
            }
            ReviewInput.Figure figure = null;
            if (row.figure() == null || row.figure().isBlank()) {
                errors.add(new ApiProblem.FieldError(at + ".figure", "required: capaian, realisasi or target"));
            } else {
                try {
                    figure = ReviewInput.Figure.valueOf(row.figure().strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException unknown) {
                    errors.add(new ApiProblem.FieldError(at + ".figure", "'" + row.figure() + "' is not a figure kind: "
                            + "capaian, realisasi or target"));
                }
            }
            String stated = text(row.stated(), at + ".stated", errors);
            StatedText read = null;
            if (stated != null) {
                try {
                    read = StatedText.read(stated);
                } catch (IllegalArgumentException e) {
                    errors.add(new ApiProblem.FieldError(at + ".stated", e.getMessage()));
                }
            }
            if (read != null && figure == ReviewInput.Figure.CAPAIAN && read.unit() != null && !read.percent()) {
                errors.add(new ApiProblem.FieldError(at + ".stated", "'" + stated + "': a capaian is a percentage"));
            } else if (read != null && figure != null && figure != ReviewInput.Figure.CAPAIAN && read.unit() != null
                    && units.get(indicator) != null && !read.unit().equalsIgnoreCase(units.get(indicator))) {
                errors.add(new ApiProblem.FieldError(at + ".stated", "'" + stated + "' is in '" + read.unit()
                        + "'; indicator " + indicator + " counts in '" + units.get(indicator) + "'"));
            }
            if (errors.size() > before) {
                continue;
            }
            String key = statedIn + "\u0000" + indicator + "\u0000" + row.year() + "\u0000" + figure;
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                errors.add(new ApiProblem.FieldError(at, "the " + figure.key() + " " + row.year() + " of " + indicator
                        + " in " + statedIn + " is already stated by figures[" + first + "]"));
                continue;
            }
            LkipStatedFigure f = new LkipStatedFigure();
            f.agencyCode = agencyCode;
            f.reportYear = year;
            f.statedIn = statedIn;
            f.indicatorCode = indicator;
            f.figureYear = row.year();
            f.figure = figure.key();
            f.stated = stated;
            f.value = read.value();
            f.unit = read.unit();
            f.writtenBy = user;
            f.writtenAt = now;
            accepted.add(f);
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(400, "Invalid request", errors.size() + " error(s) in the stated figures; nothing was changed: "
                    + errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        StatedTables.replace(em, "stated:" + agencyCode + "/" + year, accepted, f -> f.statedIn,
                table -> LkipStatedFigure.list("agencyCode = ?1 and reportYear = ?2 and statedIn = ?3 order by position",
                        agencyCode, year, table),
                (a, b) -> a.indicatorCode.equals(b.indicatorCode) && a.figureYear == b.figureYear && a.figure.equals(b.figure)
                        && a.stated.equals(b.stated),
                (f, position) -> f.position = position);
        return all(agencyCode, year);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Stated> all(String agencyCode, int year) {
        agency(agencyCode);
        return of(agencyCode, year).stream().map(Stated::of).toList();
    }

    private static void agency(String agencyCode) {
        if (RmAgency.find("agencyCode", agencyCode).firstResultOptional().isEmpty()) {
            throw ApiProblem.notFound("agency", agencyCode);
        }
    }

    /** Indicator code to unit: the agency's indicators, and those planning has only defined (IKU). */
    private static Map<String, String> indicatorUnits(String agencyCode) {
        Map<String, String> units = new HashMap<>();
        RmIndicatorDefinition.<RmIndicatorDefinition>list("agencyCode", agencyCode).forEach(d -> units.put(d.code, null));
        RmIndicator.<RmIndicator>list("agencyCode", agencyCode).forEach(i -> units.put(i.code, i.unit));
        return units;
    }

    /** A required text of a stated row, stripped, at most MAX_TEXT characters (its columns' 200). */
    static String text(String value, String field, List<ApiProblem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new ApiProblem.FieldError(field, "required"));
            return null;
        }
        if (value.strip().length() > MAX_TEXT) {
            errors.add(new ApiProblem.FieldError(field, "at most " + MAX_TEXT + " characters"));
            return null;
        }
        return value.strip();
    }

    /** "Tabel 3.9" before "Tabel 3.10": digit runs compare as numbers. */
    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int i2 = i;
                int j2 = j;
                while (i2 < a.length() && Character.isDigit(a.charAt(i2))) {
                    i2++;
                }
                while (j2 < b.length() && Character.isDigit(b.charAt(j2))) {
                    j2++;
                }
                int c = new java.math.BigInteger(a.substring(i, i2)).compareTo(new java.math.BigInteger(b.substring(j, j2)));
                if (c != 0) {
                    return c;
                }
                i = i2;
                j = j2;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** The stated figures of a report in the order of the report's tables (for the review). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LkipStatedFigure> of(String agencyCode, int year) {
        List<LkipStatedFigure> all = new ArrayList<>(LkipStatedFigure.of(agencyCode, year));
        all.sort(Comparator.comparing((LkipStatedFigure f) -> f.statedIn, StatedFigureService::natural)
                .thenComparingInt(f -> f.position));
        return all;
    }
}
