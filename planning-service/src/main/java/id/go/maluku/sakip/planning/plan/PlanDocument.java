package id.go.maluku.sakip.planning.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.planning.domain.Aggregation;
import id.go.maluku.sakip.planning.domain.CapaianPolicy;
import id.go.maluku.sakip.planning.domain.PersonnelTable;
import id.go.maluku.sakip.planning.domain.Polarity;
import id.go.maluku.sakip.planning.domain.Province;
import id.go.maluku.sakip.planning.domain.RatingScale;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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
        @Valid AgencyPart agency,
        @Valid ProvincePart province,
        @Valid Profile profile,
        @Valid Organisation organisation,
        @Valid Personnel personnel,
        @Valid Renstra renstra,
        List<@Valid SasaranPart> sasaran,
        List<@Valid IndicatorPart> indicators,
        List<@Valid PkPart> perjanjianKinerja,
        @Valid PolicyPart capaianPolicy) {

    public static final int FORMAT_VERSION = 1;

    // The bounds of the document's texts (issue 21), refused before any work with the path of the
    // text (e.g. indicators[0].name) and shown as maxLength: a column's length where the text has
    // one (V1's varchar: a longer name, data source or signatory was a 500 from the insert), else,
    // for a text kept in a JSON section or a text column, the rule's. InputBoundsTests holds them
    // against the database.
    /** A code (agency, province, misi, tujuan, sasaran, indicator, unit): the codes' columns, varchar(64). */
    public static final int CODE = 64;
    /** A name of an agency, province, unit or person, a title, a data source: varchar(300). */
    public static final int NAME = 300;
    /** A sasaran's or an indicator's name: varchar(1000). */
    public static final int LONG_NAME = 1000;
    /** A sentence or a line: a misi, a tujuan, a legal basis, a strategy, a formula, an address. */
    public static final int LINE = 2000;
    /** A paragraph: a visi, the tasks. */
    public static final int TEXT = 20_000;
    /**
     * A level of an ordinal scale ("BB"): realization keeps a realisasi stated as a level in
     * value_text, varchar(32), and reporting a target's in varchar(64); the narrower holds.
     */
    public static final int LEVEL = 32;
    /** A short token: a date as written, an echelon, a NIP, a unit type. */
    public static final int SHORT = 32;

    // Each part requires what the import requires of it when it is given (PlanValidator), which every
    // export carries too; the rest may be left out of an import, and the parts without NON_NULL write
    // them as null (issue 24)
    @Schema(requiredProperties = {"code", "name"})
    public record AgencyPart(@Size(max = CODE) String code, @Size(max = NAME) String name,
                             @Schema(description = "Code of the province (its RPJMD)", example = "maluku", nullable = true) @Size(max = CODE) String province) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"code", "name"})
    public record ProvincePart(@Size(max = CODE) String code, @Size(max = NAME) String name, Integer rpjmdStart, Integer rpjmdEnd,
                               @Schema(description = "The governor's visi") @Size(max = TEXT) String visi,
                               @Schema(description = "The governor's misi") List<Province.@Valid Misi> misi) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Profile(@Size(max = LINE) String address, @Valid Head head,
                          @Schema(description = "Landasan hukum, in order") List<@Size(max = LINE) String> legalBasis,
                          @Schema(description = "Tugas pokok") @Size(max = TEXT) String tasks,
                          @Schema(description = "Fungsi") List<@Size(max = LINE) String> functions,
                          @Schema(description = "Isu strategis, grouped") List<@Valid IssueGroup> strategicIssues,
                          @Size(max = TEXT) String visi,
                          List<@Valid AgencyMisi> misi) {
    }

    // every field may be left out of an import, and is written as null then
    public record Head(@Schema(nullable = true) @Size(max = NAME) String name, @Schema(nullable = true) @Size(max = SHORT) String nip,
                       @Schema(nullable = true) @Size(max = NAME) String title,
                       @Schema(description = "Plt./Pt. (acting) head", nullable = true) Boolean acting) {
    }

    @Schema(requiredProperties = {"group"})
    public record IssueGroup(@Size(max = NAME) String group, @Schema(nullable = true) List<@Size(max = LINE) String> items) {
    }

    @Schema(requiredProperties = {"code", "text"})
    public record AgencyMisi(@Size(max = CODE) String code, @Size(max = LINE) String text,
                             @Schema(description = "Codes of the governor's misi this misi serves", nullable = true) List<@Size(max = CODE) String> governorMisi) {
    }

    @Schema(requiredProperties = {"units"})
    public record Organisation(List<@Valid Unit> units) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"code", "name", "type"})
    public record Unit(@Size(max = CODE) String code,
                       @Schema(description = "Code of the parent unit; none for the head office") @Size(max = CODE) String parent,
                       @Size(max = NAME) String name,
                       @Schema(description = "HEAD_OFFICE, SECRETARIAT, BIDANG, SUB_UNIT, UPTD, SERVICE_UNIT or OTHER") @Size(max = SHORT) String type,
                       @Size(max = NAME) String headPosition,
                       @Schema(example = "IIIa") @Size(max = SHORT) String echelon) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Personnel(@Schema(description = "Date the counts refer to", example = "2022-12-31") @Size(max = SHORT) String asOf,
                            @Schema(description = "Total as stated by the document") Integer statedTotal,
                            List<@Valid UnitCount> byUnit,
                            List<@Valid PersonnelTablePart> tables) {
    }

    @Schema(requiredProperties = {"unit", "count"})
    public record UnitCount(@Size(max = CODE) String unit, Integer count) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"title", "columns", "rows"})
    public record PersonnelTablePart(@Size(max = NAME) String title,
                                     @Schema(description = "Code of the organisation unit the table counts; none for the whole agency")
                                     @Size(max = CODE) String unit,
                                     @Size(max = SHORT) String asOf, List<@Size(max = NAME) String> columns,
                                     List<PersonnelTable.@Valid Row> rows,
                                     @Schema(nullable = true) Integer statedTotal) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"startYear", "endYear"})
    public record Renstra(@Schema(example = "2019-2024") @Size(max = CODE) String code, Integer startYear, Integer endYear,
                          List<@Valid Tujuan> tujuan, List<@Size(max = LINE) String> strategi,
                          List<@Size(max = LINE) String> kebijakan, List<@Size(max = LINE) String> arahKebijakan) {
    }

    @Schema(requiredProperties = {"code", "text"})
    public record Tujuan(@Size(max = CODE) String code, @Size(max = LINE) String text,
                         @Schema(description = "Codes of the agency misi this tujuan serves", nullable = true) List<@Size(max = CODE) String> misi) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"code", "name"})
    public record SasaranPart(@Size(max = CODE) String code, @Size(max = LONG_NAME) String name, Integer ordinal,
                              @Schema(description = "Code of the Renstra tujuan") @Size(max = CODE) String tujuan) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"code", "sasaran", "name", "unit", "polarity"})
    public record IndicatorPart(@Size(max = CODE) String code, @Size(max = CODE) String sasaran,
                                @Size(max = LONG_NAME) String name, @Size(max = CODE) String unit, Polarity polarity, Boolean iku,
                                @Size(max = LINE) String formula, @Size(max = LINE) String numerator,
                                @Size(max = LINE) String denominator, @Size(max = NAME) String dataSource,
                                @Size(max = NAME) String responsibleUnit, Aggregation aggregation,
                                @Schema(description = "Decimals the indicator's figures are shown with, 0 to 6; 2 when absent")
                                Integer decimals, BigDecimal weight,
                                @Schema(description = "Ordered scale of an ordinal indicator, lowest first")
                                List<@Size(max = LEVEL) String> scale,
                                @Schema(description = "Renstra targets by year: a number, {\"low\":80,\"high\":90} for a range, "
                                        + "or a scale value for an ordinal indicator", type = SchemaType.OBJECT,
                                        additionalProperties = TargetSchema.class) Map<String, JsonNode> targets) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PkPart(Integer year, Integer version,
                         @Schema(description = "original or revised") @Size(max = 16) String kind, // perjanjian_kinerja.kind
                         @Schema(description = "Date of signature; a signed version is immutable") @Size(max = SHORT) String signedAt,
                         @Size(max = NAME) String signedBy, List<@Valid PkItemPart> items) {
    }

    @Schema(requiredProperties = {"sasaran", "indicator", "target"})
    public record PkItemPart(@Size(max = CODE) String sasaran, @Size(max = CODE) String indicator, @Schema(implementation = TargetSchema.class) JsonNode target) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"bands"})
    public record PolicyPart(List<RatingScale.@Valid Band> bands, BigDecimal cap, CapaianPolicy.NegativeFormula negativeFormula,
                             CapaianPolicy.ZeroTarget zeroTarget, CapaianPolicy.OrdinalNotMet ordinalNotMet,
                             @Schema(description = "What every category (indicator, sasaran, agency) is taken from: CAPPED "
                                     + "(default) the band of the reported, capped capaian; RAW the band of the raw capaian; "
                                     + "TARGET realisasi against target, in targetLabels' words (a sasaran or the agency: its "
                                     + "mean raw capaian against 100). Under a cap of 100 only RAW or TARGET tell a target "
                                     + "met from one exceeded.")
                             CapaianPolicy.CategoryBasis categoryBasis,
                             @Schema(description = "With categoryBasis TARGET: the agency's three different words for "
                                     + "below, met and exceeded; default Tidak Tercapai, Tercapai, Terlampaui")
                             @Valid CapaianPolicy.TargetLabels targetLabels) {

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
