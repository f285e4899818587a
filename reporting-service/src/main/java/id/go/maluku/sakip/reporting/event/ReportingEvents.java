package id.go.maluku.sakip.reporting.event;

/**
 * What reporting-service publishes on {@code sakip.reporting.events} (its outbox), keyed by
 * agency/year so that one year's publications stay in order. Samples: {@code docs/events/}.
 */
public final class ReportingEvents {

    /** An LKIP version was published; realization locks its year. */
    public static final String LKIP_PUBLISHED = "sakip.reporting.lkip.published.v1";

    private ReportingEvents() {
    }

    /** publicationId: the publication's id in reporting; publishedAt: ISO-8601 with offset. */
    public record LkipPublishedV1(String publicationId, String agencyCode, int year, int version, String publishedBy,
                                  String publishedAt, String checksum) {
    }
}
