package id.go.maluku.sakip.planning.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.planning.domain.Aggregation;
import id.go.maluku.sakip.planning.domain.CapaianPolicy;
import id.go.maluku.sakip.planning.domain.PersonnelTable;
import id.go.maluku.sakip.planning.domain.Polarity;
import id.go.maluku.sakip.planning.domain.Province;
import id.go.maluku.sakip.planning.domain.RatingScale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An agency's whole plan as one JSON document: what GET .../plan exports and PUT .../plan
 * imports (upsert by code; the same document twice changes nothing). Every part is optional on
 * import: a part that is absent is left as it is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The whole plan of an agency: profile, organisation, personnel, Renstra, sasaran, indicators "
        + "with targets, Perjanjian Kinerja versions and the capaian policy")
public record PlanDocument(
        @Schema(description = "Format of this document", example = "1") Integer formatVersion,
        AgencyPart agency,
        ProvincePart province,
        Profile profile,
        Organisation organisation,
        Personnel personnel,
        Renstra renstra,
        List<SasaranPart> sasaran,
        List<IndicatorPart> indicators,
        List<PkPart> perjanjianKinerja,
        PolicyPart capaianPolicy) {

    public static final int FORMAT_VERSION = 1;

    public record AgencyPart(String code, String name,
                             @Schema(description = "Code of the province (its RPJMD)", example = "maluku") String province) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProvincePart(String code, String name, Integer rpjmdStart, Integer rpjmdEnd,
                               @Schema(description = "The governor's visi") String visi,
                               @Schema(description = "The governor's misi") List<Province.Misi> misi) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Profile(String address, Head head,
                          @Schema(description = "Landasan hukum, in order") List<String> legalBasis,
                          @Schema(description = "Tugas pokok") String tasks,
                          @Schema(description = "Fungsi") List<String> functions,
                          @Schema(description = "Isu strategis, grouped") List<IssueGroup> strategicIssues,
                          String visi,
                          List<AgencyMisi> misi) {
    }

    public record Head(String name, String nip, String title,
                       @Schema(description = "Plt./Pt. (acting) head") Boolean acting) {
    }

    public record IssueGroup(String group, List<String> items) {
    }

    public record AgencyMisi(String code, String text,
                             @Schema(description = "Codes of the governor's misi this misi serves") List<String> governorMisi) {
    }

    public record Organisation(List<Unit> units) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Unit(String code,
                       @Schema(description = "Code of the parent unit; none for the head office") String parent,
                       String name,
                       @Schema(description = "HEAD_OFFICE, SECRETARIAT, BIDANG, SUB_UNIT, UPTD, SERVICE_UNIT or OTHER") String type,
                       String headPosition,
                       @Schema(example = "IIIa") String echelon) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Personnel(@Schema(description = "Date the counts refer to", example = "2022-12-31") String asOf,
                            @Schema(description = "Total as stated by the document") Integer statedTotal,
                            List<UnitCount> byUnit,
                            List<PersonnelTablePart> tables) {
    }

    public record UnitCount(String unit, Integer count) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PersonnelTablePart(String title,
                                     @Schema(description = "Code of the organisation unit the table counts; none for the whole agency")
                                     String unit,
                                     String asOf, List<String> columns, List<PersonnelTable.Row> rows,
                                     @Schema(nullable = true) Integer statedTotal) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Renstra(@Schema(example = "2019-2024") String code, Integer startYear, Integer endYear,
                          List<Tujuan> tujuan, List<String> strategi, List<String> kebijakan,
                          List<String> arahKebijakan) {
    }

    public record Tujuan(String code, String text,
                         @Schema(description = "Codes of the agency misi this tujuan serves") List<String> misi) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SasaranPart(String code, String name, Integer ordinal,
                              @Schema(description = "Code of the Renstra tujuan") String tujuan) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorPart(String code, String sasaran, String name, String unit, Polarity polarity, Boolean iku,
                                String formula, String numerator, String denominator, String dataSource,
                                String responsibleUnit, Aggregation aggregation,
                                @Schema(description = "Decimals the indicator's figures are shown with, 0 to 6; 2 when absent")
                                Integer decimals, BigDecimal weight,
                                @Schema(description = "Ordered scale of an ordinal indicator, lowest first") List<String> scale,
                                @Schema(description = "Renstra targets by year: a number, {\"low\":80,\"high\":90} for a range, "
                                        + "or a scale value for an ordinal indicator", type = SchemaType.OBJECT,
                                        additionalProperties = TargetSchema.class) Map<String, JsonNode> targets) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PkPart(Integer year, Integer version,
                         @Schema(description = "original or revised") String kind,
                         @Schema(description = "Date of signature; a signed version is immutable") String signedAt,
                         String signedBy, List<PkItemPart> items) {
    }

    public record PkItemPart(String sasaran, String indicator, @Schema(implementation = TargetSchema.class) JsonNode target) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PolicyPart(List<RatingScale.Band> bands, BigDecimal cap, CapaianPolicy.NegativeFormula negativeFormula,
                             CapaianPolicy.ZeroTarget zeroTarget, CapaianPolicy.OrdinalNotMet ordinalNotMet,
                             @Schema(description = "What every category (indicator, sasaran, agency) is taken from: CAPPED "
                                     + "(default) the band of the reported, capped capaian; RAW the band of the raw capaian; "
                                     + "TARGET realisasi against target, in targetLabels' words (a sasaran or the agency: its "
                                     + "mean raw capaian against 100). Under a cap of 100 only RAW or TARGET tell a target "
                                     + "met from one exceeded.")
                             CapaianPolicy.CategoryBasis categoryBasis,
                             @Schema(description = "With categoryBasis TARGET: the agency's three different words for "
                                     + "below, met and exceeded; default Tidak Tercapai, Tercapai, Terlampaui")
                             CapaianPolicy.TargetLabels targetLabels) {

        /** The slice's five parts, the category basis left to its default. */
        public PolicyPart(List<RatingScale.Band> bands, BigDecimal cap, CapaianPolicy.NegativeFormula negativeFormula,
                          CapaianPolicy.ZeroTarget zeroTarget, CapaianPolicy.OrdinalNotMet ordinalNotMet) {
            this(bands, cap, negativeFormula, zeroTarget, ordinalNotMet, null, null);
        }

        /** What planning keeps and publishes for the basis and labels given: labels only with TARGET. */
        public CapaianPolicy.TargetLabels effectiveLabels() {
            if (categoryBasis != CapaianPolicy.CategoryBasis.TARGET) {
                return null;
            }
            return targetLabels == null ? CapaianPolicy.TargetLabels.DEFAULT : new CapaianPolicy.TargetLabels(
                    targetLabels.below().strip(), targetLabels.met().strip(), targetLabels.exceeded().strip());
        }

        /** What is wrong with the basis and labels, as "field: message". */
        public List<String> basisProblems() {
            if (targetLabels == null) {
                return List.of();
            }
            if (categoryBasis != CapaianPolicy.CategoryBasis.TARGET) {
                return List.of("targetLabels: only with categoryBasis TARGET");
            }
            return targetLabels.problems();
        }
    }

    /** A range target (polarity range): met when realisasi lies within low..high. */
    @Schema(name = "TargetRange", requiredProperties = {"low", "high"})
    public record TargetRangeSchema(@Schema(examples = "80") BigDecimal low, @Schema(examples = "90") BigDecimal high) {
    }

    /**
     * What a target is, as TargetValue.parse reads it: a number (positive and negative polarity),
     * a range, or a level of the indicator's ordinal scale. Held as JSON, so its type is named
     * here, for the document only.
     */
    @Schema(name = "TargetValue", description = "A number, a range {low, high}, or a level of the indicator's ordinal scale",
            oneOf = {BigDecimal.class, TargetRangeSchema.class, String.class})
    public interface TargetSchema {
    }
}
