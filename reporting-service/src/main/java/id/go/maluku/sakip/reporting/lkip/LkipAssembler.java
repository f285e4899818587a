package id.go.maluku.sakip.reporting.lkip;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.reporting.domain.Efficiency;
import id.go.maluku.sakip.reporting.domain.EfficiencyFigure;
import id.go.maluku.sakip.reporting.domain.CapaianPolicy;
import id.go.maluku.sakip.reporting.domain.RatingScale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds the LKIP of PermenPANRB 53/2014 from the data: Kata Pengantar, Ringkasan Eksekutif,
 * BAB I Pendahuluan, BAB II Perencanaan Kinerja, BAB III Akuntabilitas Kinerja (per sasaran:
 * capaian, comparison with last year, comparison along the Renstra years, analysis, budget),
 * BAB IV Penutup, and for a draft the review's findings as an annex. Where no narrative has
 * been written, a neutral draft is generated from the figures.
 *
 * <p>One number per figure: every capaian the report prints (chart, summary, analysis, last-year
 * comparison, conclusion) is the policy's figure, capped where the policy caps, the figure its
 * category is of; the raw value is printed beside it where the cap changed it. BAB III states the
 * policy itself.
 */
public final class LkipAssembler {

    private final LkipData d;
    private final List<Block> blocks = new ArrayList<>();

    private LkipAssembler(LkipData data) {
        this.d = data;
    }

    public static LkipReport assemble(LkipData data) {
        LkipAssembler a = new LkipAssembler(data);
        a.front();
        a.babI();
        a.babII();
        a.babIII();
        a.babIV();
        if (data.draft()) {
            a.findings();
        }
        List<String> cover = new ArrayList<>(List.of("PEMERINTAH " + upper(province(data)), upper(data.agencyName()),
                "TAHUN " + data.year()));
        String address = text(data.profile(), "address");
        if (!address.isEmpty()) {
            cover.add(address);
        }
        return new LkipReport(data.agencyCode(), data.agencyName(), data.year(), data.draft(),
                "Laporan Kinerja Instansi Pemerintah (LKIP) " + data.agencyName() + " Tahun " + data.year(), cover, a.blocks);
    }

    private static String province(LkipData data) {
        String city = data.city() == null ? "" : data.city();
        return city.isEmpty() ? "PROVINSI" : "PROVINSI " + city;
    }

    private static String upper(String s) {
        return s == null ? "" : s.toUpperCase(java.util.Locale.ROOT);
    }

    private void heading(int level, String title) {
        blocks.add(new Block.Heading(level, title, null, null));
    }

    private void paragraph(String text) {
        if (text != null && !text.isBlank()) {
            blocks.add(new Block.Paragraph(text));
        }
    }

    private String narrative(String key, String generated) {
        String written = d.narratives() == null ? null : d.narratives().get(key);
        return written == null || written.isBlank() ? generated : written;
    }

