package id.go.maluku.sakip.planning.rest;

/**
 * Examples shown in the OpenAPI document (/q/openapi, /q/swagger-ui), taken from the seed
 * agency's plan. Constants, so that annotations can name them and several operations share one.
 * {@code OpenApiExamplesTests} fails when an operation lacks a summary or its examples.
 */
final class ApiExamples {

    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";

    private ApiExamples() {
    }

    // ---- agencies

    static final String NEW_AGENCY = """
            {"code": "dinsos-maluku", "name": "Dinas Sosial Provinsi Maluku"}""";

    static final String AGENCY_BODY = """
            {"name": "Dinas Sosial Provinsi Maluku"}""";

    static final String AGENCY = """
            {"id": "0b0f6a4e-5b7e-4a8e-9a61-3f0f2a1f1a01", "code": "dinsos-maluku",
             "name": "Dinas Sosial Provinsi Maluku", "revision": 1}""";

    static final String AGENCY_PAGE = """
            {"items": [{"id": "0b0f6a4e-5b7e-4a8e-9a61-3f0f2a1f1a01", "code": "dinsos-maluku",
                        "name": "Dinas Sosial Provinsi Maluku", "revision": 1}],
             "page": 0, "size": 20, "total": 1}""";

    // ---- sasaran

    static final String SASARAN_BODY = """
            {"name": "Terlindunginya dan Tertanganinya Korban Bencana, Korban Tindak Kekerasan dan Orang Terlantar",
             "ordinal": 5}""";

    static final String SASARAN = """
            {"id": "1c1f6a4e-5b7e-4a8e-9a61-3f0f2a1f1a02", "code": "S5",
             "name": "Terlindunginya dan Tertanganinya Korban Bencana, Korban Tindak Kekerasan dan Orang Terlantar",
             "ordinal": 5, "revision": 1}""";

    static final String SASARAN_PAGE = """
            {"items": [{"id": "1c1f6a4e-5b7e-4a8e-9a61-3f0f2a1f1a02", "code": "S5",
                        "name": "Terlindunginya dan Tertanganinya Korban Bencana, Korban Tindak Kekerasan dan Orang Terlantar",
                        "ordinal": 5, "revision": 1}],
             "page": 0, "size": 50, "total": 1}""";

    // ---- indicators and targets

    static final String INDICATOR_BODY = """
            {"sasaran": "S5",
             "name": "Tersalurnya Bantuan bagi Korban Bencana, Korban Tindak Kekerasan dan Orang Terlantar",
             "unit": "KK", "polarity": "positive"}""";

    static final String INDICATOR = """
            {"id": "2d2f6a4e-5b7e-4a8e-9a61-3f0f2a1f1a03", "code": "IK5", "sasaran": "S5",
             "name": "Tersalurnya Bantuan bagi Korban Bencana, Korban Tindak Kekerasan dan Orang Terlantar",
             "unit": "KK", "polarity": "positive", "revision": 1,
             "targets": [{"year": 2022, "value": 150, "revision": 1}, {"year": 2023, "value": 175, "revision": 1},
                         {"year": 2024, "value": 200, "revision": 1}]}""";

    static final String INDICATOR_PAGE = """
            {"items": [{"id": "2d2f6a4e-5b7e-4a8e-9a61-3f0f2a1f1a03", "code": "IK5", "sasaran": "S5",
                        "name": "Tersalurnya Bantuan bagi Korban Bencana, Korban Tindak Kekerasan dan Orang Terlantar",
                        "unit": "KK", "polarity": "positive", "revision": 1,
                        "targets": [{"year": 2022, "value": 150, "revision": 1}]}],
             "page": 0, "size": 50, "total": 1}""";

    static final String TARGET_BODY = """
            {"value": 175}""";

    static final String TARGET_RANGE_BODY = """
            {"value": {"low": 80, "high": 90}}""";

    static final String TARGET_LEVEL_BODY = """
            {"value": "B"}""";

