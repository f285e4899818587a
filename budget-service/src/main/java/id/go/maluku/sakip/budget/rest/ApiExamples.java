package id.go.maluku.sakip.budget.rest;

import id.go.maluku.sakip.platform.error.ProblemMappers;
import jakarta.ws.rs.core.MediaType;

/**
 * Examples shown in the OpenAPI document (/q/openapi, /q/swagger-ui): the Dinas Sosial's sub
 * kegiatan "Penyediaan Permakanan" of an UPTD, fiscal year 2022, what is sent and what the service
 * answers to it (answers taken from the service's own output). Constants, so that annotations can
 * name them and several operations share one. {@code OpenApiDocumentTests} fails when an operation
 * lacks a summary, a request body an example, or an operation an example of its success and of a
 * 4xx problem.
 */
final class ApiExamples {

    static final String XLSX = BudgetImportResource.XLSX;
    static final String JSON = MediaType.APPLICATION_JSON;
    static final String PROBLEM = ProblemMappers.PROBLEM_JSON;

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

    // ---- answers: the line of LINE_BODY as the service returns it

    /** The line's identity and structure: the levels of its code, its unit and funding source. */
    private static final String LINE_IDENTITY = """
            "id": "3f2b6c1e-8d4a-4f7e-b1c9-5a0e7d2c9b14", "code": "1.06.04.2.01.0001", "name": "Penyediaan Permakanan",
             "sipdKey": "26510", "urusan": {"code": "1", "name": "Urusan Pemerintahan Wajib yang Berkaitan dengan Pelayanan Dasar"},
             "bidangUrusan": {"code": "1.06", "name": "Urusan Pemerintahan Bidang Sosial"},
             "program": {"code": "1.06.04", "name": "Program Rehabilitasi Sosial"},
             "kegiatan": {"code": "1.06.04.2.01", "name": "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis di Dalam Panti"},
             "subKegiatan": {"code": "1.06.04.2.01.0001", "name": "Penyediaan Permakanan"},
             "unit": {"code": "uptd-hiti-hiti", "name": "UPTD PSBR Hiti-Hiti Hala-Hala"}, "fundingSource": "APBD",
             "paguOriginal": 199500000.00, "statedAbsorption": 99.48, """;

    /** Spent as a whole, as LINE_BODY states it. */
    private static final String SPENT = """
            "pagu": 199500000.00, "realisasi": 198468000.00, "absorption": 99.48, "absorptionComputable": true, """;

    /** The line's pagu versions: the first (murni) only. */
    private static final String VERSIONS = """
             "paguVersions": [{"version": 1, "kind": "murni", "amount": 199500000.00, "recordedAt": "2022-01-10T01:30:00Z"}],""";

    /** The links of LINE_BODY. */
    private static final String LINKS = """
             "links": [{"sasaran": "S4", "indicator": "IK4", "statedAbsorption": 98.91}]}""";

    /** The output of LINE_BODY, as stored (quantities with four decimals). */
    private static final String OUTPUT = """
             "outputs": [{"kind": "output", "statement": "Jumlah penerima manfaat yang mendapat permakanan",
                          "targetQuantity": 68.0000, "achievedQuantity": 68.0000, "unit": "orang"}],""";

    /** The outputs of OUTPUTS_BODY, as stored. */
    private static final String OUTPUTS = """
             "outputs": [{"kind": "output", "statement": "Jumlah penerima manfaat yang mendapat permakanan",
                          "targetQuantity": 68.0000, "achievedQuantity": 68.0000, "unit": "orang"},
                         {"kind": "outcome", "statement": "Persentase penerima manfaat yang terpenuhi kebutuhan dasarnya",
                          "targetQuantity": 100.0000, "achievedQuantity": 100.0000, "unit": "persen"}],""";

    /**
     * LINE_BODY's realisasi is a year total: it is in no month or quarter, so none of their
     * realisasi is known, and the quarterly absorption is not computable (not 198468000 in the
     * fourth quarter, 397.93 % of its RAK).
     */
    private static final String YEAR_TOTAL = """
             "realisasiKnownBy": "year", "realisasiUndated": 198468000.00,
             "months": [null, null, null, null, null, null, null, null, null, null, null, null],""";

    private static final String WITHOUT_RAK = """
             "quarters": [{"quarter": 1, "rak": null, "realisasi": null, "absorption": null, "absorptionComputable": false},
                          {"quarter": 2, "rak": null, "realisasi": null, "absorption": null, "absorptionComputable": false},
                          {"quarter": 3, "rak": null, "realisasi": null, "absorption": null, "absorptionComputable": false},
                          {"quarter": 4, "rak": null, "realisasi": null, "absorption": null, "absorptionComputable": false}],""";

