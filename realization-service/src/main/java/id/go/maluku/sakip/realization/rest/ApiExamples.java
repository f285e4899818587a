package id.go.maluku.sakip.realization.rest;

import id.go.maluku.sakip.platform.error.ProblemMappers;
import jakarta.ws.rs.core.MediaType;

/**
 * Examples shown in the OpenAPI document (/q/openapi, /q/swagger-ui): the Dinas Sosial's indicator
 * IK5 (Tersalurnya Bantuan bagi Korban Bencana, Korban Tindak Kekerasan dan Orang Terlantar, in KK),
 * fiscal year 2022: 300 KK against a target of 150. Answers are the service's own output for these
 * requests, ids and times aside. Constants, so that annotations can name them and several
 * operations share one. {@code OpenApiDocumentTests} fails when an operation lacks a summary, a
 * request body an example, or an operation an example of its success and of a 4xx problem.
 */
final class ApiExamples {

    static final String JSON = MediaType.APPLICATION_JSON;
    static final String PROBLEM = ProblemMappers.PROBLEM_JSON;

    private ApiExamples() {
    }

    // ---- realisasi

    static final String REALISASI_BODY = """
            {"value": 300, "statedIn": "Tabel 3.9", "explanation": "Bantuan tersalur ke 300 KK korban bencana",
             "supportingFactors": "Data DTKS mutakhir", "hinderingFactors": "Akses ke pulau terluar",
             "followUp": "Koordinasi dengan BPBD"}""";

    static final String ORDINAL_BODY = """
            {"value": "BB", "statedIn": "Tabel 3.2"}""";

    static final String QUARTER_BODY = """
            {"value": 40, "statedIn": "Laporan Triwulan I"}""";

    /** REALISASI_BODY as stored: everything but the workflow. */
    private static final String YEAR = """
            "id": "4b3c7d2f-9e5a-4f8b-a2d0-6c1e8f3b5a27", "indicator": "IK5", "year": 2022, "period": "Y", "value": 300,
             "statedIn": "Tabel 3.9", "explanation": "Bantuan tersalur ke 300 KK korban bencana",
             "supportingFactors": "Data DTKS mutakhir", "hinderingFactors": "Akses ke pulau terluar",
             "followUp": "Koordinasi dengan BPBD", "indicatorRemoved": false,""";

    static final String REALISASI = "{" + YEAR + """
             "status": "draft", "statusNote": null, "revision": 1, "updatedAt": "2023-01-16T02:15:00Z",
             "updatedBy": "operator@dinsos", "otherStatements": null}""";

    static final String REALISASI_REPLACED = "{" + YEAR + """
             "status": "draft", "statusNote": null, "revision": 2, "updatedAt": "2023-01-17T01:40:00Z",
             "updatedBy": "operator@dinsos", "otherStatements": null}""";

    static final String STATEMENT = """
            {"value": 3, "statedIn": "Tabel 3.10", "note": "the narrative of BAB III states 3",
             "recordedBy": "operator@dinsos", "recordedAt": "2023-01-16T02:20:00Z"}""";

    /** A read shows the other statements of the value. */
    static final String REALISASI_READ = "{" + YEAR + """
             "status": "draft", "statusNote": null, "revision": 1, "updatedAt": "2023-01-16T02:15:00Z",
             "updatedBy": "operator@dinsos", "otherStatements": [""" + STATEMENT + "]}";

    static final String SUBMITTED = "{" + YEAR + """
             "status": "submitted", "statusNote": null, "revision": 2, "updatedAt": "2023-01-18T01:00:00Z",
             "updatedBy": "operator@dinsos", "otherStatements": null}""";

    static final String VERIFIED = "{" + YEAR + """
             "status": "verified", "statusNote": null, "revision": 3, "updatedAt": "2023-01-20T03:30:00Z",
             "updatedBy": "auditor@inspektorat", "otherStatements": null}""";

    static final String RETURNED = "{" + YEAR + """
             "status": "returned", "statusNote": "Lampirkan daftar penerima bantuan per kabupaten", "revision": 3,
             "updatedAt": "2023-01-20T03:30:00Z", "updatedBy": "auditor@inspektorat", "otherStatements": null}""";

