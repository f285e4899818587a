package id.go.maluku.sakip.realization.event;

import java.math.BigDecimal;

/**
 * What realization-service publishes on {@code sakip.realization.events}, keyed by indicator id
 * so that one indicator's values stay in order. Samples: {@code docs/events/}.
 */
public final class RealizationEvents {

    /** A value was recorded or changed. Shape fixed: reporting-service reads it. */
    public static final String REALISASI_RECORDED = "sakip.realization.realisasi.recorded.v1";
    /** The workflow moved (submitted, verified, returned) or a period lock closed or reopened it. */
    public static final String STATUS_CHANGED = "sakip.realization.realisasi.status.changed.v1";
    /** Another statement of a realisasi by a source document; it never changes the value that counts. */
    public static final String STATEMENT_RECORDED = "sakip.realization.realisasi.statement.recorded.v1";
    /**
     * A locked period was reopened with a reason; keyed by agency/year. reporting marks the year's
     * publications up to publicationVersion as superseded by data.
     */
    public static final String PERIOD_UNLOCKED = "sakip.realization.period.unlocked.v1";

    private RealizationEvents() {
    }

    public record RealisasiRecordedV1(String realisasiId, String indicatorId, String agencyCode, String indicatorCode,
                                      int year, String period, BigDecimal value, long revision) {
    }

    /**
     * status and previousStatus: draft, submitted, verified, returned, locked. note: the
     * verifier's note of a return, or the reason of an unlock. revision: the realisasi's revision
     * after the change (shared with realisasi.recorded.v1, so one indicator's events order).
     */
    /** value is numeric (an ordinal's rank), valueText the ordinal's level; revision: when it was recorded, in ms. */
    public record StatementRecordedV1(String statementId, String indicatorId, String agencyCode, String indicatorCode,
                                      int year, String period, java.math.BigDecimal value, String valueText,
                                      String statedIn, String note, long revision) {
    }

    public record StatusChangedV1(String realisasiId, String indicatorId, String agencyCode, String indicatorCode,
                                  int year, String period, String status, String previousStatus, String note,
                                  String changedBy, long revision) {
    }

    /**
     * period: Y, Q1..Q4, M01..M12. unlockedAt: ISO-8601 with offset. publicationVersion: the
     * version of the published LKIP that had locked the period, null for a lock set by hand.
     */
    public record PeriodUnlockedV1(String lockId, String agencyCode, int year, String period, String reason,
                                   String unlockedBy, String unlockedAt, Integer publicationVersion) {
    }
}