    private static final String WITH_RAK = """
             "quarters": [{"quarter": 1, "rak": 49875000.00, "realisasi": null, "absorption": null, "absorptionComputable": false},
                          {"quarter": 2, "rak": 49875000.00, "realisasi": null, "absorption": null, "absorptionComputable": false},
                          {"quarter": 3, "rak": 49875000.00, "realisasi": null, "absorption": null, "absorptionComputable": false},
                          {"quarter": 4, "rak": 49875000.00, "realisasi": null, "absorption": null, "absorptionComputable": false}],""";

    /*
     * A write answers with the line as stored, as the year's budget (GET) shows it right after:
     * pagu versions, spending by month and quarter, outputs and links included.
     */

    /** LINE_BODY stored for the first time. */
    static final String LINE = "{" + LINE_IDENTITY + SPENT + "\"revision\": 1," + VERSIONS + WITHOUT_RAK
            + YEAR_TOTAL + OUTPUT + LINKS;

    /** The line after two more changes: its RAK (RAK_BODY) and its outputs (OUTPUTS_BODY). */
    static final String LINE_CHANGED = "{" + LINE_IDENTITY + SPENT + "\"revision\": 3," + VERSIONS + WITH_RAK
            + YEAR_TOTAL + OUTPUTS + LINKS;

    /**
     * A line of LINE_BODY without its year total, with RAK_BODY, after SPENDING_BODY: the fifth
     * SP2D of the year (February to June).
     */
    private static final String SPENT_SO_FAR = "{" + LINE_IDENTITY + """
            "pagu": 199500000.00, "realisasi": 99750000.00, "absorption": 50.00, "absorptionComputable": true,
             "revision": 7,""" + VERSIONS + """
             "realisasiKnownBy": "month", "realisasiUndated": 0.00,
             "quarters": [{"quarter": 1, "rak": 49875000.00, "realisasi": 49875000.00, "absorption": 100.00, "absorptionComputable": true},
                          {"quarter": 2, "rak": 49875000.00, "realisasi": 49875000.00, "absorption": 100.00, "absorptionComputable": true},
                          {"quarter": 3, "rak": 49875000.00, "realisasi": 0.00, "absorption": 0.00, "absorptionComputable": true},
                          {"quarter": 4, "rak": 49875000.00, "realisasi": 0.00, "absorption": 0.00, "absorptionComputable": true}],
             "months": [0.00, 16625000.00, 33250000.00, 16625000.00, 16625000.00, 16625000.00,
                        0.00, 0.00, 0.00, 0.00, 0.00, 0.00],""" + OUTPUT + LINKS;

    static final String SPENDING = """
            {"lineCode": "1.06.04.2.01.0001", "sourceKey": "SP2D-00123", "outcome": "created", "line": """
            + SPENT_SO_FAR + "}";

    static final String SPENDING_AGAIN = """
            {"lineCode": "1.06.04.2.01.0001", "sourceKey": "SP2D-00123", "outcome": "unchanged", "line": """
            + SPENT_SO_FAR + "}";

    /** The year's budget at its end: eleven SP2D, RAK_BODY, OUTPUTS_BODY and the links of LINE_BODY. */
    static final String BUDGET = """
            {"agency": "dinsos-maluku", "year": 2022,
             "lines": [{""" + LINE_IDENTITY + SPENT + """
                        "revision": 14,
                        "paguVersions": [{"version": 1, "kind": "murni", "amount": 199500000.00, "recordedAt": "2022-01-10T01:30:00Z"}],
                        "realisasiKnownBy": "month", "realisasiUndated": 0.00,
                        "quarters": [{"quarter": 1, "rak": 49875000.00, "realisasi": 49875000.00, "absorption": 100.00, "absorptionComputable": true},
                                     {"quarter": 2, "rak": 49875000.00, "realisasi": 49875000.00, "absorption": 100.00, "absorptionComputable": true},
                                     {"quarter": 3, "rak": 49875000.00, "realisasi": 49875000.00, "absorption": 100.00, "absorptionComputable": true},
                                     {"quarter": 4, "rak": 49875000.00, "realisasi": 48843000.00, "absorption": 97.93, "absorptionComputable": true}],
                        "months": [0.00, 16625000.00, 33250000.00, 16625000.00, 16625000.00, 16625000.00,
                                   16625000.00, 16625000.00, 16625000.00, 16625000.00, 16625000.00, 15593000.00],
                        "outputs": [{"kind": "output", "statement": "Jumlah penerima manfaat yang mendapat permakanan",
                                     "targetQuantity": 68.0000, "achievedQuantity": 68.0000, "unit": "orang"},
                                    {"kind": "outcome", "statement": "Persentase penerima manfaat yang terpenuhi kebutuhan dasarnya",
                                     "targetQuantity": 100.0000, "achievedQuantity": 100.0000, "unit": "persen"}],
                        "links": [{"sasaran": "S4", "indicator": "IK4", "statedAbsorption": 98.91}]}],
             "totalPagu": 199500000.00, "totalRealisasi": 198468000.00, "absorption": 99.48, "absorptionComputable": true,
             "totalPaguOriginal": 199500000.00,
             "bySasaran": [{"sasaran": "S4", "lines": ["1.06.04.2.01.0001"], "pagu": 199500000.00, "realisasi": 198468000.00,
                            "absorption": 99.48, "absorptionComputable": true}]}""";