    /** QUARTER_BODY as stored, but for its revision. */
    private static final String QUARTER = """
            {"id": "4b3c7d2f-9e5a-4f8b-a2d0-6c1e8f3b5a21", "indicator": "IK5", "year": 2022, "period": "Q1", "value": 40,
             "status": "draft", "statusNote": null, "statedIn": "Laporan Triwulan I", "explanation": null,
             "supportingFactors": null, "hinderingFactors": null, "followUp": null, "updatedBy": "operator@dinsos",
             "indicatorRemoved": false,""";

    static final String QUARTER_RECORDED = QUARTER + """
             "revision": 1, "updatedAt": "2022-04-08T03:00:00Z", "otherStatements": null}""";

    static final String QUARTER_REPLACED = QUARTER + """
             "revision": 2, "updatedAt": "2022-04-11T02:00:00Z", "otherStatements": null}""";

    static final String QUARTER_READ = QUARTER + """
             "revision": 1, "updatedAt": "2022-04-08T03:00:00Z", "otherStatements": []}""";

    static final String REALISASI_LIST = "[" + QUARTER_RECORDED + ", " + REALISASI + "]";

    // ---- evidence

    /** A file's bytes, shown in the document as the start of a PDF. */
    static final String PDF = "%PDF-1.7 ...";

    static final String EVIDENCE_LINK = """
            {"id": "9a1d5e3b-7c2f-4e6a-8b0d-2f4c6e8a1b31", "kind": "link", "fileName": null, "contentType": null,
             "sizeBytes": null, "sha256": null, "url": "https://dinsos.malukuprov.go.id/laporan/bantuan-2022.pdf",
             "text": null, "createdBy": "operator@dinsos", "createdAt": "2023-01-16T02:30:00Z"}""";

    static final String EVIDENCE_FILE = """
            {"id": "9a1d5e3b-7c2f-4e6a-8b0d-2f4c6e8a1b33", "kind": "file", "fileName": "berita-acara.pdf",
             "contentType": "application/pdf", "sizeBytes": 1037,
             "sha256": "61fef8bd87580da2da114675cf06c335e5a03edd1b66262bb93f3025ae38857b", "url": null, "text": null,
             "createdBy": "operator@dinsos", "createdAt": "2023-01-16T02:34:00Z"}""";

    static final String EVIDENCE_LIST = "[" + EVIDENCE_LINK + ", " + EVIDENCE_FILE + "]";

    // ---- period locks

    static final String LOCK = """
            {"year": 2022, "period": "Q4", "deadline": "2023-01-31", "locked": true, "createdBy": "admin.provinsi",
             "createdAt": "2023-01-02T01:00:00Z", "unlockedBy": null, "unlockedAt": null, "unlockReason": null,
             "publicationVersion": null}""";

    static final String UNLOCKED = """
            {"year": 2022, "period": "Q4", "deadline": "2023-01-31", "locked": false, "createdBy": "admin.provinsi",
             "createdAt": "2023-01-02T01:00:00Z", "unlockedBy": "admin.provinsi", "unlockedAt": "2023-02-14T02:00:00Z",
             "unlockReason": "Koreksi data realisasi triwulan IV atas temuan Inspektorat", "publicationVersion": null}""";

    /** The year locked by the publication of its LKIP (version 1). */
    static final String PUBLISHED_YEAR_LOCK = """
            {"year": 2022, "period": "Y", "deadline": "2023-03-30", "locked": true, "createdBy": "rina.planner",
             "createdAt": "2023-03-31T02:00:00Z", "unlockedBy": null, "unlockedAt": null, "unlockReason": null,
             "publicationVersion": 1}""";

    static final String LOCKS = "[" + UNLOCKED + ", " + PUBLISHED_YEAR_LOCK + "]";

    // ---- monitoring, audit, import

