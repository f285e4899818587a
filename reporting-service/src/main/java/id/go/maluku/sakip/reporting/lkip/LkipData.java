package id.go.maluku.sakip.reporting.lkip;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Everything an LKIP prints, as reporting holds it: the plan's sections as planning published
 * them (JSON, in the plan document's format), every sasaran of the plan with the Renstra tujuan
 * it serves where planning published that link, the computed capaian per sasaran and indicator,
 * the budget lines with computed absorption, the narratives written so far, and for a draft the
 * review's findings.
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
        List<Finding> findings) {

    /** A sasaran of the plan, in the plan's order; tujuan is the code of the Renstra tujuan it serves, or null if unknown. */
    public record PlanSasaran(String code, String name, String tujuan) {
    }

    public record PkRow(String sasaran, String indicator, String target) {
    }

    public record IkuRow(String sasaran, String name, String formula, String dataSource, String responsibleUnit) {
    }

    public record SasaranData(String code, String name, BigDecimal capaian, String category,
                              List<IndicatorData> indicators, List<BudgetRow> budget) {
    }

    public record IndicatorData(String code, String name, String unit, BigDecimal target, BigDecimal realisasi,
                                BigDecimal capaianRaw, BigDecimal capaianCapped, String category,
                                BigDecimal lastYearRealisasi, BigDecimal lastYearCapaian,
                                Map<Integer, BigDecimal> realisasiByYear, Map<Integer, BigDecimal> targetByYear) {
    }

    public record BudgetRow(String funding, String program, String name, String unit, BigDecimal pagu,
                            BigDecimal realisasi, BigDecimal absorption, BigDecimal statedPercent,
                            String output, String outcome) {
    }

    public record Finding(String rule, String where, String stated, String computed, String severity) {
    }
}
