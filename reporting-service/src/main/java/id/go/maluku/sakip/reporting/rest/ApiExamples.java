package id.go.maluku.sakip.reporting.rest;

/**
 * Examples for the OpenAPI document, shaped as the answers are (OpenApiWalk.clientGaps checks each
 * against its schema, nulls included): figures of the demo agency's 2022 (IK5: target 150,
 * realisasi 300), shortened to one sasaran, indicator and budget line.
 */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String PERFORMANCE = """
            {"agency": "dinsos-maluku", "agencyName": "Dinas Sosial Provinsi Maluku", "year": 2022,
             "status": "COMPUTED", "capaian": 200.00, "capaianRaw": 200.00, "category": "Sangat Tinggi",
             "freshness": "2023-01-20T02:15:00Z",
             "policy": {"version": 1, "cap": null, "negativeFormula": "TWO_T_MINUS_R", "zeroTarget": "NOT_COMPUTABLE",
                        "ordinalNotMet": "ZERO", "categoryBasis": "CAPPED", "targetLabels": null},
             "budget": {"pagu": 199500000.00, "realisasi": 159220000.00, "computable": true, "absorption": 79.81,
                        "reason": null, "lines": null},
             "sasaran": [{"code": "S4", "name": "Meningkatnya pelayanan sosial dasar", "ordinal": 4, "status": "COMPUTED",
               "capaian": 200.00, "capaianRaw": 200.00, "category": "Sangat Tinggi", "freshness": "2023-01-20T02:15:00Z",
               "lastYear": null,
               "budget": {"pagu": 199500000.00, "realisasi": 159220000.00, "computable": true, "absorption": 79.81,
                          "reason": null,
                          "lines": [{"code": "1.06.04.2.01.0010", "name": "Pemberian Permakanan", "programCode": "1.06.04",
                                     "unitCode": null, "fundingSource": "APBD", "pagu": 199500000.00,
                                     "realisasi": 159220000.00, "absorption": 79.81,
                                     "quarters": [{"quarter": 1, "rak": null, "realisasi": null, "computable": false, "absorption": null},
                                                  {"quarter": 2, "rak": null, "realisasi": null, "computable": false, "absorption": null},
                                                  {"quarter": 3, "rak": null, "realisasi": null, "computable": false, "absorption": null},
                                                  {"quarter": 4, "rak": null, "realisasi": null, "computable": false, "absorption": null}]}]},
               "efficiency": {"computable": true, "ratio": 250.60, "efficiency": 20.19, "reason": null},
               "indicators": [{"code": "IK5", "name": "Jumlah penerima permakanan", "unit": "orang", "polarity": "positive",
                 "iku": true, "targetKind": "number", "target": 150, "targetText": "150", "realisasi": 300,
                 "realisasiSource": "Y", "status": "COMPUTED", "capaian": 200.00, "capaianRaw": 200.00,
                 "category": "Sangat Tinggi", "reason": null, "weight": null, "realisasiUpdates": 1,
                 "freshness": "2023-01-20T02:15:00Z",
                 "lastYear": {"year": 2021, "target": 140, "realisasi": 150, "status": "COMPUTED", "capaian": 107.14,
                              "capaianRaw": 107.14, "category": "Sangat Tinggi", "change": 92.86},
                 "renstra": {"startYear": 2019, "endYear": 2024,
                             "years": [{"year": 2021, "kind": "realisasi", "target": 140, "realisasi": 150},
                                       {"year": 2022, "kind": "realisasi", "target": 150, "realisasi": 300},
                                       {"year": 2023, "kind": "target", "target": 160, "realisasi": null}],
                             "endTarget": 170, "latestYear": 2022, "latestRealisasi": 300,
                             "progress": {"status": "COMPUTED", "capaian": 176.47, "capaianRaw": 176.47,
                                          "category": "Sangat Tinggi", "reason": null}}}]}]}""";

    static final String ABSORPTION = """
            {"items": [{"key": "1.06.04", "name": "Program Perlindungan dan Jaminan Sosial", "lines": 14,
                        "pagu": 4393509942.00, "realisasi": 3945862218.00, "computable": true, "absorption": 89.81},
                       {"key": "1.06.02", "name": "Program Pemberdayaan Sosial", "lines": 1, "pagu": 0.00,
                        "realisasi": 0.00, "computable": false, "absorption": null}],
             "page": 0, "size": 20, "total": 2, "pages": 1}""";

    static final String REVIEW = """
            [{"rule": "realisasi-above-pagu", "where": "Tabel 3.16, 1.06.04.2.01.0010", "stated": "210.000.000",
              "computed": "pagu 199.500.000", "severity": "ERROR"},
             {"rule": "realisasi-without-target", "where": "Tabel 3.1, IK7", "stated": "12", "computed": "no target",
              "severity": "WARNING"}]""";
}
