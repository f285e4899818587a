package id.go.maluku.sakip.reporting.rest;

/**
 * Examples for the OpenAPI document, shaped as the answers are (OpenApiWalk.clientGaps checks each
 * against its schema, nulls included): figures of the demo agency's 2022 (IK5: target 150,
 * realisasi 300), shortened to one sasaran, indicator and budget line; the others are answers on
 * the demo data (deploy/demo, as DemoLkipTests loads it), shortened to a few items.
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
                 "realisasiLevel": null, "realisasiSource": "Y", "status": "COMPUTED", "capaian": 200.00, "capaianRaw": 200.00,
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

    /** One sasaran of the demo's /performance, one budget line and one indicator kept. */
    static final String SASARAN = """
            {"code": "S4", "name": "Terlayannya, Terlindunginya dan Tersantuninya PMKS Anak, Lanjut Usia Terlantar, Tuna Sosial, Eks Korban NAPZA dan Penyandang Disabilitas melalui Sistem Panti dan Luar Panti",
             "ordinal": 4, "status": "COMPUTED", "capaian": 100.00, "capaianRaw": 100.00, "category": "Sangat Baik",
             "freshness": "2026-12-08T01:35:28.708309Z",
             "lastYear": {"year": 2021, "target": null, "realisasi": null, "status": "NO_REALISASI", "capaian": null,
                          "capaianRaw": null, "category": null, "change": null},
             "budget": {"pagu": 3510947889.00, "realisasi": 3047150460.00, "computable": true, "absorption": 86.79, "reason": null,
                        "lines": [{"code": "1.06.04.2.01.0014", "name": "Penyediaan Permakanan", "programCode": "1.06.04",
                                   "unitCode": "uptd-pssa-huke-ina", "fundingSource": "APBD", "pagu": 1023070000.00,
                                   "realisasi": 1017431039.00, "absorption": 99.45,
                                   "quarters": [{"quarter": 1, "rak": 0, "realisasi": null, "computable": false, "absorption": null},
                                                {"quarter": 2, "rak": 0, "realisasi": null, "computable": false, "absorption": null},
                                                {"quarter": 3, "rak": 0, "realisasi": null, "computable": false, "absorption": null},
                                                {"quarter": 4, "rak": 1023070000.00, "realisasi": null, "computable": false, "absorption": null}]}]},
             "efficiency": {"computable": true, "ratio": 115.22, "efficiency": 13.21, "reason": null},
             "indicators": [{"code": "IK4", "name": "Peningkatan Kualitas Pelayanan, Sarana dan Prasarana Rehabilitasi Kesejahteraan Sosial bagi PMKS",
               "unit": "unit", "polarity": "positive", "iku": false, "targetKind": "number", "target": 3, "targetText": "3",
               "realisasi": 3, "realisasiLevel": null, "realisasiSource": "Y", "status": "COMPUTED", "capaian": 100.00, "capaianRaw": 100.00,
               "category": "Sangat Baik", "reason": null, "weight": 1.0000, "realisasiUpdates": 1,
               "freshness": "2026-12-08T01:35:28.708309Z",
               "lastYear": {"year": 2021, "target": null, "realisasi": 3, "status": "NO_TARGET", "capaian": null,
                            "capaianRaw": null, "category": null, "change": null},
               "renstra": {"startYear": 2019, "endYear": 2024,
                           "years": [{"year": 2021, "kind": "realisasi", "target": null, "realisasi": 3},
                                     {"year": 2022, "kind": "realisasi", "target": 3, "realisasi": 3},
                                     {"year": 2024, "kind": "target", "target": 3, "realisasi": null}],
                           "endTarget": 3, "latestYear": 2022, "latestRealisasi": 3,
                           "progress": {"status": "COMPUTED", "capaian": 100.00, "capaianRaw": 100.00,
                                        "category": "Sangat Baik", "reason": null}}}]}""";

    static final String PROVINCE = """
            {"year": 2022, "averageCapaian": 100.00, "absorption": 89.11, "pagu": 10052661245.00, "realisasi": 8957626239.00,
             "agencies": {"items": [{"agency": "dinsos-maluku", "name": "Dinas Sosial Provinsi Maluku", "status": "COMPUTED",
                                     "capaian": 100.00, "capaianRaw": 100.00, "category": "Sangat Baik", "sasaran": 5,
                                     "pagu": 10052661245.00, "realisasi": 8957626239.00, "absorption": 89.11,
                                     "absorptionComputable": true, "freshness": "2026-12-08T01:35:28.747721Z"}],
                          "page": 0, "size": 20, "total": 1, "pages": 1}}""";

    /** 2021 has targets but no realisasi in the demo: its figures are null. One sasaran kept. */
    static final String TRENDS = """
            {"agency": "dinsos-maluku", "from": 2021, "to": 2022,
             "years": [{"year": 2021, "status": "NO_REALISASI", "capaian": null, "capaianRaw": null, "category": null, "absorption": null},
                       {"year": 2022, "status": "COMPUTED", "capaian": 100.00, "capaianRaw": 100.00, "category": "Sangat Baik",
                        "absorption": 89.11}],
             "sasaran": [{"code": "S1", "name": "Meningkatnya Kualitas Lembaga Penyelenggara Kesejahteraan Sosial",
                          "years": [{"year": 2021, "status": "NO_REALISASI", "capaian": null, "capaianRaw": null,
                                     "category": null, "absorption": null},
                                    {"year": 2022, "status": "COMPUTED", "capaian": 100.00, "capaianRaw": 100.00,
                                     "category": "Sangat Baik", "absorption": null}]}]}""";

    static final String NARRATIVE = """
            {"section": "kesimpulan", "version": 2, "text": "Secara umum capaian kinerja Dinas Sosial tahun 2022 sangat baik.",
             "writtenBy": "rina.planner", "writtenAt": "2026-12-08T01:35:49.912345Z"}""";

    static final String NARRATIVES = """
            [{"section": "landasan-hukum", "version": 1,
              "text": "Dalam rangka melaksanakan tugas penanganan terhadap penyandang masalah kesejahteraan Sosial, Dinas Sosial didasarkan pada payung hukum antara lain:",
              "writtenBy": "admin.provinsi", "writtenAt": "2026-12-08T01:35:49.812345Z"},
             {"section": "kesimpulan", "version": 2, "text": "Secara umum capaian kinerja Dinas Sosial tahun 2022 sangat baik.",
              "writtenBy": "rina.planner", "writtenAt": "2026-12-08T01:35:49.912345Z"}]""";

    /** A figure printed without a unit has none (null). */
    static final String STATED_FIGURES = """
            [{"statedIn": "Tabel 2.2", "indicator": "IK1", "year": 2022, "figure": "target", "stated": "19 Kegiatan", "value": 19,
              "unit": "Kegiatan", "writtenBy": "admin.provinsi", "writtenAt": "2026-12-08T01:35:50.081808Z"},
             {"statedIn": "Tabel 3.1", "indicator": "IK1", "year": 2022, "figure": "target", "stated": "19", "value": 19,
              "unit": null, "writtenBy": "admin.provinsi", "writtenAt": "2026-12-08T01:35:50.323788Z"}]""";

    /** A program's pagu as the report printed it, and the year's realisasi printed 332 rupiah short. */
    static final String STATED_TOTALS = """
            [{"statedIn": "Tabel 3.4", "program": "1.06.06", "figure": "pagu", "stated": "Rp 1.121.009.332",
              "value": 1121009332.00, "writtenBy": "admin.provinsi", "writtenAt": "2026-12-08T01:36:02.114207Z"},
             {"statedIn": "Tabel 3.4", "program": null, "figure": "realisasi", "stated": "Rp 8.957.626.000",
              "value": 8957626000.00, "writtenBy": "admin.provinsi", "writtenAt": "2026-12-08T01:36:02.114207Z"}]""";

    static final String EFFICIENCY_SET = """
            {"sasaran": "S4", "version": 1, "efficiency": 12.5,
             "justification": "Harga satuan turun setelah lelang ulang; sisa anggaran tidak dipakai",
             "writtenBy": "rina.planner", "writtenAt": "2026-12-08T01:40:12.512Z"}""";

    /** A withdrawal is a version without efficiency or justification. */
    static final String EFFICIENCY_WITHDRAWN = """
            {"sasaran": "S4", "version": 2, "efficiency": null, "justification": null,
             "writtenBy": "rina.planner", "writtenAt": "2026-12-08T01:41:03.004Z"}""";

    static final String EFFICIENCY_VERSIONS = "[" + EFFICIENCY_SET + ", " + EFFICIENCY_WITHDRAWN + "]";

    static final String PUBLICATION = """
            {"version": 2, "publishedAt": "2026-12-08T02:10:44.120Z", "publishedBy": "rina.planner",
             "freshness": "2026-12-08T01:35:28.747721Z",
             "checksum": "9f2c4d1e7b3a5c6d8e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f", "supersededByData": null}""";

    static final String PUBLICATIONS = """
            [{"version": 1, "publishedAt": "2026-12-08T02:01:17.406Z", "publishedBy": "rina.planner",
              "freshness": "2026-12-08T01:35:28.747721Z",
              "checksum": "0d4b1c2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f80",
              "supersededByData": {"at": "2026-12-08T02:05:00Z", "by": "biro-organisasi@maluku",
                                   "reason": "Koreksi realisasi IK5 triwulan IV atas temuan Inspektorat", "period": "Y"}},
            """ + PUBLICATION + "]";

    static final String PUBLISHED_IMMUTABLE = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "version 1 of the 2022 LKIP of dinsos-maluku is published and cannot change; publish a new version instead"}""";

    /** The JSON rendering of the LKIP: its first blocks and one table with one row. */
    static final String LKIP_JSON = """
            {"agency": "dinsos-maluku", "agencyName": "Dinas Sosial Provinsi Maluku", "year": 2022, "draft": true,
             "title": "Laporan Kinerja Instansi Pemerintah (LKIP) Dinas Sosial Provinsi Maluku Tahun 2022",
             "blocks": [{"type": "heading", "level": 1, "number": "BAB I", "title": "PENDAHULUAN"},
                        {"type": "paragraph", "text": "Jumlah pegawai 106 orang: Dinas Sosial 68 orang, PSBR Hiti-Hiti Hala-Hala 15 orang, PSTW Ina Kaka 18 orang, PSSA Huke Ina 5 orang."},
                        {"type": "table", "key": "capaian-S1", "number": "3.1",
                         "caption": "Capaian Sasaran \u201cMeningkatnya Kualitas Lembaga Penyelenggara Kesejahteraan Sosial\u201d",
                         "columns": ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)", "Capaian diakui (%)", "Kategori"],
                         "rows": [[{"display": "1"}, {"display": "Meningkatnya Kualitas Jangkauan Pelayanan Kesejahteraan Sosial"},
                                   {"display": "kegiatan"}, {"display": "19", "value": 19.0, "kind": "number"},
                                   {"display": "19", "value": 19.0, "kind": "number"},
                                   {"display": "100,00 %", "value": 100.0, "kind": "percent"},
                                   {"display": "100,00 %", "value": 100.0, "kind": "percent"}, {"display": "Sangat Baik"}]]}]}""";

    static final String BUILD_RUN = """
            {"runId": "5d0f6a1e-2b7c-4e8d-9a3f-1c2b3d4e5f60", "year": 2022, "agencies": 2}""";

    /** A run of two agencies: one built, one failed (no Perjanjian Kinerja), as BuildTests makes them. */
    static final String BUILDS = """
            {"items": [{"id": 12, "runId": "5d0f6a1e-2b7c-4e8d-9a3f-1c2b3d4e5f60", "agency": "dinsos-maluku", "year": 2022,
                        "status": "SUCCEEDED", "startedAt": "2026-12-08T02:00:01.250Z", "durationMs": 4210,
                        "freshness": "2026-12-08T01:35:28.747721Z", "findings": 9, "error": null},
                       {"id": 11, "runId": "5d0f6a1e-2b7c-4e8d-9a3f-1c2b3d4e5f60", "agency": "build-empty", "year": 2022,
                        "status": "FAILED", "startedAt": "2026-12-08T02:00:01.120Z", "durationMs": 35, "freshness": null,
                        "findings": null, "error": "422: build-empty has no Perjanjian Kinerja and no targets for 2022"}],
             "page": 0, "size": 50, "total": 2, "running": null}""";

    /** A rebuild of the demo's topics (one partition each). */
    static final String REBUILD = """
            {"startedAt": "2026-12-08T02:20:00.102Z", "finishedAt": "2026-12-08T02:20:07.881Z", "records": 412, "applied": 405,
             "skippedUnprocessable": 0, "ignored": 7,
             "endOffsets": {"sakip.budget.events-0": 96, "sakip.planning.events-0": 241, "sakip.realization.events-0": 75}}""";
}
