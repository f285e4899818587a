package id.go.maluku.sakip.realization.service;

import id.go.maluku.sakip.realization.domain.AgencyRef;
import id.go.maluku.sakip.realization.domain.Period;
import id.go.maluku.sakip.realization.domain.RuleViolation;
import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.platform.upload.UploadLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk import of realisasi (history of past years, or a quarter at once). Each row is an
 * idempotent upsert through the same rules as a single PUT: a row equal to what is stored
 * changes nothing and publishes nothing. Rows that break a rule are reported with their row
 * number and field and the others are applied (DHIS2's behaviour); a dry run checks every row
 * the same way and then rolls everything back.
 */
@ApplicationScoped
public class ImportService {

    /**
     * One row as read from JSON or XLSX; number is the row's position in the source (1-based). An
     * XLSX row may carry the first cell that could not be read (a number out of range, a text too
     * long), which rejects the row.
     */
    public record Row(int number, String indicator, Integer year, String period, Object value, String statedIn,
                      String explanation, String supportingFactors, String hinderingFactors, String followUp,
                      CellProblem unreadable) {

        public Row(int number, String indicator, Integer year, String period, Object value, String statedIn,
                   String explanation, String supportingFactors, String hinderingFactors, String followUp) {
            this(number, indicator, year, period, value, statedIn, explanation, supportingFactors, hinderingFactors,
                    followUp, null);
        }
    }

    /** A cell of an uploaded sheet no field can take: its column and why. */
    public record CellProblem(String field, String message) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RealisasiImportRejection", requiredProperties = {"row", "indicator", "field", "message"})
    public record Rejection(int row,
                            @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true,
                                    description = "null when the row names none") String indicator,
                            String field, String message) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RealisasiImportReport", requiredProperties = {"dryRun", "received", "created",
            "updated", "unchanged", "rejected", "rejections"})
    public record Report(boolean dryRun, int received, int created, int updated, int unchanged, int rejected,
                         List<Rejection> rejections) {
    }

    @Inject
    RealisasiService realisasi;

    @Inject
    TransactionManager transactions;

    @Inject
    UploadLimits limits;

    @Transactional
    public Report run(String agencyCode, List<Row> rows, boolean dryRun) throws Exception {
        AgencyRef.findByCode(agencyCode).orElseThrow(() -> ApiProblem.notFound("agency", agencyCode));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int rejected = 0;
        List<Rejection> rejections = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : rows) {
            try {
                if (row.unreadable() != null) {
                    throw RuleViolation.invalid(row.unreadable().field(), row.unreadable().message());
                }
                String key = row.indicator() + "/" + row.year() + "/" + (row.period() == null ? "Y"
                        : Period.parse(row.period()).code());
                Integer first = seen.putIfAbsent(key, row.number());
                if (first != null) {
                    throw RuleViolation.invalid("row", "the same realisasi as row " + first);
                }
                if (row.indicator() == null || row.indicator().isBlank()) {
                    throw RuleViolation.invalid("indicator", "required");
                }
                RealisasiService.Recorded recorded = realisasi.record(agencyCode, row.indicator(), row.year(),
                        row.period() == null ? "Y" : row.period(), new RealisasiService.Input(row.value(), row.statedIn(),
                                row.explanation(), row.supportingFactors(), row.hinderingFactors(), row.followUp()));
                switch (recorded.outcome()) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            } catch (RuleViolation e) {
                rejected++;
                reject(rejections, new Rejection(row.number(), row.indicator(), e.field(), e.getMessage()));
            } catch (ApiProblem e) {
                rejected++;
                String field = e.errors().isEmpty() ? (e.status() == 404 ? "indicator" : "row") : e.errors().get(0).field();
                reject(rejections, new Rejection(row.number(), row.indicator(), field, e.getMessage()));
            }
        }
        if (dryRun) {
            // Everything was checked as for real; nothing is kept, no event leaves the outbox.
            transactions.setRollbackOnly();
        }
        return new Report(dryRun, rows.size(), created, updated, unchanged, rejected, rejections);
    }

    /** The report lists the first rejected rows only (a junk sheet made a report of tens of MB); the count is whole. */
    private void reject(List<Rejection> rejections, Rejection rejection) {
        if (rejections.size() < limits.maxReportedRows()) {
            rejections.add(rejection);
        }
    }
}
