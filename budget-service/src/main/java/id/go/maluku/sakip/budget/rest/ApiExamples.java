package id.go.maluku.sakip.budget.rest;

/**
 * Request examples shown in the OpenAPI document (/q/openapi, /q/swagger-ui): the Dinas Sosial's
 * sub kegiatan "Penyediaan Permakanan" of an UPTD, fiscal year 2022. Constants, so that
 * annotations can name them. {@code OpenApiDocumentTests} fails when an operation lacks a summary
 * or a request body lacks an example.
 */
final class ApiExamples {

    static final String XLSX = BudgetImportResource.XLSX;

    private ApiExamples() {
    }

    static final String LINE_BODY = """
            {"name": "Penyediaan Permakanan", "pagu": 199500000, "realisasi": 198468000, "sipdKey": "26510",
             "statedAbsorption": 99.48, "fundingSource": "APBD",
             "unit": {"code": "uptd-hiti-hiti", "name": "UPTD PSBR Hiti-Hiti Hala-Hala"},
             "urusanName": "Urusan Pemerintahan Wajib yang Berkaitan dengan Pelayanan Dasar",
             "bidangUrusanName": "Urusan Pemerintahan Bidang Sosial", "programName": "Program Rehabilitasi Sosial",
             "kegiatanName": "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis di Dalam Panti",
             "outputs": [{"kind": "output", "statement": "Jumlah penerima manfaat yang mendapat permakanan",
                          "targetQuantity": 68, "achievedQuantity": 68, "unit": "orang"}],
             "links": [{"sasaran": "S4", "indicator": "IK4", "statedAbsorption": 98.91}]}""";

    static final String RAK_BODY = """
            {"q1": 49875000, "q2": 49875000, "q3": 49875000, "q4": 49875000}""";

    static final String SPENDING_BODY = """
            {"sourceKey": "SP2D-00123", "date": "2022-06-30", "amount": 16625000, "reference": "00123/SP2D/LS/2022"}""";

    static final String OUTPUTS_BODY = """
            {"outputs": [{"kind": "output", "statement": "Jumlah penerima manfaat yang mendapat permakanan",
                          "targetQuantity": 68, "achievedQuantity": 68, "unit": "orang"},
                         {"kind": "outcome", "statement": "Persentase penerima manfaat yang terpenuhi kebutuhan dasarnya",
                          "targetQuantity": 100, "achievedQuantity": 100, "unit": "persen"}]}""";

    static final String BATCH_BODY = """
            {"batchId": "sipd-2022-06-30-001", "dryRun": false,
             "lines": [{"sipdKey": "26510", "code": "1.06.04.2.01.0001", "name": "Penyediaan Permakanan",
                        "pagu": 199500000, "fundingSource": "APBD", "unitCode": "uptd-hiti-hiti",
                        "unitName": "UPTD PSBR Hiti-Hiti Hala-Hala", "programName": "Program Rehabilitasi Sosial"}],
             "spending": [{"sourceKey": "SP2D-00123", "lineCode": "1.06.04.2.01.0001", "date": "2022-06-30",
                           "amount": 16625000, "reference": "00123/SP2D/LS/2022"}]}""";

    static final String CSV_LINES = """
            kode_sub_kegiatan,nama_sub_kegiatan,pagu,realisasi,sumber_dana,kode_unit,nama_unit
            1.06.04.2.01.0001,Penyediaan Permakanan,Rp. 199.500.000,Rp. 198.468.000,APBD,uptd-hiti-hiti,UPTD PSBR Hiti-Hiti Hala-Hala
            """;

    static final String CSV_SPENDING = """
            id_transaksi,kode_sub_kegiatan,tanggal,nilai,no_sp2d
            SP2D-00123,1.06.04.2.01.0001,30/06/2022,16625000,00123/SP2D/LS/2022
            """;

    static final String SHEET_LINES = """
            kode_sub_kegiatan | nama_sub_kegiatan     | pagu      | realisasi | sumber_dana
            1.06.04.2.01.0001 | Penyediaan Permakanan | 199500000 | 198468000 | APBD
            """;
}
