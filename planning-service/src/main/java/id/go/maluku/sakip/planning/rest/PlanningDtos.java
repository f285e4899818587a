package id.go.maluku.sakip.planning.rest;

import id.go.maluku.sakip.planning.domain.Agency;
import id.go.maluku.sakip.planning.domain.Indicator;
import id.go.maluku.sakip.planning.domain.Polarity;
import id.go.maluku.sakip.planning.domain.Sasaran;
import id.go.maluku.sakip.planning.domain.Target;
import id.go.maluku.sakip.planning.domain.TargetValue;
import id.go.maluku.sakip.planning.plan.PlanDocument;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** Request and response bodies of the planning API; entities never leave the service. */
public final class PlanningDtos {

    static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private PlanningDtos() {
    }

    @Schema(description = "A new agency (perangkat daerah)")
    public record NewAgency(
            @Schema(example = "dinsos-maluku") @NotBlank @Size(max = 64) @Pattern(regexp = CODE, message = "must be 1-64 letters, digits, '.', '_' or '-'") String code,
            @Schema(example = "Dinas Sosial Provinsi Maluku") @NotBlank @Size(max = 300) String name) {
    }

    public record AgencyBody(@Schema(example = "Dinas Sosial Provinsi Maluku") @NotBlank @Size(max = 300) String name) {
    }

    // The views are written whole (no property left out): each is required (issue 24);
    // PlanDocumentTests checks the answers on the demo plan against their schemas.
    @Schema(requiredProperties = {"id", "code", "name", "revision"})
    public record AgencyView(String id, String code, String name, long revision) {
        static AgencyView of(Agency a) {
            return new AgencyView(a.id.toString(), a.code, a.name, a.revision);
        }
    }

    public record SasaranBody(
            @Schema(example = "Meningkatnya Kualitas Lembaga Penyelenggara Kesejahteraan Sosial") @NotBlank @Size(max = 1000) String name,
            @Schema(description = "Position in the plan; defaults to 0", example = "1") @PositiveOrZero Integer ordinal) {
    }

    @Schema(requiredProperties = {"id", "code", "name", "ordinal", "revision"})
    public record SasaranView(String id, String code, String name, int ordinal, long revision) {
        static SasaranView of(Sasaran s) {
            return new SasaranView(s.id.toString(), s.code, s.name, s.ordinal, s.revision);
        }
    }

    public record IndicatorBody(
            @Schema(description = "Code of the sasaran this indicator measures", example = "S1") @NotBlank @Size(max = 64) String sasaran,
            @Schema(example = "Meningkatnya Kualitas Jangkauan Pelayanan Kesejahteraan Sosial") @NotBlank @Size(max = 1000) String name,
            @Schema(description = "Satuan", example = "kegiatan") @NotBlank @Size(max = 64) String unit,
            @Schema(description = "positive: higher is better; negative: lower is better", example = "positive") @NotNull Polarity polarity) {
    }

    @Schema(requiredProperties = {"id", "code", "sasaran", "name", "unit", "polarity", "revision", "targets"})
    public record IndicatorView(String id, String code, String sasaran, String name, @Schema(nullable = true) String unit,
                                Polarity polarity, long revision, List<TargetView> targets) {
        static IndicatorView of(Indicator i, List<Target> targets) {
            return new IndicatorView(i.id.toString(), i.code, i.sasaran.code, i.name, i.unit, i.polarity, i.revision,
                    targets.stream().map(TargetView::of).toList());
        }
    }

    /**
     * One target, the same TargetValue the plan document and the Excel upload take (TargetValue.parse
     * reads it, for the indicator's polarity): a number, a range {low, high}, or a level of the scale.
     */
    @Schema(requiredProperties = {"value"})
    public record TargetBody(@Schema(implementation = PlanDocument.TargetSchema.class) @NotNull JsonNode value) {
    }

    /**
     * A target as the plan holds it: a number, a range or a scale level, the same TargetValue the
     * plan document takes (a range or ordinal target has no number: reading it as one failed).
     */
    @Schema(requiredProperties = {"year", "value", "revision"})
    public record TargetView(int year, @Schema(implementation = PlanDocument.TargetSchema.class) JsonNode value,
                             long revision) {
        static TargetView of(Target t) {
            return new TargetView(t.year, new TargetValue(t.value, t.rangeLow, t.rangeHigh, t.ordinalValue).toJson(),
                    t.revision);
        }
    }

    public record PageView<T>(List<T> items, int page, int size, long total) {
    }
}
