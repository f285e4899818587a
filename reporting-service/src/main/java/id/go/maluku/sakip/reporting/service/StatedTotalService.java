package id.go.maluku.sakip.reporting.service;

import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.platform.error.InputGuard;
import id.go.maluku.sakip.reporting.readmodel.RmAgency;
import id.go.maluku.sakip.reporting.readmodel.RmBudgetLine;
import id.go.maluku.sakip.reporting.review.ReviewInput;
import id.go.maluku.sakip.reporting.review.StatedMoney;
import id.go.maluku.sakip.reporting.stated.LkipStatedTotal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The budget totals an agency's LKIP printed (a program's pagu and realisasi, the year's "jumlah"),
 * kept as stated so that the review checks each against the sum of the year's lines (issue 23,
 * point 8). Writing names one or more tables (statedIn): each named table's totals are replaced
 * by the request's, the others stay. Rejected input changes nothing.
 */
@ApplicationScoped
@Transactional
public class StatedTotalService {

    static final int MAX_TOTALS = 500;
    static final int MAX_TEXT = StatedFigureService.MAX_TEXT;
    static final String PAGU = "pagu";
    static final String REALISASI = "realisasi";

    @Inject
    EntityManager em;

    @Schema(name = "StatedTotalRow", requiredProperties = {"statedIn", "figure", "stated"})
    public record Row(@Schema(maxLength = MAX_TEXT, description = "The table that printed it, e.g. \"Tabel 3.4\"") String statedIn,
                      @Schema(maxLength = InputGuard.MAX_CODE, nullable = true, description = "The program (urusan.bidang.program, e.g. "
                              + "\"1.06.04\") whose total it is; absent or null for the year's total of all lines") String program,
                      @Schema(enumeration = {PAGU, REALISASI}) String figure,
                      @Schema(maxLength = MAX_TEXT, description = "The amount as printed: \"Rp 1.121.009.332\"") String stated) {
    }

    @Schema(name = "StatedTotal", requiredProperties = {"statedIn", "program", "figure", "stated", "value", "writtenBy", "writtenAt"})
    public record Stated(String statedIn, @Schema(nullable = true, description = "null: the year's total of all lines") String program,
                         String figure, String stated, BigDecimal value, String writtenBy, OffsetDateTime writtenAt) {
        static Stated of(LkipStatedTotal t) {
            return new Stated(t.statedIn, t.programCode, t.figure, t.stated, t.value, t.writtenBy, t.writtenAt);
        }
    }

    public List<Stated> replace(String agencyCode, int year, List<Row> rows, String user) {
        agency(agencyCode);
        if (rows == null || rows.isEmpty()) {
            throw ApiProblem.invalid("totals", "at least one total");
        }
        if (rows.size() > MAX_TOTALS) {
            throw ApiProblem.invalid("totals", "at most " + MAX_TOTALS + " totals in one request");
        }
        Set<String> programs = new HashSet<>();
        RmBudgetLine.<RmBudgetLine>list("agencyCode = ?1 and fiscalYear = ?2", agencyCode, year)
                .forEach(line -> programs.add(line.programCode));
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<LkipStatedTotal> accepted = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < rows.size(); i++) {
            String at = "totals[" + i + "]";
            Row row = rows.get(i);
            if (row == null) {
                errors.add(new ApiProblem.FieldError(at, "a total is required"));
                continue;
            }
            int before = errors.size();
            String statedIn = StatedFigureService.text(row.statedIn(), at + ".statedIn", errors);
            String program = row.program() == null || row.program().isBlank() ? null : row.program().strip();
            if (program != null && !programs.contains(program)) {
                errors.add(new ApiProblem.FieldError(at + ".program", "agency '" + agencyCode + "' has no budget line of "
                        + year + " under program '" + (program.length() > InputGuard.MAX_CODE ? program.substring(0, InputGuard.MAX_CODE) + "..." : program) + "'"));
            }
            String figure = row.figure() == null ? null : row.figure().strip().toLowerCase(Locale.ROOT);
            if (!PAGU.equals(figure) && !REALISASI.equals(figure)) {
                errors.add(new ApiProblem.FieldError(at + ".figure", row.figure() == null || row.figure().isBlank()
                        ? "required: pagu or realisasi" : "'" + row.figure() + "' is not a total kind: pagu or realisasi"));
            }
            String stated = StatedFigureService.text(row.stated(), at + ".stated", errors);
            BigDecimal value = null;
            if (stated != null) {
                try {
                    value = StatedMoney.read(stated);
                } catch (IllegalArgumentException e) {
                    errors.add(new ApiProblem.FieldError(at + ".stated", e.getMessage()));
                }
            }
            if (errors.size() > before) {
                continue;
            }
            Integer first = seen.putIfAbsent(statedIn + "\u0000" + program + "\u0000" + figure, i);
            if (first != null) {
                errors.add(new ApiProblem.FieldError(at, "the " + figure + " of " + (program == null ? "the year" : "program " + program)
                        + " in " + statedIn + " is already stated by totals[" + first + "]"));
                continue;
            }
            LkipStatedTotal t = new LkipStatedTotal();
            t.agencyCode = agencyCode;
            t.reportYear = year;
            t.statedIn = statedIn;
            t.programCode = program;
            t.figure = figure;
            t.stated = stated;
            t.value = value;
            t.writtenBy = user;
            t.writtenAt = now;
            accepted.add(t);
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(400, "Invalid request", errors.size() + " error(s) in the stated totals; nothing was changed: "
                    + errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        StatedTables.replace(em, "stated-total:" + agencyCode + "/" + year, accepted, t -> t.statedIn,
                table -> LkipStatedTotal.list("agencyCode = ?1 and reportYear = ?2 and statedIn = ?3 order by position",
                        agencyCode, year, table),
                (a, b) -> Objects.equals(a.programCode, b.programCode) && a.figure.equals(b.figure) && a.stated.equals(b.stated),
                (t, position) -> t.position = position);
        return all(agencyCode, year);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Stated> all(String agencyCode, int year) {
        agency(agencyCode);
        return LkipStatedTotal.of(agencyCode, year).stream()
                .sorted((a, b) -> StatedFigureService.natural(a.statedIn, b.statedIn)).map(Stated::of).toList();
    }

    /**
     * Each stated total beside the parts it should be the sum of: the pagu or realisasi of every line
     * of the year under its program (or of all lines), each line once, however many sasaran it serves.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReviewInput.StatedTotal> forReview(String agencyCode, int year) {
        List<LkipStatedTotal> stated = LkipStatedTotal.of(agencyCode, year);
        if (stated.isEmpty()) {
            return List.of();
        }
        List<RmBudgetLine> lines = RmBudgetLine.list("agencyCode = ?1 and fiscalYear = ?2", agencyCode, year);
        List<ReviewInput.StatedTotal> totals = new ArrayList<>();
        for (LkipStatedTotal t : stated) {
            List<BigDecimal> parts = lines.stream()
                    .filter(line -> t.programCode == null || Objects.equals(t.programCode, line.programCode))
                    .map(line -> PAGU.equals(t.figure) ? line.pagu : line.realisasi).toList();
            totals.add(new ReviewInput.StatedTotal(t.statedIn + " / " + (t.programCode == null ? "jumlah" : "program " + t.programCode)
                    + " / " + t.figure, t.value, parts));
        }
        return totals;
    }

    private static void agency(String agencyCode) {
        if (RmAgency.find("agencyCode", agencyCode).firstResultOptional().isEmpty()) {
            throw ApiProblem.notFound("agency", agencyCode);
        }
    }
}