    static final String TARGET_NOT_ON_SCALE = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "value: indicator 'IKU2': 'D' is not on the indicator's scale [C, B, A]",
             "errors": [{"field": "value", "message": "indicator 'IKU2': 'D' is not on the indicator's scale [C, B, A]"}]}""";

    static final String TARGET = """
            {"year": 2023, "value": 175, "revision": 1}""";

    // ---- the plan document

    static final String PLAN = """
            {"formatVersion": 1,
             "agency": {"code": "dinsos-maluku", "name": "Dinas Sosial Provinsi Maluku", "province": "maluku"},
             "renstra": {"code": "2019-2024", "startYear": 2019, "endYear": 2024,
                         "tujuan": [{"code": "T3", "text": "Meningkatkan perlindungan dan jaminan sosial", "misi": ["M1"]}]},
             "sasaran": [{"code": "S5", "name": "Terlindunginya dan Tertanganinya Korban Bencana, Korban Tindak Kekerasan dan Orang Terlantar",
                          "ordinal": 5, "tujuan": "T3"}],
             "indicators": [{"code": "IK5", "sasaran": "S5",
                             "name": "Tersalurnya Bantuan bagi Korban Bencana, Korban Tindak Kekerasan dan Orang Terlantar",
                             "unit": "KK", "polarity": "positive", "aggregation": "sum",
                             "targets": {"2022": 150, "2023": 175, "2024": 200}}],
             "perjanjianKinerja": [{"year": 2022, "version": 1, "kind": "original", "signedBy": "GUSNA RIA, S.E., M.M",
                                    "items": [{"sasaran": "S5", "indicator": "IK5", "target": 150}]}],
             "capaianPolicy": {"bands": [{"to": 51, "label": "Sangat Kurang"}, {"from": 51, "to": 66, "label": "Kurang"},
                                         {"from": 66, "to": 76, "label": "Cukup"}, {"from": 76, "to": 91, "label": "Baik"},
                                         {"from": 91, "label": "Sangat Baik"}],
                               "negativeFormula": "TWO_T_MINUS_R", "zeroTarget": "NOT_COMPUTABLE", "ordinalNotMet": "ZERO"}}""";

    static final String IMPORT_REPORT = """
            {"dryRun": false, "counts": {"created": 2, "unchanged": 5, "updated": 1},
             "changes": [{"path": "agency", "action": "unchanged"}, {"path": "renstra", "action": "unchanged"},
                         {"path": "sasaran[0]", "action": "unchanged"}, {"path": "indicators[0]", "action": "unchanged"},
                         {"path": "indicators[0].targets.2022", "action": "unchanged"},
                         {"path": "indicators[0].targets.2023", "action": "updated"},
                         {"path": "indicators[0].targets.2024", "action": "created"},
                         {"path": "perjanjianKinerja[0]", "action": "created"}]}""";

    static final String INVALID_PLAN = """
            {"type": "about:blank", "title": "Invalid plan document", "status": 400,
             "detail": "2 element(s) of the document are rejected; nothing was changed",
             "errors": [{"field": "indicators[0].targets.2031", "message": "2031 is outside the Renstra period 2019-2024"},
                        {"field": "indicators[1].polarity", "message": "required: one of positive, negative, range, ordinal"}]}""";

    static final String UPLOAD_BODY = "XLSX workbook, first sheet:\n"
            + "indicator | year | target\n"
            + "IK5       | 2023 | 175\n"
            + "IK5       | 2024 | 200";

    static final String UPLOAD_REPORT = """
            {"dryRun": false, "rows": 2, "counts": {"updated": 1, "unchanged": 1}}""";

    static final String INVALID_UPLOAD = """
            {"type": "about:blank", "title": "Invalid target sheet", "status": 400,
             "detail": "1 row(s) rejected; nothing was changed",
             "errors": [{"field": "row 3: indicator", "message": "no indicator 'IK9'"}]}""";

    // ---- Perjanjian Kinerja

    static final String PK_BODY = """
            {"kind": "original", "items": [{"sasaran": "S5", "indicator": "IK5", "target": 150}]}""";

    static final String PK = """
            {"id": "5a5f6a4e-5b7e-4a8e-9a61-3f0f2a1f1a05", "year": 2022, "version": 1, "kind": "original", "signed": false, "signedAt": null, "signedBy": null,
             "revision": 1, "items": [{"sasaran": "S5", "indicator": "IK5", "target": 150}]}""";

    static final String PK_SIGNED = """
            {"id": "5a5f6a4e-5b7e-4a8e-9a61-3f0f2a1f1a05", "year": 2022, "version": 1, "kind": "original", "signed": true, "signedAt": "2022-02-01",
             "signedBy": "GUSNA RIA, S.E., M.M", "revision": 2,
             "items": [{"sasaran": "S5", "indicator": "IK5", "target": 150}]}""";

    static final String PK_REVISED = """
            {"id": "5a5f6a4e-5b7e-4a8e-9a61-3f0f2a1f1a06", "year": 2022, "version": 2, "kind": "revised", "signed": false, "signedAt": null, "signedBy": null,
             "revision": 1, "items": [{"sasaran": "S5", "indicator": "IK5", "target": 150}]}""";

    static final String PK_PAGE = """
            {"items": [{"id": "5a5f6a4e-5b7e-4a8e-9a61-3f0f2a1f1a05", "year": 2022, "version": 1, "kind": "original", "signed": true, "signedAt": "2022-02-01",
                        "signedBy": "GUSNA RIA, S.E., M.M", "revision": 2,
                        "items": [{"sasaran": "S5", "indicator": "IK5", "target": 150}]},
                       {"id": "5a5f6a4e-5b7e-4a8e-9a61-3f0f2a1f1a06", "year": 2022, "version": 2, "kind": "revised", "signed": false, "signedAt": null,
                        "signedBy": null, "revision": 1,
                        "items": [{"sasaran": "S5", "indicator": "IK5", "target": 160}]}],
             "page": 0, "size": 20, "total": 2}""";

    static final String PK_YEAR_NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "Perjanjian Kinerja of dinsos-maluku for '2025' does not exist"}""";

    static final String PK_ALREADY_SIGNED = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "version 1 of the 2022 Perjanjian Kinerja is already signed"}""";

    static final String PK_NOT_SIGNED_YET = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "version 2 of 2022 is not signed yet: change it instead"}""";

    static final String SIGN_BODY = """
            {"date": "2022-02-01", "signedBy": "GUSNA RIA, S.E., M.M"}""";

    static final String PK_SIGNED_CONFLICT = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "version 1 of the 2022 Perjanjian Kinerja is signed and cannot change; add a new version instead",
             "errors": [{"field": "version.version", "message": "signed on 2022-02-01"}]}""";

    static final String PK_REMOVE_SIGNED = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "version 1 of the 2022 Perjanjian Kinerja was signed on 2022-02-01 and never changes; start a PK perubahan (POST .../revisions) instead",
             "errors": [{"field": "version", "message": "signed on 2022-02-01"}]}""";

    static final String PK_NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "Perjanjian Kinerja 2022 version '3' does not exist"}""";

    // ---- capaian policy and personnel

    static final String POLICY = """
            {"bands": [{"to": 51, "label": "Sangat Kurang"}, {"from": 51, "to": 66, "label": "Kurang"},
                       {"from": 66, "to": 76, "label": "Cukup"}, {"from": 76, "to": 91, "label": "Baik"},
                       {"from": 91, "label": "Sangat Baik"}],
             "cap": 110, "negativeFormula": "TWO_T_MINUS_R", "zeroTarget": "NOT_COMPUTABLE", "ordinalNotMet": "ZERO",
             "categoryBasis": "TARGET",
             "targetLabels": {"below": "Tidak Tercapai", "met": "Tercapai", "exceeded": "Terlampaui"}}""";

    static final String POLICY_RESULT = """
            {"result": "updated"}""";

    static final String INVALID_BANDS = """
            {"type": "about:blank", "title": "Invalid rating scale", "status": 400,
             "detail": "bands[2].from: gap between 66 and 70",
             "errors": [{"field": "bands[2].from", "message": "gap between 66 and 70"}]}""";

    static final String PERSONNEL_PAGE = """
            {"items": [{"title": "Jumlah Pegawai Berdasarkan Golongan di Perangkat Daerah Tahun 2021", "unit": null,
                        "asOf": "2021-12-31", "columns": ["L", "P"],
                        "rows": [{"label": "Golongan II", "counts": [7, 8], "statedTotal": 15}],
                        "rowTotals": {"Golongan II": 15}, "columnTotals": {"L": 7, "P": 8}, "total": 15,
                        "statedTotal": 15, "mismatches": []}],
             "page": 0, "size": 20, "total": 1}""";

    // ---- problems shared by several operations

    static final String BAD_PAGE = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "size: must be less than or equal to 200",
             "errors": [{"field": "size", "message": "must be less than or equal to 200"}]}""";

    static final String AGENCY_NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "agency 'dinsos-maluku' does not exist"}""";

    static final String AGENCY_CONFLICT = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "agency 'dinsos-maluku' already exists"}""";

    static final String INVALID_NAME = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "name: must not be blank",
             "errors": [{"field": "name", "message": "must not be blank"}]}""";

    static final String SASARAN_NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "sasaran 'S9' does not exist"}""";

    static final String SASARAN_IN_USE = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "sasaran 'S5' is still measured by indicator(s) IK5, IKU5; remove them or move them to another sasaran first",
             "errors": [{"field": "indicators/IK5", "message": "measures sasaran 'S5'"},
                        {"field": "indicators/IKU5", "message": "measures sasaran 'S5'"}]}""";

    static final String INDICATOR_NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "indicator 'IK9' does not exist"}""";

    static final String INVALID_INDICATOR = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "polarity: not a valid value; expected one of positive, negative, range, ordinal",
             "errors": [{"field": "polarity", "message": "not a valid value; expected one of positive, negative, range, ordinal"}]}""";

    static final String INDICATOR_IN_SIGNED_PK = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "indicator 'IK5' is in the signed Perjanjian Kinerja 2022 version 1 (signed) of agency 'dinsos-maluku' and cannot be removed",
             "errors": [{"field": "perjanjian-kinerja/2022/versions/1",
                         "message": "signed on 2022-02-01: a signed Perjanjian Kinerja never changes"}]}""";

    static final String INVALID_TARGET = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "year: 2031 is outside the Renstra period 2019-2024",
             "errors": [{"field": "year", "message": "2031 is outside the Renstra period 2019-2024"}]}""";

    static final String BAD_YEAR = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "year: must be less than or equal to 2100",
             "errors": [{"field": "year", "message": "must be less than or equal to 2100"}]}""";

    static final String TARGET_NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "target of indicator 'IK5' for '2031' does not exist"}""";

    static final String POLICY_NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "capaian policy of agency 'dinsos-maluku' does not exist"}""";
}