    static final String MONITORING = """
            {"agency": "dinsos-maluku", "year": 2022, "aggregation": "sum",
             "indicators": [{"sasaran": "S5", "indicator": "IK5",
                             "name": "Tersalurnya Bantuan bagi Korban Bencana, Korban Tindak Kekerasan dan Orang Terlantar",
                             "unit": "KK", "polarity": "positive", "valueScale": "numeric", "levels": null,
                             "aggregation": "sum", "endOfPeriodYear": 2024, "endOfPeriodTarget": 200,
                             "realisasiUpToLastYear": 317, "thisYearTarget": 150,
                             "realisasiPerQuarter": {"q1": 40, "q2": 85, "q3": 100, "q4": 75}, "thisYearTotal": 300,
                             "cumulative": 617, "cumulativePercentOfEndTarget": 308.50}]}""";

    /** The narrative of REALISASI_BODY as the audit keeps it. */
    private static final String NARRATIVE = """
            "value": 300, "statedIn": "Tabel 3.9", "explanation": "Bantuan tersalur ke 300 KK korban bencana",
             "supportingFactors": "Data DTKS mutakhir", "hinderingFactors": "Akses ke pulau terluar",
             "followUp": "Koordinasi dengan BPBD",""";

    static final String AUDIT = """
            [{"id": 8, "at": "2023-01-16T02:15:00Z", "actor": "operator@dinsos", "indicator": "IK5", "year": 2022,
              "period": "Y", "subject": "realisasi", "subjectId": "4b3c7d2f-9e5a-4f8b-a2d0-6c1e8f3b5a27",
              "action": "created", "oldValue": null,
              "newValue": {""" + NARRATIVE + """
             "status": "draft", "statusNote": null, "revision": 1}, "reason": null},
             {"id": 13, "at": "2023-01-20T03:30:00Z", "actor": "auditor@inspektorat", "indicator": "IK5", "year": 2022,
              "period": "Y", "subject": "realisasi", "subjectId": "4b3c7d2f-9e5a-4f8b-a2d0-6c1e8f3b5a27",
              "action": "returned",
              "oldValue": {""" + NARRATIVE + """
             "status": "submitted", "statusNote": null, "revision": 2},
              "newValue": {""" + NARRATIVE + """
             "status": "returned", "statusNote": "Lampirkan daftar penerima bantuan per kabupaten", "revision": 3},
              "reason": "Lampirkan daftar penerima bantuan per kabupaten"}]""";

    static final String IMPORT_REPORT = """
            {"dryRun": false, "received": 2, "created": 2, "updated": 0, "unchanged": 0, "rejected": 0, "rejections": []}""";

    static final String IMPORT_REJECTED = """
            {"dryRun": false, "received": 4, "created": 3, "updated": 0, "unchanged": 0, "rejected": 1,
             "rejections": [{"row": 4, "indicator": "IK9", "field": "indicator", "message": "indicator 'IK9' does not exist"}]}""";

    // ---- problems

