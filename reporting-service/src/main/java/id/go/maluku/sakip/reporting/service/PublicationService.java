package id.go.maluku.sakip.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.platform.error.ApiProblem;
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
 * makes the next version, and the earlier ones stay as they were.
 */
@ApplicationScoped
@Transactional
public class PublicationService {

    // freshness: null when none of the report's results carries one
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PublicationSummary",
            requiredProperties = {"version", "publishedAt", "publishedBy", "freshness", "checksum"})
    public record Summary(int version, OffsetDateTime publishedAt, String publishedBy,
                          @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) OffsetDateTime freshness,
                          String checksum) {
        static Summary of(LkipPublication p) {
            return new Summary(p.version, p.publishedAt, p.publishedBy, p.freshness, p.checksum);
        }
    }

    @Inject
    LkipService lkip;

    @Inject
    ObjectMapper mapper;

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

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
