package id.go.maluku.sakip.realization.event;

import java.math.BigDecimal;

/**
 * What realization-service publishes on {@code sakip.realization.events}, keyed by indicator id
 * so that one indicator's values stay in order. Samples: {@code docs/events/}.
 */
public final class RealizationEvents {

    public static final String REALISASI_RECORDED = "sakip.realization.realisasi.recorded.v1";

    private RealizationEvents() {
    }

    public record RealisasiRecordedV1(String realisasiId, String indicatorId, String agencyCode, String indicatorCode,
                                      int year, String period, BigDecimal value, long revision) {
    }
}