    static final String INDICATOR_NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404, "detail": "indicator 'IK9' does not exist",
             "errors": [{"field": "indicator", "message": "indicator 'IK9' does not exist"}]}""";

    static final String REALISASI_NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "realisasi 2023/Y of indicator 'IK5' does not exist",
             "errors": [{"field": "realisasi", "message": "realisasi 2023/Y of indicator 'IK5' does not exist"}]}""";

    /** A statement of a period whose value is not recorded: there is nothing to state it beside. */
    static final String STATEMENT_WITHOUT_REALISASI = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "realisasi 2022/Q1 of indicator 'IK3' does not exist: record the value first, then the other statements of it",
             "errors": [{"field": "realisasi", "message": "realisasi 2022/Q1 of indicator 'IK3' does not exist: record the value first, then the other statements of it"}]}""";

    static final String BAD_PERIOD = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "period: 'Q5' is not a period; expected Y, Q1..Q4 or M01..M12",
             "errors": [{"field": "period", "message": "'Q5' is not a period; expected Y, Q1..Q4 or M01..M12"}]}""";

    static final String PERIOD_LOCKED = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "period: the period 2022/Q4 of agency 'dinsos-maluku' is locked; unlock it with a reason before changing it",
             "errors": [{"field": "period", "message": "the period 2022/Q4 of agency 'dinsos-maluku' is locked; unlock it with a reason before changing it"}]}""";

    static final String VERIFIED_UNCHANGEABLE = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "status: a verified realisasi cannot be changed; it must be returned first",
             "errors": [{"field": "status", "message": "a verified realisasi cannot be changed; it must be returned first"}]}""";

    static final String ALREADY_SUBMITTED = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "status: a submitted realisasi cannot be submitted",
             "errors": [{"field": "status", "message": "a submitted realisasi cannot be submitted"}]}""";

    static final String DRAFT_NOT_VERIFIABLE = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "status: a draft realisasi cannot be verified",
             "errors": [{"field": "status", "message": "a draft realisasi cannot be verified"}]}""";

    static final String NOTE_REQUIRED = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "note: a return needs a note saying what to correct",
             "errors": [{"field": "note", "message": "a return needs a note saying what to correct"}]}""";

    static final String OTHER_AGENCY = """
            {"type": "about:blank", "title": "Forbidden", "status": 403,
             "detail": "the token belongs to agency 'dinkes-maluku', not 'dinsos-maluku'"}""";

    static final String BAD_URL = """
            {"type": "about:blank", "title": "Invalid request", "status": 400, "detail": "url: must be an http(s) URL",
             "errors": [{"field": "url", "message": "must be an http(s) URL"}]}""";

    static final String TYPE_REFUSED = """
            {"type": "about:blank", "title": "Unsupported media type", "status": 415,
             "detail": "contentType: type 'application/x-msdownload' is not taken as evidence; allowed: [application/pdf, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/vnd.openxmlformats-officedocument.wordprocessingml.document, image/jpeg, image/png, text/csv, text/plain]",
             "errors": [{"field": "contentType", "message": "type 'application/x-msdownload' is not taken as evidence; allowed: [application/pdf, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/vnd.openxmlformats-officedocument.wordprocessingml.document, image/jpeg, image/png, text/csv, text/plain]"}]}""";

    static final String EVIDENCE_NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "evidence file '9a1d5e3b-7c2f-4e6a-8b0d-2f4c6e8a1b39' does not exist",
             "errors": [{"field": "evidence", "message": "evidence file '9a1d5e3b-7c2f-4e6a-8b0d-2f4c6e8a1b39' does not exist"}]}""";

    static final String STILL_LOCKED = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "deadline: the period is locked; unlock it with a reason to reopen it",
             "errors": [{"field": "deadline", "message": "the period is locked; unlock it with a reason to reopen it"}]}""";

    static final String REASON_REQUIRED = """
            {"type": "about:blank", "title": "Invalid request", "status": 400, "detail": "reason: an unlock needs a reason",
             "errors": [{"field": "reason", "message": "an unlock needs a reason"}]}""";

    static final String NOT_LOCKED = """
            {"type": "about:blank", "title": "Conflict", "status": 409, "detail": "period: the period 2022/Q4 is not locked",
             "errors": [{"field": "period", "message": "the period 2022/Q4 is not locked"}]}""";

    static final String BAD_AGGREGATION = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "aggregation: 'median' is not one of sum, last, average, max",
             "errors": [{"field": "aggregation", "message": "'median' is not one of sum, last, average, max"}]}""";

    static final String AGENCY_NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404, "detail": "agency 'dinsos-malut' does not exist",
             "errors": [{"field": "agency", "message": "agency 'dinsos-malut' does not exist"}]}""";

    static final String NO_ROWS = """
            {"type": "about:blank", "title": "Invalid request", "status": 400, "detail": "rows: required",
             "errors": [{"field": "rows", "message": "required"}]}""";

    static final String OWN_FIGURES = """
            {"type": "about:blank", "title": "Forbidden", "status": 403,
             "detail": "separation of duties: budi recorded or last changed this realisasi and may not verify or return it; another verifier must",
             "errors": [{"field": "separationOfDuties", "message": "the recorder may not verify or return"}]}""";
}
