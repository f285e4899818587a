package id.go.maluku.sakip.realization.rest;

import id.go.maluku.sakip.realization.domain.Aggregation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import id.go.maluku.sakip.realization.domain.MonitoringRow;
import id.go.maluku.sakip.realization.service.MonitoringService;
import id.go.maluku.sakip.platform.security.AgencyScoped;
import id.go.maluku.sakip.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import static id.go.maluku.sakip.realization.rest.ApiExamples.JSON;
import static id.go.maluku.sakip.realization.rest.ApiExamples.PROBLEM;

@AgencyScoped
@Path("/api/v1/agencies/{agency}/years/{year}/monitoring")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Monitoring", description = "The quarterly monitoring form (Permendagri 86/2017)")
public class MonitoringResource {

    /** A quarter without realisasi is null (not 0: nothing was reported). */
    // the form is written whole (no property left out): each is required, its nulls declared (issue 24)
    @Schema(requiredProperties = {"q1", "q2", "q3", "q4"})
    public record Quarters(@Schema(nullable = true) BigDecimal q1, @Schema(nullable = true) BigDecimal q2,
                           @Schema(nullable = true) BigDecimal q3, @Schema(nullable = true) BigDecimal q4) {
    }

    @Schema(requiredProperties = {"sasaran", "indicator", "name", "unit", "polarity", "valueScale", "levels", "aggregation",
            "endOfPeriodYear", "endOfPeriodTarget", "realisasiUpToLastYear", "thisYearTarget", "realisasiPerQuarter",
            "thisYearTotal", "cumulative", "cumulativePercentOfEndTarget"})
    public record IndicatorLine(@Schema(nullable = true, description = "null for an indicator copied before its sasaran was kept") String sasaran,
                                String indicator,
                                String name,
                                String unit,
                                @Schema(nullable = true, description = "null until planning has stated it") String polarity,
                                String valueScale,
                                @Schema(nullable = true) List<String> levels,
                                String aggregation,
                                @Schema(nullable = true) Integer endOfPeriodYear,
                                @Schema(nullable = true) BigDecimal endOfPeriodTarget,
                                @Schema(nullable = true) BigDecimal realisasiUpToLastYear,
                                @Schema(nullable = true) BigDecimal thisYearTarget,
                                Quarters realisasiPerQuarter,
                                @Schema(nullable = true) BigDecimal thisYearTotal,
                                @Schema(nullable = true) BigDecimal cumulative,
                                @Schema(nullable = true) BigDecimal cumulativePercentOfEndTarget) {
    }

    /** aggregation: the one asked for; null where none was (each line's is its plan's). */
    @Schema(requiredProperties = {"agency", "year", "aggregation", "indicators"})
    public record Monitoring(String agency, int year, @Schema(nullable = true) String aggregation, List<IndicatorLine> indicators) {
    }

    @Inject
    MonitoringService monitoring;

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Operation(operationId = "getMonitoring", summary = "The quarterly monitoring form of an agency for a year",
            description = "Per indicator: end-of-Renstra target (target of the last year planning set), realisasi up "
                    + "to last year, this year's target, realisasi per triwulan I-IV, this year's total, cumulative, "
                    + "and cumulative as a percentage of the end-of-period target. aggregation (sum, last, "
                    + "average, max; by default each indicator's as its plan states it, last where the plan states "
                    + "none, as in planning and reporting) combines months into quarters, quarters into the year (when no yearly "
                    + "value is recorded; a recorded yearly value wins) and years into the cumulative value. "
                    + "Ordinal indicators always use last and show ranks on their scale (levels, lowest first).")
    @APIResponse(responseCode = "200", description = "One line per indicator",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Monitoring.class), examples = @ExampleObject(name = "IK5 in 2022", value = ApiExamples.MONITORING)))
    @APIResponse(responseCode = "400", description = "An unknown aggregation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unknown aggregation", value = ApiExamples.BAD_AGGREGATION)))
    public Monitoring get(@PathParam("agency") String agency, @PathParam("year") int year,
                          @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"sum", "last", "average", "max"})) @QueryParam("aggregation") String aggregation) {
        Aggregation requested = Aggregation.parse(aggregation);
        List<IndicatorLine> lines = monitoring.monitoring(agency, year, requested).stream().map(line -> {
            MonitoringRow r = line.row();
            var scale = line.indicator().scale();
            return new IndicatorLine(line.indicator().sasaranCode, line.indicator().code, line.indicator().name,
                    line.indicator().unit, line.indicator().polarity, scale.name(), scale.isOrdinal() ? scale.levels() : null,
                    code(line.aggregation()), r.endOfPeriodYear(), plain(r.endOfPeriodTarget()),
                    plain(r.realisasiUpToLastYear()), plain(r.thisYearTarget()),
                    new Quarters(plain(r.q1()), plain(r.q2()), plain(r.q3()), plain(r.q4())), plain(r.thisYearTotal()),
                    plain(r.cumulative()), r.cumulativePercentOfEndTarget());
        }).toList();
        return new Monitoring(agency, year, code(requested), lines);
    }

    private static String code(Aggregation a) {
        if (a == null) {
            return null;
        }
        return a.name().toLowerCase(Locale.ROOT);
    }

    private static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