    static final String BATCH_REPORT = """
            {"batchId": "sipd-2022-06-30-001", "kind": "push", "dryRun": false, "duplicateBatch": false,
             "rows": 2, "created": 2, "updated": 0, "unchanged": 0, "rejected": 0,
             "results": [{"section": "lines", "line": null, "index": 0, "key": "26510", "status": "created", "errors": []},
                         {"section": "spending", "line": null, "index": 0, "key": "SP2D-00123", "status": "created", "errors": []}]}""";

    /** CSV_LINES with a second row whose pagu lost its last digits: the row is rejected, the first applies. */
    static final String IMPORT_REPORT = """
            {"batchId": "sipd-export-2022-12-31", "kind": "lines", "dryRun": false, "duplicateBatch": false,
             "rows": 2, "created": 1, "updated": 0, "unchanged": 0, "rejected": 1,
             "results": [{"section": "lines", "line": 3, "index": null, "key": "1.06.04.2.01.0006", "status": "rejected",
                          "errors": [{"field": "pagu", "message": "'Rp. 280.419' is ambiguous: '.' followed by three digits may group thousands or mark decimals; write it with both separators or none"}]}]}""";

    // ---- problems

    static final String BAD_CODE = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "code: '1.06.4.2.1.1' is not an official budget code such as 1.06.02.2.01.0001",
             "errors": [{"field": "code", "message": "'1.06.4.2.1.1' is not an official budget code such as 1.06.02.2.01.0001"}]}""";

    static final String LINE_NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "Budget line '1.06.04.2.01.0009' does not exist"}""";

    static final String YEAR_WITHOUT_LINES = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "Budget of agency 'dinsos-maluku' for year '2031' does not exist"}""";

    static final String RAK_ABOVE_PAGU = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "rak: the cash plan totals 209500000.00, above the pagu 199500000.00",
             "errors": [{"field": "rak", "message": "the cash plan totals 209500000.00, above the pagu 199500000.00"}]}""";

    static final String SPENDING_ABOVE_PAGU = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "amount: spending on 1.06.04.2.01.0001 would total 199968000.00, above its pagu 199500000.00",
             "errors": [{"field": "amount", "message": "spending on 1.06.04.2.01.0001 would total 199968000.00, above its pagu 199500000.00"}]}""";

    static final String BAD_SASARAN = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "links[0].sasaran: must be a sasaran code of the agency's plan, such as S1",
             "errors": [{"field": "links[0].sasaran", "message": "must be a sasaran code of the agency's plan, such as S1"}]}""";

    static final String BAD_OUTPUT_KIND = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "outputs[0].kind: must be output or outcome",
             "errors": [{"field": "outputs[0].kind", "message": "must be output or outcome"}]}""";

    static final String OTHER_AGENCY = """
            {"type": "about:blank", "title": "Forbidden", "status": 403,
             "detail": "the token belongs to agency 'dinkes-maluku', not 'dinsos-maluku'"}""";

    static final String BATCH_TOO_LARGE = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "lines: a batch holds at most 10000 rows; send the rest in another batch or upload a file",
             "errors": [{"field": "lines", "message": "a batch holds at most 10000 rows; send the rest in another batch or upload a file"}]}""";

    static final String MISSING_COLUMN = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "the file lacks required columns: pagu",
             "errors": [{"field": "pagu", "message": "required column is missing (accepted headers: pagu, pagu_anggaran)"}]}""";
}
