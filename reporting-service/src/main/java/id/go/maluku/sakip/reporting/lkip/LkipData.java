package id.go.maluku.sakip.reporting.lkip;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.reporting.domain.CapaianPolicy;
import id.go.maluku.sakip.reporting.domain.EfficiencyFigure;
import id.go.maluku.sakip.reporting.domain.OrdinalScale;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Everything an LKIP prints, as reporting holds it: the plan's sections as planning published
 * them (JSON, in the plan document's format), every sasaran of the plan with the Renstra tujuan
 * it serves where planning published that link, the computed capaian per sasaran and indicator,
 * the budget lines with computed absorption, the narratives written so far, for a draft the
 * review's findings, and the capaian policy the figures were computed with (BAB III prints it).
 *
 * <p>Every capaian is carried as the policy's figure ({@code capaian}: capped where the policy
 * caps) and the raw one beside it, so that the report prints one number per figure, with the raw
 * value next to it only where the cap changed it.
 */
public record LkipData(
        String agencyCode, String agencyName, int year, String city,
        JsonNode profile, JsonNode organisation, JsonNode personnel, JsonNode renstra,
        List<PlanSasaran> planSasaran,
        String governorVisi, List<String> governorMisi,
        List<PkRow> perjanjianKinerja,
        List<IkuRow> iku,
        List<SasaranData> sasaran,
        Map<String, String> narratives,
        boolean draft,
        List<Finding> findings,
        CapaianPolicy policy) {

    public LkipData {
        policy = policy == null ? CapaianPolicy.DEFAULT : policy;
    }

    /** Without a stated policy: the default one. */
    public LkipData(String agencyCode, String agencyName, int year, String city, JsonNode profile, JsonNode organisation,
                    JsonNode personnel, JsonNode renstra, List<PlanSasaran> planSasaran, String governorVisi,
                    List<String> governorMisi, List<PkRow> perjanjianKinerja, List<IkuRow> iku, List<SasaranData> sasaran,
                    Map<String, String> narratives, boolean draft, List<Finding> findings) {
        this(agencyCode, agencyName, year, city, profile, organisation, personnel, renstra, planSasaran, governorVisi,
                governorMisi, perjanjianKinerja, iku, sasaran, narratives, draft, findings, null);
    }

    /** A sasaran of the plan, in the plan's order; tujuan is the code of the Renstra tujuan it serves, or null if unknown. */
    public record PlanSasaran(String code, String name, String tujuan) {
    }

    public record PkRow(String sasaran, String indicator, String target) {
    }

    public record IkuRow(String sasaran, String name, String formula, String dataSource, String responsibleUnit) {
    }

    /**
     * capaian: the policy's figure (capped where it caps); capaianRaw: never capped; efficiency:
     * computed from them and the budget, or set by hand (null: none to print).
     */
    public record SasaranData(String code, String name, BigDecimal capaian, BigDecimal capaianRaw, String category,
                              List<IndicatorData> indicators, List<BudgetRow> budget, EfficiencyFigure efficiency) {

        public SasaranData(String code, String name, BigDecimal capaian, BigDecimal capaianRaw, String category,
                           List<IndicatorData> indicators, List<BudgetRow> budget) {
            this(code, name, capaian, capaianRaw, category, indicators, budget, null);
        }

        /** A sasaran whose raw capaian is its figure (no cap applied). */
        public SasaranData(String code, String name, BigDecimal capaian, String category, List<IndicatorData> indicators,
                           List<BudgetRow> budget) {
            this(code, name, capaian, capaian, category, indicators, budget);
        }
    }

    /**
     * capaianCapped and lastYearCapaian: the policy's figures; capaianRaw and lastYearCapaianRaw:
     * never capped. grades: the ordered scale of a grade indicator (polarity ordinal), whose
     * targets and realisasi are carried as the ranks of their levels and printed as the levels
     * ({@link #show}); null for an indicator of numbers.
     */
    public record IndicatorData(String code, String name, String unit, BigDecimal target, BigDecimal realisasi,
                                BigDecimal capaianRaw, BigDecimal capaianCapped, String category,
                                BigDecimal lastYearRealisasi, BigDecimal lastYearCapaian, BigDecimal lastYearCapaianRaw,
                                Map<Integer, BigDecimal> realisasiByYear, Map<Integer, BigDecimal> targetByYear,
                                OrdinalScale grades) {

        /** An indicator of numbers. */
        public IndicatorData(String code, String name, String unit, BigDecimal target, BigDecimal realisasi,
                             BigDecimal capaianRaw, BigDecimal capaianCapped, String category, BigDecimal lastYearRealisasi,
                             BigDecimal lastYearCapaian, BigDecimal lastYearCapaianRaw,
                             Map<Integer, BigDecimal> realisasiByYear, Map<Integer, BigDecimal> targetByYear) {
            this(code, name, unit, target, realisasi, capaianRaw, capaianCapped, category, lastYearRealisasi,
                    lastYearCapaian, lastYearCapaianRaw, realisasiByYear, targetByYear, null);
        }

        public boolean graded() {
            return grades != null;
        }

        /**
         * A target or realisasi of the indicator as printed: a grade's level ("B"), else the number
         * in Indonesian format; "-" for none (and for a rank that is no level of the scale).
         */
        public String show(BigDecimal value) {
            if (!graded()) {
                return IdFormat.number(value);
            }
            String level = grades.level(value);
            return level == null ? "-" : level;
        }

        /** Last year's capaian not capped. */
        public IndicatorData(String code, String name, String unit, BigDecimal target, BigDecimal realisasi,
                             BigDecimal capaianRaw, BigDecimal capaianCapped, String category, BigDecimal lastYearRealisasi,
                             BigDecimal lastYearCapaian, Map<Integer, BigDecimal> realisasiByYear,
                             Map<Integer, BigDecimal> targetByYear) {
            this(code, name, unit, target, realisasi, capaianRaw, capaianCapped, category, lastYearRealisasi,
                    lastYearCapaian, lastYearCapaian, realisasiByYear, targetByYear);
        }
    }

    public record BudgetRow(String funding, String program, String name, String unit, BigDecimal pagu,
                            BigDecimal realisasi, BigDecimal absorption, BigDecimal statedPercent,
                            String output, String outcome) {
    }

    public record Finding(String rule, String where, String stated, String computed, String severity) {
    }
}