    private static String text(JsonNode node, String field) {
        return node == null || node.path(field).isMissingNode() || node.path(field).isNull() ? "" : node.path(field).asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    /** The mean of the sasaran's policy figures. */
    private BigDecimal average() {
        return mean(d.sasaran().stream().map(LkipData.SasaranData::capaian).filter(v -> v != null).toList());
    }

    /** The mean of the sasaran's raw capaian, over the same sasaran as {@link #average()}. */
    private BigDecimal averageRaw() {
        return mean(d.sasaran().stream().filter(s -> s.capaian() != null)
                .map(s -> s.capaianRaw() != null ? s.capaianRaw() : s.capaian()).toList());
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    private void front() {
        heading(0, "KATA PENGANTAR");
        paragraph(narrative("kata-pengantar", "Laporan Kinerja Instansi Pemerintah " + d.agencyName() + " Tahun " + d.year()
                + " disusun berdasarkan Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 "
                + "Tahun 2014 sebagai wujud pertanggungjawaban atas pencapaian sasaran strategis tahun " + d.year() + "."));
        heading(0, "RINGKASAN EKSEKUTIF");
        BigDecimal average = average();
        long reached = d.sasaran().stream().filter(s -> s.capaian() != null && s.capaian().compareTo(BigDecimal.valueOf(100)) >= 0).count();
        paragraph(narrative("ringkasan-eksekutif", "Pada tahun " + d.year() + " " + d.agencyName() + " menetapkan "
                + d.sasaran().size() + " sasaran strategis dalam Perjanjian Kinerja. " + reached + " sasaran mencapai atau "
                + "melampaui target; rata-rata capaian sasaran adalah " + IdFormat.percent(average, averageRaw()) + "."));
    }

    private void babI() {
        heading(1, "PENDAHULUAN");
        heading(2, "Latar Belakang");
        paragraph(narrative("latar-belakang", d.agencyName() + " menyusun laporan kinerja tahun " + d.year()
                + " sebagai bagian dari Sistem Akuntabilitas Kinerja Instansi Pemerintah (Peraturan Presiden Nomor 29 Tahun 2014)."));
        List<String> legal = strings(d.profile() == null ? null : d.profile().get("legalBasis"));
        if (!legal.isEmpty()) {
            heading(2, "Landasan Hukum");
            paragraph(narrative("landasan-hukum", ""));
            blocks.add(new Block.Items(true, legal));
        }
        String tasks = text(d.profile(), "tasks");
        List<String> functions = strings(d.profile() == null ? null : d.profile().get("functions"));
        if (!tasks.isEmpty() || !functions.isEmpty()) {
            heading(2, "Tugas Pokok dan Fungsi");
            paragraph(tasks);
            if (!functions.isEmpty()) {
                blocks.add(new Block.Items(false, functions));
            }
        }
        JsonNode units = d.organisation() == null ? null : d.organisation().get("units");
        if (units != null && units.isArray() && units.size() > 0) {
            heading(2, "Struktur Organisasi");
            List<List<Block.Cell>> rows = new ArrayList<>();
            int n = 0;
            for (JsonNode u : units) {
                rows.add(List.of(Block.Cell.text(String.valueOf(++n)), Block.Cell.text(u.path("name").asText()),
                        Block.Cell.text(text(u, "headPosition")), Block.Cell.text(text(u, "echelon")),
                        Block.Cell.text(text(u, "parent"))));
            }
            blocks.add(new Block.Table("organisasi", "Susunan Organisasi", null,
                    List.of("No", "Unit", "Jabatan Pimpinan", "Eselon", "Unit Induk"), rows));
        }
        personnel();
        JsonNode issues = d.profile() == null ? null : d.profile().get("strategicIssues");
        if (issues != null && issues.isArray() && issues.size() > 0) {
            heading(2, "Isu Strategis");
            for (JsonNode group : issues) {
                paragraph(group.path("group").asText());
                blocks.add(new Block.Items(false, strings(group.get("items"))));
            }
        }
    }

    private void personnel() {
        JsonNode tables = d.personnel() == null ? null : d.personnel().get("tables");
        if (tables == null || !tables.isArray() || tables.isEmpty()) {
            return;
        }
        heading(2, "Sumber Daya Manusia");
        JsonNode byUnit = d.personnel().get("byUnit");
        if (byUnit != null && byUnit.isArray() && byUnit.size() > 0) {
            int total = 0;
            List<String> parts = new ArrayList<>();
            for (JsonNode u : byUnit) {
                total += u.path("count").asInt();
                parts.add(u.path("unit").asText() + " " + u.path("count").asInt() + " orang");
            }
            paragraph("Jumlah pegawai " + total + " orang: " + String.join(", ", parts) + ".");
        }
        for (JsonNode t : tables) {
            List<String> columns = new ArrayList<>(List.of("No", "Uraian"));
            strings(t.get("columns")).forEach(columns::add);
            columns.add("Jumlah");
            List<List<Block.Cell>> rows = new ArrayList<>();
            int[] totals = new int[t.path("columns").size()];
            int n = 0;
            for (JsonNode row : t.path("rows")) {
                List<Block.Cell> cells = new ArrayList<>(List.of(Block.Cell.text(String.valueOf(++n)), Block.Cell.text(row.path("label").asText())));
                int sum = 0;
                for (int c = 0; c < totals.length; c++) {
                    JsonNode count = row.path("counts").path(c);
                    if (count.isNumber()) {
                        sum += count.asInt();
                        totals[c] += count.asInt();
                        cells.add(Block.Cell.number(BigDecimal.valueOf(count.asInt()), null));
                    } else {
                        cells.add(Block.Cell.text("-"));
                    }
                }
                cells.add(Block.Cell.number(BigDecimal.valueOf(sum), null));
                rows.add(cells);
            }
            List<Block.Cell> total = new ArrayList<>(List.of(Block.Cell.text(""), Block.Cell.text("Jumlah")));
            int all = 0;
            for (int c : totals) {
                total.add(Block.Cell.number(BigDecimal.valueOf(c), null));
                all += c;
            }
            total.add(Block.Cell.number(BigDecimal.valueOf(all), null));
            rows.add(total);
            blocks.add(new Block.Table("pegawai-" + n + "-" + t.path("title").asText().hashCode(), t.path("title").asText(), null, columns, rows));
        }
    }

    private void babII() {
        heading(1, "PERENCANAAN KINERJA");
        heading(2, "Visi dan Misi");
        if (d.governorVisi() != null) {
            paragraph("Visi Gubernur: \u201c" + d.governorVisi() + "\u201d");
        }
        if (d.governorMisi() != null && !d.governorMisi().isEmpty()) {
            blocks.add(new Block.Items(true, d.governorMisi()));
        }
        String visi = text(d.profile(), "visi");
        if (!visi.isEmpty()) {
            paragraph("Visi " + d.agencyName() + ": \u201c" + visi + "\u201d");
        }
        JsonNode misi = d.profile() == null ? null : d.profile().get("misi");
        if (misi != null && misi.isArray()) {
            List<String> items = new ArrayList<>();
            misi.forEach(m -> items.add(m.path("text").asText()));
            blocks.add(new Block.Items(true, items));
        }
        if (d.renstra() != null) {
            heading(2, "Tujuan, Sasaran, Strategi dan Kebijakan (Renstra " + text(d.renstra(), "code") + ")");
            heading(3, "Tujuan dan Sasaran");
            tujuanSasaran();
            heading(3, "Strategi");
            blocks.add(new Block.Items(true, strings(d.renstra().get("strategi"))));
            heading(3, "Kebijakan");
            blocks.add(new Block.Items(true, strings(d.renstra().get("kebijakan"))));
        }
        heading(2, "Perjanjian Kinerja Tahun " + d.year());
        List<List<Block.Cell>> pk = new ArrayList<>();
        int n = 0;
        for (LkipData.PkRow row : d.perjanjianKinerja()) {
            pk.add(List.of(Block.Cell.text(String.valueOf(++n)), Block.Cell.text(row.sasaran()), Block.Cell.text(row.indicator()),
                    Block.Cell.text(row.target())));
        }
        blocks.add(new Block.Table("perjanjian-kinerja", "Perjanjian Kinerja " + d.agencyName() + " Tahun " + d.year(), null,
                List.of("No", "Sasaran Strategis", "Indikator Kinerja", "Target"), pk));
        if (!d.iku().isEmpty()) {
            heading(2, "Indikator Kinerja Utama");
            List<List<Block.Cell>> rows = new ArrayList<>();
            for (LkipData.IkuRow row : d.iku()) {
                rows.add(List.of(Block.Cell.text(row.name()), Block.Cell.text(row.formula()), Block.Cell.text(row.dataSource()),
                        Block.Cell.text(row.responsibleUnit())));
            }
            blocks.add(new Block.Table("iku", "Indikator Kinerja Utama (IKU)", null,
                    List.of("Indikator Kinerja Utama", "Formulasi Penghitungan", "Sumber Data", "Penanggung Jawab"), rows));
        }
    }

    /**
     * The Renstra's tujuan, each with the sasaran that serve it (the seed's Tabel 2.1): a tujuan's
     * first sasaran on its row, the others on rows below it. Sasaran whose tujuan planning has not
     * published follow, under "-", rather than being paired with a tujuan by guess.
     */
    private void tujuanSasaran() {
        List<List<Block.Cell>> rows = new ArrayList<>();
        java.util.Set<String> placed = new java.util.HashSet<>();
        int n = 0;
        for (JsonNode t : d.renstra().path("tujuan")) {
            String code = t.path("code").asText();
            List<String> served = new ArrayList<>();
            for (LkipData.PlanSasaran s : planSasaran()) {
                if (code.equals(s.tujuan())) {
                    served.add(s.name());
                    placed.add(s.code());
                }
            }
            rows.add(List.of(Block.Cell.text(String.valueOf(++n)), Block.Cell.text(t.path("text").asText()),
                    Block.Cell.text(served.isEmpty() ? "-" : served.get(0))));
            for (String name : served.subList(Math.min(1, served.size()), served.size())) {
                rows.add(List.of(Block.Cell.text(""), Block.Cell.text(""), Block.Cell.text(name)));
            }
        }
        for (LkipData.PlanSasaran s : planSasaran()) {
            if (!placed.contains(s.code())) {
                rows.add(List.of(Block.Cell.text(""), Block.Cell.text("-"), Block.Cell.text(s.name())));
            }
        }
        blocks.add(new Block.Table("tujuan-sasaran", "Tujuan dan Sasaran Renstra " + d.agencyName() + " Tahun " + d.year(),
                null, List.of("No", "Tujuan", "Sasaran"), rows));
    }

    private List<LkipData.PlanSasaran> planSasaran() {
        return d.planSasaran() == null ? List.of() : d.planSasaran();
    }

    private void babIII() {
        heading(1, "AKUNTABILITAS KINERJA");
        heading(2, "Capaian Kinerja Organisasi");
        policy();
        List<String> categories = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        List<BigDecimal> raw = new ArrayList<>();
        boolean capped = false;
        for (LkipData.SasaranData s : d.sasaran()) {
            categories.add("Sasaran " + s.code());
            values.add(s.capaian());
            raw.add(s.capaianRaw());
            capped |= s.capaian() != null && s.capaianRaw() != null && s.capaian().compareTo(s.capaianRaw()) != 0;
        }
        // the raw values as a second series only where the cap changed one
        List<Block.Series> series = capped
                ? List.of(new Block.Series("Capaian diakui (%)", values), new Block.Series("Capaian sebelum dibatasi (%)", raw))
                : List.of(new Block.Series("Capaian (%)", values));
        blocks.add(new Block.Chart("capaian-sasaran", "Capaian per Sasaran Tahun " + d.year() + " terhadap 100 %", null, "%",
                categories, series, BigDecimal.valueOf(100)));
        absorptionByUnit();
        int index = 0;
        for (LkipData.SasaranData s : d.sasaran()) {
            index++;
            heading(3, "Sasaran " + index + ": " + s.name());
            List<List<Block.Cell>> capaian = new ArrayList<>();
            List<List<Block.Cell>> lastYear = new ArrayList<>();
            List<List<Block.Cell>> renstra = new ArrayList<>();
            TreeSet<Integer> years = new TreeSet<>();
            s.indicators().forEach(i -> {
                years.addAll(i.realisasiByYear().keySet());
                years.addAll(i.targetByYear().keySet());
            });
            int n = 0;
            for (LkipData.IndicatorData i : s.indicators()) {
                n++;
                capaian.add(List.of(Block.Cell.text(String.valueOf(n)), Block.Cell.text(i.name()), Block.Cell.text(i.unit()),
                        figure(i, i.target(), null), figure(i, i.realisasi(), null),
                        Block.Cell.percent(i.capaianRaw()), Block.Cell.percent(i.capaianCapped()), Block.Cell.text(i.category())));
                lastYear.add(List.of(Block.Cell.text(String.valueOf(n)), Block.Cell.text(i.name()),
                        figure(i, i.lastYearRealisasi(), i.unit()),
                        Block.Cell.percent(i.lastYearCapaian(), i.lastYearCapaianRaw()),
                        figure(i, i.realisasi(), i.unit()), Block.Cell.percent(i.capaianCapped(), i.capaianRaw())));
                List<Block.Cell> row = new ArrayList<>(List.of(Block.Cell.text(String.valueOf(n)), Block.Cell.text(i.name())));
                for (int year : years) {
                    BigDecimal value = year <= d.year() ? i.realisasiByYear().get(year) : i.targetByYear().get(year);
                    row.add(figure(i, value, i.unit()));
                }
                renstra.add(row);
            }
            blocks.add(new Block.Table("capaian-" + s.code(), "Capaian Sasaran \u201c" + s.name() + "\u201d", null,
                    List.of("No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)", "Capaian diakui (%)", "Kategori"),
                    capaian));
            blocks.add(new Block.Table("perbandingan-" + s.code(), "Perbandingan Realisasi dan Capaian Kinerja antara Tahun "
                    + (d.year() - 1) + " dan Tahun " + d.year(), null,
                    List.of("No", "Indikator Kinerja", "Realisasi " + (d.year() - 1), "Capaian " + (d.year() - 1),
                            "Realisasi " + d.year(), "Capaian " + d.year()), lastYear));
            List<String> renstraColumns = new ArrayList<>(List.of("No", "Indikator Kinerja"));
            years.forEach(y -> renstraColumns.add((y <= d.year() ? "Realisasi " : "Target ") + y));
            blocks.add(new Block.Table("renstra-" + s.code(), "Perbandingan Realisasi sampai Akhir Periode Renstra", null,
                    renstraColumns, renstra));
            for (LkipData.IndicatorData i : s.indicators()) {
                if (i.graded()) {
                    continue; // a grade's rank is no quantity to draw; the tables print its levels
                }
                List<String> cats = new ArrayList<>();
                List<BigDecimal> targets = new ArrayList<>();
                List<BigDecimal> realisasi = new ArrayList<>();
                for (int year : years) {
                    cats.add(String.valueOf(year));
                    targets.add(i.targetByYear().get(year));
                    realisasi.add(year <= d.year() ? i.realisasiByYear().get(year) : null);
                }
                blocks.add(new Block.Chart("tren-" + i.code(), "Target dan Realisasi " + i.name() + " sepanjang Renstra", null,
                        i.unit(), cats, List.of(new Block.Series("Target", targets), new Block.Series("Realisasi", realisasi)), null));
            }
            paragraph(narrative("analisis-" + s.code(), analysis(s)));
            if (!s.budget().isEmpty()) {
                List<List<Block.Cell>> budget = new ArrayList<>();
                int b = 0;
                BigDecimal pagu = BigDecimal.ZERO;
                BigDecimal spent = BigDecimal.ZERO;
                for (LkipData.BudgetRow row : s.budget()) {
                    budget.add(List.of(Block.Cell.text(String.valueOf(++b)), Block.Cell.text(row.program()),
                            Block.Cell.text(row.name()), Block.Cell.money(row.pagu()), Block.Cell.money(row.realisasi()),
                            Block.Cell.percent(row.absorption()), Block.Cell.text(row.output()), Block.Cell.text(row.outcome())));
                    pagu = pagu.add(row.pagu());
                    spent = spent.add(row.realisasi());
                }
                budget.add(List.of(Block.Cell.text(""), Block.Cell.text(""), Block.Cell.text("Jumlah"), Block.Cell.money(pagu),
                        Block.Cell.money(spent), Block.Cell.percent(pagu.signum() == 0 ? null
                                : spent.multiply(BigDecimal.valueOf(100)).divide(pagu, 2, RoundingMode.HALF_UP)),
                        Block.Cell.text(""), Block.Cell.text("")));
                blocks.add(new Block.Table("anggaran-" + s.code(), "Realisasi, Output dan Outcome Program/Kegiatan Sasaran "
                        + index, null, List.of("No", "Program", "Sub Kegiatan", "Pagu Anggaran", "Realisasi", "%", "Output", "Outcome"),
                        budget));
            }
            if (s.efficiency() != null) {
                paragraph(efficiency(s.efficiency(), s.capaian()));
            }
        }
    }

    /**
     * The sasaran's efficiency (domain.md section 3): the target met with less money leaves the
     * unspent share as efficiency. A figure set by hand is printed as such, with its reason and
     * the computed figure beside it, so a reader sees both.
     */
    static String efficiency(EfficiencyFigure figure, BigDecimal capaian) {
        Efficiency computed = figure.computed();
        String system;
        if (computed == null || !computed.computable()) {
            system = "tidak dapat dihitung (" + notComputable(computed) + ")";
        } else if (computed.efficiency().signum() > 0) {
            system = IdFormat.percent(computed.efficiency()) + ": target tercapai dengan anggaran lebih sedikit dari pagu "
                    + "(100 % dikurangi serapan; rasio capaian terhadap serapan " + IdFormat.percent(computed.ratio()) + ")";
        } else {
            boolean met = capaian != null && capaian.compareTo(BigDecimal.valueOf(100)) >= 0;
            system = "tidak ada (" + (met ? "anggaran terserap penuh" : "target belum tercapai") + "; rasio capaian terhadap serapan "
                    + IdFormat.percent(computed.ratio()) + ")";
        }
        if (!figure.overridden()) {
            return "Efisiensi: " + system + ".";
        }
        return "Efisiensi (ditetapkan manual): " + IdFormat.percent(figure.override()) + ". Alasan: "
                + figure.justification().strip() + (figure.justification().strip().endsWith(".") ? "" : ".")
                + " Perhitungan sistem: " + system + ".";
    }

    private static String notComputable(Efficiency computed) {
        if (computed == null || computed.reason() == null) {
            return "capaian belum dihitung";
        }
        if (computed.reason().startsWith("capaian")) {
            return "capaian belum dihitung";
        }
        if (computed.reason().startsWith("absorption")) {
            return "pagu 0";
        }
        return "belum ada realisasi anggaran";
    }

    /**
     * The capaian policy the figures were computed with (domain.md section 2: each rule stated and
     * printed): the formula per polarity, range, ordinal and zero-target rules, the cap, the
     * sasaran mean, and what the category is taken from with its scale or words.
     */
    private void policy() {
        CapaianPolicy p = d.policy();
        paragraph("Capaian dihitung menurut kebijakan capaian " + d.agencyName()
                + (p.version() > 0 ? " (versi " + p.version() + ")" : " (ketentuan baku)") + ":");
        List<String> items = new ArrayList<>();
        items.add("Indikator berpolaritas positif (semakin tinggi semakin baik): capaian = realisasi / target \u00d7 100 %.");
        items.add("Indikator berpolaritas negatif (semakin rendah semakin baik): capaian = "
                + (p.negativeFormula() == CapaianPolicy.NegativeFormula.TWO_T_MINUS_R
                ? "(2 \u00d7 target - realisasi) / target \u00d7 100 %." : "target / realisasi \u00d7 100 %."));
        items.add("Target berupa rentang: realisasi di dalam rentang 100 %; di atas rentang dibandingkan dengan batas atas "
                + "seperti polaritas negatif, di bawahnya dengan batas bawah seperti polaritas positif.");
        items.add("Target berupa tingkatan (predikat, opini): mencapai atau melampaui tingkat target 100 %; di bawahnya "
                + (p.ordinalNotMet() == CapaianPolicy.OrdinalNotMet.ZERO ? "0 %."
                : "peringkat realisasi / peringkat target \u00d7 100 %."));
        items.add(p.zeroTarget() == CapaianPolicy.ZeroTarget.NOT_COMPUTABLE
                ? "Target 0: capaian tidak dapat dihitung."
                : "Target 0: capaian tidak dapat dihitung, kecuali indikator berpolaritas negatif dengan realisasi 0, yang "
                + "dinilai 100 %.");
        items.add(p.cap() == null ? "Capaian tidak dibatasi."
                : "Capaian diakui paling tinggi " + IdFormat.percent(p.cap()) + "; capaian sebelum dibatasi dicantumkan di "
                + "sampingnya.");
        items.add("Capaian sasaran: rata-rata capaian indikatornya (rata-rata tertimbang bila setiap indikator berbobot); "
                + "capaian instansi: rata-rata capaian sasaran.");
        items.add(switch (p.categoryBasis()) {
            case CAPPED -> "Kategori menurut capaian" + (p.cap() == null ? "" : " diakui") + ": " + bands(p.scale()) + ".";
            case RAW -> "Kategori menurut capaian sebelum dibatasi: " + bands(p.scale()) + ".";
            case TARGET -> "Kategori menurut perbandingan realisasi dengan target: di bawah target \u201c"
                    + p.targetLabels().below() + "\u201d, sama dengan target \u201c" + p.targetLabels().met()
                    + "\u201d, melampaui target \u201c" + p.targetLabels().exceeded() + "\u201d; untuk sasaran dan "
                    + "instansi, rata-rata capaian sebelum dibatasi terhadap 100 %.";
        });
        blocks.add(new Block.Items(false, items));
    }

    /** The bands as half-open intervals: "< 51 % Sangat Kurang; 51 % s.d. < 66 % Kurang; ...; >= 91 % Sangat Baik". */
    private static String bands(RatingScale scale) {
        List<String> out = new ArrayList<>();
        for (RatingScale.Band b : scale.bands()) {
            String range = b.from() == null ? "< " + IdFormat.number(b.to()) + " %"
                    : b.to() == null ? ">= " + IdFormat.number(b.from()) + " %"
                    : IdFormat.number(b.from()) + " % s.d. < " + IdFormat.number(b.to()) + " %";
            out.add(range + " " + b.label());
        }
        return String.join("; ", out);
    }

    /** Serapan anggaran per unit: each budget line counted once, however many sasaran it serves. */
    private void absorptionByUnit() {
        java.util.Map<String, BigDecimal[]> byUnit = new java.util.TreeMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (LkipData.SasaranData s : d.sasaran()) {
            for (LkipData.BudgetRow row : s.budget()) {
                if (!seen.add(row.unit() + "|" + row.name() + "|" + row.pagu() + "|" + row.realisasi())) {
                    continue;
                }
                String unit = row.unit() == null || row.unit().isBlank() ? d.agencyName() : row.unit();
                BigDecimal[] sums = byUnit.computeIfAbsent(unit, k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
                sums[0] = sums[0].add(row.pagu());
                sums[1] = sums[1].add(row.realisasi());
            }
        }
        if (byUnit.isEmpty()) {
            return;
        }
        List<String> units = new ArrayList<>();
        List<BigDecimal> absorption = new ArrayList<>();
        byUnit.forEach((unit, sums) -> {
            units.add(unit);
            absorption.add(sums[0].signum() == 0 ? null
                    : sums[1].multiply(BigDecimal.valueOf(100)).divide(sums[0], 2, RoundingMode.HALF_UP));
        });
        blocks.add(new Block.Chart("serapan-unit", "Serapan Anggaran per Unit Tahun " + d.year(), null, "%", units,
                List.of(new Block.Series("Serapan (%)", absorption)), BigDecimal.valueOf(100)));
    }

    private String analysis(LkipData.SasaranData s) {
        StringBuilder text = new StringBuilder();
        for (LkipData.IndicatorData i : s.indicators()) {
            text.append("Capaian kinerja \u201c").append(i.name()).append("\u201d tahun ").append(d.year()).append(" sebesar ")
                    .append(IdFormat.percent(i.capaianCapped(), i.capaianRaw())).append(" (target ").append(i.show(i.target()))
                    .append(unitAfter(i)).append(", realisasi ").append(i.show(i.realisasi())).append(unitAfter(i))
                    .append(")");
            if (i.category() != null) {
                text.append(", kategori \u201c").append(i.category()).append('\u201d');
            }
            if (i.lastYearRealisasi() != null) {
                text.append("; tahun ").append(d.year() - 1).append(" realisasi ").append(i.show(i.lastYearRealisasi()))
                        .append(unitAfter(i));
            }
            text.append(". ");
        }
        return text.toString().trim();
    }

    /** A target or realisasi cell: a grade indicator's level as text ("B"), else the number with its unit. */
    private static Block.Cell figure(LkipData.IndicatorData i, BigDecimal value, String unit) {
        return i.graded() ? Block.Cell.text(i.show(value)) : Block.Cell.number(value, unit);
    }

    /** The unit after a figure in a sentence: " KK"; none after a grade, whose level says it all. */
    private static String unitAfter(LkipData.IndicatorData i) {
        return i.graded() ? "" : " " + i.unit();
    }

    private void babIV() {
        heading(1, "PENUTUP");
        heading(2, "Kesimpulan");
        paragraph(narrative("kesimpulan", "Rata-rata capaian sasaran " + d.agencyName() + " tahun " + d.year() + " adalah "
                + IdFormat.percent(average(), averageRaw()) + "."));
        heading(2, "Saran");
        paragraph(narrative("saran", "Sasaran yang belum mencapai target perlu ditinjau penyebabnya dan ditindaklanjuti pada tahun "
                + (d.year() + 1) + "."));
    }

    private void findings() {
        heading(1, "LAMPIRAN: HASIL REVIU DATA");
        paragraph("Draf ini memuat temuan reviu otomatis atas data laporan. Laporan yang diterbitkan tidak memuat lampiran ini.");
        List<List<Block.Cell>> rows = new ArrayList<>();
        int n = 0;
        for (LkipData.Finding f : d.findings()) {
            rows.add(List.of(Block.Cell.text(String.valueOf(++n)), Block.Cell.text(f.rule()), Block.Cell.text(f.where()),
                    Block.Cell.text(f.stated()), Block.Cell.text(f.computed()), Block.Cell.text(f.severity())));
        }
        blocks.add(new Block.Table("temuan-reviu", "Temuan Reviu", null,
                List.of("No", "Aturan", "Letak", "Tertulis", "Hasil Hitung", "Tingkat"), rows));
    }

    /** For tests and callers that need the sections back by key. */
    public static Map<String, Block.Table> tablesByKey(LkipReport report) {
        Map<String, Block.Table> map = new java.util.LinkedHashMap<>();
        report.tables().forEach(t -> map.put(t.key(), t));
        return map;
    }
}
