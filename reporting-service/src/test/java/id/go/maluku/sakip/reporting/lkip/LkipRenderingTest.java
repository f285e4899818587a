package id.go.maluku.sakip.reporting.lkip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import id.go.maluku.sakip.reporting.domain.Absorption;
import id.go.maluku.sakip.reporting.domain.Capaian;
import id.go.maluku.sakip.reporting.domain.Efficiency;
import id.go.maluku.sakip.reporting.domain.EfficiencyFigure;
import id.go.maluku.sakip.reporting.domain.CapaianPolicy;
import id.go.maluku.sakip.reporting.domain.OrdinalScale;
import id.go.maluku.sakip.reporting.domain.RatingScale;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LkipRenderingTest {

    static BigDecimal d(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    /** The seed agency with the figures of its 2022 LKIP, as reporting would hand them over. */
    static LkipData seed(boolean draft) throws Exception {
        JsonNode plan = new ObjectMapper().readTree(Files.readString(Path.of(System.getProperty("plan",
                "../deploy/demo/dinsos-maluku-plan.json"))));
        LkipData.IndicatorData ik5 = new LkipData.IndicatorData("IK5",
                "Tersalurnya Bantuan bagi Korban Bencana, Korban Tindak Kekerasan dan Orang Terlantar", "KK",
                d("150"), d("300"), d("200.00"), d("200.00"), "Sangat Baik", d("285"), null,
                Map.of(2019, d("16"), 2020, d("16"), 2021, d("285"), 2022, d("300")),
                Map.of(2022, d("150"), 2023, d("175"), 2024, d("200")));
        LkipData.SasaranData s5 = new LkipData.SasaranData("S5", "Terlindunginya dan Tertanganinya Korban Bencana", d("200.00"),
                "Sangat Baik", List.of(ik5), List.of(
                new LkipData.BudgetRow("APBD", "Program Penanganan Bencana", "Penyediaan Permakanan", "Dinas Sosial",
                        d("199500000"), d("198468000"), d("99.48"), d("99.48"), "300 KK (1500 Jiwa)", "Penyediaan Permakanan"),
                new LkipData.BudgetRow("APBD", "Program Rehabilitasi Sosial", "Penyediaan Permakanan", "UPTD Hiti-Hiti Hala-Hala",
                        d("547279000"), d("436802132"), d("79.81"), d("98.91"), "68 klien", "Permakanan klien")));
        return new LkipData("dinsos-maluku", "Dinas Sosial Provinsi Maluku", 2022, "Maluku",
                plan.get("profile"), plan.get("organisation"), plan.get("personnel"), plan.get("renstra"), planSasaran(plan),
                plan.path("province").path("visi").asText(), List.of("Mewujudkan birokrasi yang dinamis, jujur, bersih dan melayani."),
                List.of(new LkipData.PkRow("Terlindunginya ...", "Tersalurnya Bantuan ...", "150 KK")),
                List.of(new LkipData.IkuRow("S1", "Persentase SDM", "a / b x 100", "Laporan", "Sekretariat")),
                List.of(s5), Map.of(), draft,
                List.of(new LkipData.Finding("computed-percent", "Tabel 3.12 baris 4", "98,91 %", "79,81 %", "error")));
    }

    /** The plan's sasaran with the tujuan each serves, as the plan document states them. */
    static List<LkipData.PlanSasaran> planSasaran(JsonNode plan) {
        List<LkipData.PlanSasaran> sasaran = new java.util.ArrayList<>();
        plan.get("sasaran").forEach(s -> sasaran.add(new LkipData.PlanSasaran(s.path("code").asText(), s.path("name").asText(),
                s.path("tujuan").asText(null))));
        return sasaran;
    }

    static List<String> texts(List<Block.Cell> row) {
        return row.stream().map(Block.Cell::display).toList();
    }

    /** The seed's Tabel 2.1: each tujuan with the sasaran that serve it, the third with three. */
    @Test
    void tabel_2_1_is_a_table_of_the_tujuan_and_the_sasaran_serving_each() throws Exception {
        LkipReport report = LkipAssembler.assemble(seed(false));
        Block.Table t = LkipAssembler.tablesByKey(report).get("tujuan-sasaran");
        assertEquals("2.1", t.number());
        assertEquals("Tujuan dan Sasaran Renstra Dinas Sosial Provinsi Maluku Tahun 2022", t.caption());
        assertEquals(List.of("No", "Tujuan", "Sasaran"), t.columns());
        assertEquals(5, t.rows().size());
        assertEquals(List.of("1", "Meningkatkan manajemen institusi sosial dan sumber daya penyelenggara pelayanan kesejahteraan sosial.",
                "Meningkatnya Kualitas Lembaga Penyelenggara Kesejahteraan Sosial"), texts(t.rows().get(0)));
        assertEquals("2", t.rows().get(1).get(0).display());
        assertEquals("Meningkatnya Fungsi dan Peran Potensi dan Sumber Kesejahteraan Sosial (PSKS) sebagai Pilar Partisipan",
                t.rows().get(1).get(2).display());
        assertEquals(List.of("3", "Meningkatkan kualitas dan kuantitas pelayanan terhadap PPKS.",
                "Meningkatnya Kualitas Hidup Masyarakat Miskin, Keluarga Miskin dan Komunitas Adat Terpencil melalui Pemberdayaan Sosial"),
                texts(t.rows().get(2)));
        assertEquals(List.of("", "", "Terlayannya, Terlindunginya dan Tersantuninya PMKS Anak, Lanjut Usia Terlantar, Tuna Sosial, "
                + "Eks Korban NAPZA dan Penyandang Disabilitas melalui Sistem Panti dan Luar Panti"), texts(t.rows().get(3)));
        assertEquals(List.of("", "", "Terlindunginya dan Tertanganinya Korban Bencana, Korban Tindak Kekerasan dan Orang Terlantar"),
                texts(t.rows().get(4)));
        // Perjanjian Kinerja and IKU follow, as in the seed (Tabel 2.2)
        assertEquals("2.2", LkipAssembler.tablesByKey(report).get("perjanjian-kinerja").number());
        assertEquals("2.3", LkipAssembler.tablesByKey(report).get("iku").number());

        // every format carries it as a table
        String html = Html.render(report);
        assertTrue(html.contains("<table data-table=\"tujuan-sasaran\"><caption>Tabel 2.1 Tujuan dan Sasaran Renstra"), html);
        assertTrue(html.contains("<td>3</td><td>Meningkatkan kualitas dan kuantitas pelayanan terhadap PPKS.</td>"));
        Json.Document json = Json.of(report);
        assertTrue(new ObjectMapper().writeValueAsString(json).contains("\"key\":\"tujuan-sasaran\""));
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(Xlsx.render(report)))) {
            Sheet sheet = wb.getSheets().filter(s -> s.getName().equals("Tabel 2.1")).findFirst().orElseThrow();
            List<Row> rows = sheet.read();
            assertEquals("Tabel 2.1 Tujuan dan Sasaran Renstra Dinas Sosial Provinsi Maluku Tahun 2022", rows.get(0).getCellText(0));
            assertEquals("Sasaran", rows.get(1).getCellText(2));
            assertEquals("Meningkatkan kualitas dan kuantitas pelayanan terhadap PPKS.", rows.get(4).getCellText(1));
        }
        try (PDDocument doc = Loader.loadPDF(Pdf.render(report))) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Tabel 2.1 Tujuan dan Sasaran Renstra"), text);
        }
    }

    /** Where planning has not published which tujuan a sasaran serves, the sasaran are listed apart, not paired by guess. */
    @Test
    void sasaran_of_unknown_tujuan_are_listed_apart() throws Exception {
        LkipData seed = seed(false);
        List<LkipData.PlanSasaran> unlinked = seed.planSasaran().stream()
                .map(s -> new LkipData.PlanSasaran(s.code(), s.name(), s.code().equals("S1") ? "T1" : null)).toList();
        LkipData data = new LkipData(seed.agencyCode(), seed.agencyName(), seed.year(), seed.city(), seed.profile(),
                seed.organisation(), seed.personnel(), seed.renstra(), unlinked, seed.governorVisi(), seed.governorMisi(),
                seed.perjanjianKinerja(), seed.iku(), seed.sasaran(), seed.narratives(), false, List.of());
        Block.Table t = LkipAssembler.tablesByKey(LkipAssembler.assemble(data)).get("tujuan-sasaran");
        assertEquals(7, t.rows().size());
        assertEquals("Meningkatnya Kualitas Lembaga Penyelenggara Kesejahteraan Sosial", t.rows().get(0).get(2).display());
        assertEquals(List.of("2", "Meningkatkan partisipasi masyarakat dan dunia usaha sebagai potensi dan sumber kesejahteraan "
                + "sosial (PSKS).", "-"), texts(t.rows().get(1)));
        assertEquals("-", t.rows().get(2).get(2).display());
        assertEquals(List.of("", "-", "Meningkatnya Fungsi dan Peran Potensi dan Sumber Kesejahteraan Sosial (PSKS) sebagai Pilar "
                + "Partisipan"), texts(t.rows().get(3)));
    }

    // ---- issue 23 point 5: one number per figure, the policy printed

    /**
     * An agency capping at 100 with categories against the target. S1: T 10, R 12 (raw 120, diakui
     * 100), last year raw 105 (diakui 100); S2: T 4, R 3 (75). Means: diakui (100 + 75) / 2 = 87,50,
     * raw (120 + 75) / 2 = 97,50.
     */
    static LkipData capped() throws Exception {
        LkipData seed = seed(false);
        CapaianPolicy policy = new CapaianPolicy(3, RatingScale.PERMENDAGRI_86, d("100"), CapaianPolicy.NegativeFormula.T_OVER_R,
                CapaianPolicy.ZeroTarget.NEGATIVE_ZERO_IS_100, CapaianPolicy.OrdinalNotMet.PROPORTIONAL,
                CapaianPolicy.CategoryBasis.TARGET, null);
        LkipData.IndicatorData a = new LkipData.IndicatorData("IKA", "Indikator A", "KK", d("10"), d("12"), d("120.00"),
                d("100.00"), "Terlampaui", d("21"), d("100.00"), d("105.00"), Map.of(2021, d("21"), 2022, d("12")),
                Map.of(2021, d("20"), 2022, d("10")));
        LkipData.IndicatorData b = new LkipData.IndicatorData("IKB", "Indikator B", "lokasi", d("4"), d("3"), d("75.00"),
                d("75.00"), "Tidak Tercapai", null, null, null, Map.of(2022, d("3")), Map.of(2022, d("4")));
        List<LkipData.SasaranData> sasaran = List.of(
                new LkipData.SasaranData("S1", "Sasaran Satu", d("100.00"), d("120.00"), "Terlampaui", List.of(a), List.of()),
                new LkipData.SasaranData("S2", "Sasaran Dua", d("75.00"), d("75.00"), "Tidak Tercapai", List.of(b), List.of()));
        return new LkipData(seed.agencyCode(), seed.agencyName(), seed.year(), seed.city(), seed.profile(), seed.organisation(),
                seed.personnel(), seed.renstra(), seed.planSasaran(), seed.governorVisi(), seed.governorMisi(),
                seed.perjanjianKinerja(), seed.iku(), sasaran, Map.of(), false, List.of(), policy);
    }

    static List<String> paragraphs(LkipReport report) {
        return report.blocks().stream().filter(b -> b instanceof Block.Paragraph).map(b -> ((Block.Paragraph) b).text()).toList();
    }

    @Test
    void a_capped_agency_prints_the_policys_figure_everywhere_with_the_raw_one_beside_it() throws Exception {
        LkipReport report = LkipAssembler.assemble(capped());
        // the chart: the figures the categories are of, and the raw ones as a second series
        Block.Chart chart = report.blocks().stream().filter(b -> b instanceof Block.Chart c && c.key().equals("capaian-sasaran"))
                .map(b -> (Block.Chart) b).findFirst().orElseThrow();
        assertEquals(List.of("Capaian diakui (%)", "Capaian sebelum dibatasi (%)"), chart.series().stream().map(Block.Series::name).toList());
        assertEquals(List.of(d("100.00"), d("75.00")), chart.series().get(0).values());
        assertEquals(List.of(d("120.00"), d("75.00")), chart.series().get(1).values());
        // summary and conclusion: mean diakui 87,50, raw 97,50
        List<String> texts = paragraphs(report);
        assertTrue(texts.stream().anyMatch(t -> t.endsWith("rata-rata capaian sasaran adalah 87,50 % (sebelum dibatasi 97,50 %).")
                && t.contains("1 sasaran mencapai atau melampaui target")), texts.toString());
        assertTrue(texts.contains("Rata-rata capaian sasaran Dinas Sosial Provinsi Maluku tahun 2022 adalah 87,50 % "
                + "(sebelum dibatasi 97,50 %)."), texts.toString());
        // the analysis and the last-year comparison
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("Capaian kinerja \u201cIndikator A\u201d tahun 2022 sebesar 100,00 % "
                + "(sebelum dibatasi 120,00 %) (target 10 KK, realisasi 12 KK), kategori \u201cTerlampaui\u201d")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("Capaian kinerja \u201cIndikator B\u201d tahun 2022 sebesar 75,00 % "
                + "(target 4 lokasi")), texts.toString());
        Map<String, Block.Table> tables = LkipAssembler.tablesByKey(report);
        assertEquals(List.of("1", "Indikator A", "21 KK", "100,00 % (sebelum dibatasi 105,00 %)", "12 KK",
                "100,00 % (sebelum dibatasi 120,00 %)"), texts(tables.get("perbandingan-S1").rows().get(0)));
        assertEquals(List.of("3", "75,00 %", "75,00 %", "Tidak Tercapai"), texts(tables.get("capaian-S2").rows().get(0)).subList(4, 8));
        assertEquals(List.of("120,00 %", "100,00 %", "Terlampaui"), texts(tables.get("capaian-S1").rows().get(0)).subList(5, 8));
        // the same in the other formats
        String html = Html.render(report);
        assertTrue(html.contains("100,00 % (sebelum dibatasi 120,00 %)"), html);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(Xlsx.render(report)))) {
            String number = tables.get("perbandingan-S1").number();
            Sheet sheet = wb.getSheets().filter(sh -> sh.getName().equals("Tabel " + number)).findFirst().orElseThrow();
            assertEquals("100,00 % (sebelum dibatasi 120,00 %)", sheet.read().get(2).getCellText(5));
        }
    }

    /** The seed's S5 with its efficiency: capaian 200,00 %, the two lines' pagu and realisasi. */
    static LkipData withEfficiency(java.math.BigDecimal override, String justification) throws Exception {
        LkipData seed = seed(false);
        LkipData.SasaranData s5 = seed.sasaran().get(0);
        // absorption of both lines: 635.270.132 / 746.779.000 = 85,07 %
        Efficiency computed = Efficiency.of(new Capaian(Capaian.Status.COMPUTED, d("200.00"), d("200.00"), "Sangat Baik", null),
                Absorption.total(List.of(new Absorption.Line("a", d("199500000"), d("198468000")),
                        new Absorption.Line("b", d("547279000"), d("436802132")))));
        LkipData.SasaranData withFigure = new LkipData.SasaranData(s5.code(), s5.name(), s5.capaian(), s5.capaianRaw(),
                s5.category(), s5.indicators(), s5.budget(), new EfficiencyFigure(computed, override, justification));
        return new LkipData(seed.agencyCode(), seed.agencyName(), seed.year(), seed.city(), seed.profile(), seed.organisation(),
                seed.personnel(), seed.renstra(), seed.planSasaran(), seed.governorVisi(), seed.governorMisi(),
                seed.perjanjianKinerja(), seed.iku(), List.of(withFigure), Map.of(), false, List.of(), seed.policy());
    }

    @Test
    void bab_iii_prints_each_sasarans_efficiency_after_its_budget_table() throws Exception {
        LkipReport report = LkipAssembler.assemble(withEfficiency(null, null));
        int table = report.blocks().indexOf(LkipAssembler.tablesByKey(report).get("anggaran-S5"));
        // 100 - 85,07 = 14,93; ratio 200,00 / 85,07 x 100 = 235,10
        assertEquals("Efisiensi: 14,93 %: target tercapai dengan anggaran lebih sedikit dari pagu (100 % dikurangi serapan; "
                + "rasio capaian terhadap serapan 235,10 %).", ((Block.Paragraph) report.blocks().get(table + 1)).text());
    }

    @Test
    void an_efficiency_set_by_hand_is_printed_as_such_with_its_reason_and_the_computed_one() throws Exception {
        LkipReport report = LkipAssembler.assemble(withEfficiency(d("20.00"),
                "Sisa anggaran permakanan karena klien pulang lebih awal"));
        assertTrue(paragraphs(report).contains("Efisiensi (ditetapkan manual): 20,00 %. Alasan: Sisa anggaran permakanan karena "
                + "klien pulang lebih awal. Perhitungan sistem: 14,93 %: target tercapai dengan anggaran lebih sedikit dari "
                + "pagu (100 % dikurangi serapan; rasio capaian terhadap serapan 235,10 %)."), paragraphs(report).toString());
        assertTrue(Html.render(report).contains("Efisiensi (ditetapkan manual): 20,00 %"));
    }

    @Test
    void no_efficiency_where_the_target_is_not_met_and_none_where_nothing_is_computable() {
        // capaian 75 with 90 % spent: ratio 75 / 90 x 100 = 83,33, no efficiency
        Efficiency notMet = Efficiency.of(new Capaian(Capaian.Status.COMPUTED, d("75"), d("75"), "Kurang", null),
                Absorption.of(d("1000"), d("900")));
        assertEquals("Efisiensi: tidak ada (target belum tercapai; rasio capaian terhadap serapan 83,33 %).",
                LkipAssembler.efficiency(EfficiencyFigure.computed(notMet), d("75")));
        Efficiency allSpent = Efficiency.of(new Capaian(Capaian.Status.COMPUTED, d("110"), d("110"), "Sangat Baik", null),
                Absorption.of(d("1000"), d("1000")));
        assertEquals("Efisiensi: tidak ada (anggaran terserap penuh; rasio capaian terhadap serapan 110,00 %).",
                LkipAssembler.efficiency(EfficiencyFigure.computed(allSpent), d("110")));
        Efficiency zeroPagu = Efficiency.of(new Capaian(Capaian.Status.COMPUTED, d("110"), d("110"), "Sangat Baik", null),
                Absorption.of(d("0"), d("0")));
        assertEquals("Efisiensi: tidak dapat dihitung (pagu 0).", LkipAssembler.efficiency(EfficiencyFigure.computed(zeroPagu), d("110")));
    }

    @Test
    void bab_iii_states_the_capaian_policy() throws Exception {
        LkipReport report = LkipAssembler.assemble(capped());
        int bab3 = report.blocks().indexOf(report.blocks().stream()
                .filter(b -> b instanceof Block.Heading h && h.title().equals("AKUNTABILITAS KINERJA")).findFirst().orElseThrow());
        assertEquals("Capaian dihitung menurut kebijakan capaian Dinas Sosial Provinsi Maluku (versi 3):",
                ((Block.Paragraph) report.blocks().get(bab3 + 2)).text());
        assertEquals(List.of(
                "Indikator berpolaritas positif (semakin tinggi semakin baik): capaian = realisasi / target \u00d7 100 %.",
                "Indikator berpolaritas negatif (semakin rendah semakin baik): capaian = target / realisasi \u00d7 100 %.",
                "Target berupa rentang: realisasi di dalam rentang 100 %; di atas rentang dibandingkan dengan batas atas seperti "
                        + "polaritas negatif, di bawahnya dengan batas bawah seperti polaritas positif.",
                "Target berupa tingkatan (predikat, opini): mencapai atau melampaui tingkat target 100 %; di bawahnya peringkat "
                        + "realisasi / peringkat target \u00d7 100 %.",
                "Target 0: capaian tidak dapat dihitung, kecuali indikator berpolaritas negatif dengan realisasi 0, yang dinilai 100 %.",
                "Capaian diakui paling tinggi 100,00 %; capaian sebelum dibatasi dicantumkan di sampingnya.",
                "Capaian sasaran: rata-rata capaian indikatornya (rata-rata tertimbang bila setiap indikator berbobot); capaian "
                        + "instansi: rata-rata capaian sasaran.",
                "Kategori menurut perbandingan realisasi dengan target: di bawah target \u201cTidak Tercapai\u201d, sama dengan "
                        + "target \u201cTercapai\u201d, melampaui target \u201cTerlampaui\u201d; untuk sasaran dan instansi, rata-rata "
                        + "capaian sebelum dibatasi terhadap 100 %."), ((Block.Items) report.blocks().get(bab3 + 3)).items());
        // the default policy: no cap, (2T - R) / T, the Permendagri 86/2017 bands on the capaian
        LkipReport plain = LkipAssembler.assemble(seed(false));
        List<String> items = plain.blocks().stream().filter(b -> b instanceof Block.Items i
                && i.items().get(0).startsWith("Indikator berpolaritas positif")).map(b -> ((Block.Items) b).items())
                .findFirst().orElseThrow();
        assertEquals("Indikator berpolaritas negatif (semakin rendah semakin baik): capaian = (2 \u00d7 target - realisasi) / "
                + "target \u00d7 100 %.", items.get(1));
        assertEquals("Capaian tidak dibatasi.", items.get(5));
        assertEquals("Kategori menurut capaian: < 51 % Sangat Rendah; 51 % s.d. < 66 % Rendah; 66 % s.d. < 76 % Sedang; "
                + "76 % s.d. < 91 % Tinggi; >= 91 % Sangat Tinggi.", items.get(7));
        // an uncapped agency: one series, one number per cell, as before
        Block.Chart chart = plain.blocks().stream().filter(b -> b instanceof Block.Chart c && c.key().equals("capaian-sasaran"))
                .map(b -> (Block.Chart) b).findFirst().orElseThrow();
        assertEquals(List.of("Capaian (%)"), chart.series().stream().map(Block.Series::name).toList());
    }


    // ---- issue 23 point 2: grade indicators print their levels

    /**
     * A grade indicator on the plan's scale D, C, CC, B, BB, A, AA: target B and realisasi B are
     * carried as rank 4 and 4, last year's CC as 3, next year's target BB as 5; capaian 100.
     */
    static LkipData graded() throws Exception {
        LkipData seed = seed(false);
        LkipData.IndicatorData sakip = new LkipData.IndicatorData("SAKIP", "Nilai SAKIP", "nilai", d("4"), d("4"),
                d("100.00"), d("100.00"), "Sangat Baik", d("3"), d("100.00"), d("100.00"), Map.of(2021, d("3"), 2022, d("4")),
                Map.of(2022, d("4"), 2023, d("5")),
                new OrdinalScale(List.of("D", "C", "CC", "B", "BB", "A", "AA")));
        List<LkipData.SasaranData> sasaran = List.of(new LkipData.SasaranData("S1", "Meningkatnya akuntabilitas",
                d("100.00"), "Sangat Baik", List.of(sakip), List.of()));
        return new LkipData(seed.agencyCode(), seed.agencyName(), seed.year(), seed.city(), seed.profile(), seed.organisation(),
                seed.personnel(), seed.renstra(), seed.planSasaran(), seed.governorVisi(), seed.governorMisi(),
                List.of(new LkipData.PkRow("Meningkatnya akuntabilitas", "Nilai SAKIP", "B")), seed.iku(), sasaran,
                Map.of(), false, List.of());
    }

    @Test
    void a_grade_indicator_prints_its_levels_in_every_format() throws Exception {
        LkipReport report = LkipAssembler.assemble(graded());
        Map<String, Block.Table> tables = LkipAssembler.tablesByKey(report);
        assertEquals(List.of("1", "Nilai SAKIP", "nilai", "B", "B", "100,00 %", "100,00 %", "Sangat Baik"),
                texts(tables.get("capaian-S1").rows().get(0)));
        assertEquals(List.of("1", "Nilai SAKIP", "CC", "100,00 %", "B", "100,00 %"), texts(tables.get("perbandingan-S1").rows().get(0)));
        assertEquals(List.of("1", "Nilai SAKIP", "CC", "B", "BB"), texts(tables.get("renstra-S1").rows().get(0)));
        // a rank is no quantity: no trend chart for the grade
        assertTrue(report.blocks().stream().noneMatch(b -> b instanceof Block.Chart c && c.key().equals("tren-SAKIP")));
        assertTrue(paragraphs(report).stream().anyMatch(p -> p.contains("(target B, realisasi B)")
                && p.contains("tahun 2021 realisasi CC.")), paragraphs(report).toString());

        String html = Html.render(report);
        assertTrue(html.contains("<td>Nilai SAKIP</td><td>nilai</td><td>B</td><td>B</td>"), html);
        assertTrue(new ObjectMapper().writeValueAsString(Json.of(report)).contains("{\"display\":\"B\"}"));
        try (PDDocument doc = Loader.loadPDF(Pdf.render(report))) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("(target B, realisasi B)"), text);
        }
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(Xlsx.render(report)))) {
            String number = tables.get("capaian-S1").number();
            Sheet sheet = wb.getSheets().filter(x -> x.getName().equals("Tabel " + number)).findFirst().orElseThrow();
            Row row = sheet.read().stream().filter(r -> "Nilai SAKIP".equals(r.getCellText(1))).findFirst().orElseThrow();
            assertEquals(List.of("B", "B"), List.of(row.getCellText(3), row.getCellText(4)));
        }
    }

    /** A rank that is no level of the scale is not printed as a number either. */
    @Test
    void a_rank_off_the_scale_prints_as_none() {
        LkipData.IndicatorData i = new LkipData.IndicatorData("X", "X", "status", d("9"), d("2.5"), null, null, null, null,
                null, null, Map.of(), Map.of(), new OrdinalScale(List.of("TMP", "TW", "WDP", "WTP")));
        assertEquals("-", i.show(i.target()));
        assertEquals("-", i.show(i.realisasi()));
        assertEquals("WDP", i.show(d("3.0000")));
        assertEquals("-", i.show(null));
    }

    @Test
    void sections_and_tables_are_numbered_by_the_generator() throws Exception {
        LkipReport report = LkipAssembler.assemble(seed(false));
        List<String> chapters = report.headings().stream().filter(h -> h.level() == 1).map(Block.Heading::number).toList();
        assertEquals(List.of("BAB I", "BAB II", "BAB III", "BAB IV"), chapters);
        Block.Table capaian = LkipAssembler.tablesByKey(report).get("capaian-S5");
        assertEquals("3.1", capaian.number());
        assertEquals("3.4", LkipAssembler.tablesByKey(report).get("anggaran-S5").number());
        assertEquals("200,00 %", capaian.rows().get(0).get(5).display());
    }

    @Test
    void html_has_a_toc_indonesian_formats_svg_charts_and_no_annex_when_final() throws Exception {
        String html = Html.render(LkipAssembler.assemble(seed(false)));
        // .ci/run opens this page in headless Chromium and checks the text a reader sees
        Files.createDirectories(Path.of("target", "lkip-check"));
        Files.writeString(Path.of("target", "lkip-check", "lkip.html"), html);
        assertTrue(html.contains("<nav class=\"toc\">"));
        assertTrue(html.contains("Rp 1.123.840.000") || html.contains("Rp 547.279.000"));
        assertTrue(html.contains("79,81 %"));
        assertTrue(html.contains("<svg"));
        // absorption per unit: Dinas Sosial 99,48 %, UPTD Hiti-Hiti Hala-Hala 79,81 %
        assertTrue(html.contains("Serapan Anggaran per Unit"));
        assertTrue(html.contains("Serapan (%) UPTD Hiti-Hiti Hala-Hala: 79,81"), html);
        assertTrue(html.contains("Tabel 3.1 Capaian Sasaran"));
        assertTrue(!html.contains("HASIL REVIU"));
        assertTrue(Html.render(LkipAssembler.assemble(seed(true))).contains("HASIL REVIU"));
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.replace("<!DOCTYPE html>", "").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void pdf_text_carries_the_key_figures_and_page_numbers() throws Exception {
        byte[] pdf = Pdf.render(LkipAssembler.assemble(seed(true)));
        Files.write(Path.of("target", "lkip.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(doc.getNumberOfPages() > 3);
            assertTrue(text.contains("Rp 547.279.000"), text);
            assertTrue(text.contains("79,81 %"));
            assertTrue(text.contains("Halaman 1 dari " + doc.getNumberOfPages()));
            assertTrue(text.contains("BAB III"));
        }
    }

    @Test
    void xlsx_has_one_sheet_per_table_with_numbers_stored_as_numbers() throws Exception {
        LkipReport report = LkipAssembler.assemble(seed(false));
        byte[] xlsx = Xlsx.render(report);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertEquals(report.tables().size(), sheets.size());
            Sheet budget = sheets.stream().filter(s -> s.getName().equals("Tabel 3.4")).findFirst().orElseThrow();
            List<Row> rows = budget.read();
            assertEquals(0, new BigDecimal("547279000").compareTo(rows.get(3).getCell(3).asNumber()));
            assertEquals(0, new BigDecimal("79.81").compareTo(rows.get(3).getCell(5).asNumber()));
        }
    }

    @Test
    void indonesian_formats() {
        assertEquals("Rp 1.123.840.000", IdFormat.money(d("1123840000")));
        assertEquals("Rp 30.000.000", IdFormat.money(d("30000000.00")));
        assertEquals("Rp 1.234,50", IdFormat.money(d("1234.5")));
        assertEquals("79,81 %", IdFormat.percent(d("79.8129")));
        assertEquals("100,00 %", IdFormat.percent(d("100")));
        assertEquals("tidak dapat dihitung", IdFormat.percent(null));
        assertEquals("1.500", IdFormat.number(d("1500")));
        assertEquals("34,48", IdFormat.number(d("34.48")));
    }
}
