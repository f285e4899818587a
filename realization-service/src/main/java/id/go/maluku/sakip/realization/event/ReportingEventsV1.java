package id.go.maluku.sakip.realization.event;

/**
 * What realization reads from {@code sakip.reporting.events}, copied from reporting-service
 * rather than shared; the sample in {@code docs/events/} keeps both sides honest.
 */
public final class ReportingEventsV1 {

    /** An LKIP was published: its year's periods lock (domain.md: the report must not change under it). */
    public static final String LKIP_PUBLISHED = "sakip.reporting.lkip.published.v1";

    private ReportingEventsV1() {
    }

    /** publishedAt: ISO-8601 with offset. */
    public record LkipPublished(String publicationId, String agencyCode, int year, int version, String publishedBy,
                                String publishedAt) {
    }
}
