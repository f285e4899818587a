package id.go.maluku.sakip.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.platform.outbox.OutboxWriter;
import id.go.maluku.sakip.reporting.event.ReportingEvents;
import id.go.maluku.sakip.reporting.lkip.Html;
import id.go.maluku.sakip.reporting.lkip.Json;
import id.go.maluku.sakip.reporting.lkip.LkipAssembler;
import id.go.maluku.sakip.reporting.lkip.LkipReport;
import id.go.maluku.sakip.reporting.lkip.Pdf;
import id.go.maluku.sakip.reporting.lkip.Xlsx;
import id.go.maluku.sakip.reporting.readmodel.IndicatorResult;
import id.go.maluku.sakip.reporting.readmodel.LkipPublication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

/**
 * Publishing: the final report (no findings annex) is rendered once in every format and stored
 * with its checksum and data freshness. A published version never changes; publishing again
 * makes the next version, and the earlier ones stay as they were. Publishing writes
 * lkip.published.v1 in the same transaction (realization locks the year); an unlock there
 * afterwards marks the publication as superseded by data, never changes what it says.
 */
@ApplicationScoped
@Transactional
public class PublicationService {

    // freshness: null when none of the report's results carries one; supersededByData: null while
    // the data are as published
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PublicationSummary",
            requiredProperties = {"version", "publishedAt", "publishedBy", "freshness", "checksum", "supersededByData"})
    public record Summary(int version, OffsetDateTime publishedAt, String publishedBy,
                          @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) OffsetDateTime freshness,
                          String checksum,
                          @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true, description =
                                  "Set once realization-service reopened a period of the year after this version was "
                                  + "published: the data may since differ from the report, which stays as published. "
                                  + "Null while the data are as published.") SupersededByData supersededByData) {
        static Summary of(LkipPublication p) {
            return new Summary(p.version, p.publishedAt, p.publishedBy, p.freshness, p.checksum,
                    p.supersededAt == null ? null
                            : new SupersededByData(p.supersededAt, p.supersededBy, p.supersededReason, p.supersededPeriod));
        }
    }

    /** The unlock in realization that superseded a publication: when, by whom, why, which period. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(requiredProperties = {"at", "by", "reason", "period"})
    public record SupersededByData(
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "When the period was reopened",
                    example = "2023-05-02T03:00:00Z") OffsetDateTime at,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Who reopened it", maxLength = 200,
                    example = "biro-organisasi@maluku") String by,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The reason of the unlock",
                    maxLength = 2000, example = "Koreksi realisasi IK5 triwulan IV atas temuan Inspektorat") String reason,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The period reopened: Y, Q1..Q4 or M01..M12",
                    maxLength = 8, example = "Y") String period) {
    }

    @Inject
    LkipService lkip;

    @Inject
    ObjectMapper mapper;

    @Inject
    OutboxWriter outbox;

    @Inject
    EntityManager em;

    public Summary publish(String agencyCode, int year, String user) throws Exception {
        LkipReport report = LkipAssembler.assemble(lkip.gather(agencyCode, year, false).data());
        String json = mapper.writeValueAsString(Json.of(report));
        LkipPublication latest = LkipPublication.find("agencyCode = ?1 and year = ?2 order by version desc",
                agencyCode, year).firstResult();
        LkipPublication p = new LkipPublication();
        p.agencyCode = agencyCode;
        p.year = year;
        p.version = latest == null ? 1 : latest.version + 1;
        p.publishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        p.publishedBy = user;
        p.freshness = IndicatorResult.<IndicatorResult>list("agencyCode = ?1 and year = ?2", agencyCode, year).stream()
                .map(r -> r.freshness).filter(f -> f != null).max(OffsetDateTime::compareTo).orElse(null);
        p.json = json;
        p.checksum = sha256(json.getBytes(StandardCharsets.UTF_8));
        p.html = Html.render(report);
        p.pdf = Pdf.render(report);
        p.xlsx = Xlsx.render(report);
        p.persist();
        // in the publication's transaction: realization locks the year if and only if it is published
        outbox.publish("lkip-publication", agencyCode + "/" + year, ReportingEvents.LKIP_PUBLISHED,
                new ReportingEvents.LkipPublishedV1(String.valueOf(p.id), agencyCode, year, p.version, user,
                        p.publishedAt.toString(), p.checksum));
        return Summary.of(p);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Summary> list(String agencyCode, int year) {
        return LkipPublication.<LkipPublication>list("agencyCode = ?1 and year = ?2 order by version", agencyCode, year)
                .stream().map(Summary::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LkipPublication get(String agencyCode, int year, int version) {
        return LkipPublication.<LkipPublication>find("agencyCode = ?1 and year = ?2 and version = ?3", agencyCode, year, version)
                .firstResultOptional()
                .orElseThrow(() -> ApiProblem.notFound("published LKIP " + agencyCode + " " + year + " version", String.valueOf(version)));
    }

    /**
     * realization reopened a period of the year (period.unlocked.v1): the year's publications up to
     * the version that had locked it, not superseded yet, say so from now on. Deterministic, so a
     * redelivered or replayed unlock changes nothing; a later version, published after the unlock,
     * stays current. Returns how many publications it marked.
     */
    public int supersede(String agencyCode, int year, int upToVersion, OffsetDateTime at, String by, String reason,
                         String period) {
        // a statement of its own: the entity is immutable for Hibernate, as its content is
        return em.createNativeQuery("update lkip_publication set superseded_at = ?1, superseded_by = ?2, "
                        + "superseded_reason = ?3, superseded_period = ?4 "
                        + "where agency_code = ?5 and year = ?6 and version <= ?7 and superseded_at is null")
                .setParameter(1, at).setParameter(2, by).setParameter(3, reason).setParameter(4, period)
                .setParameter(5, agencyCode).setParameter(6, year).setParameter(7, upToVersion)
                .executeUpdate();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
