package id.go.maluku.sakip.realization.service;

import id.go.maluku.sakip.realization.domain.Evidence;
import id.go.maluku.sakip.realization.domain.EvidencePolicy;
import id.go.maluku.sakip.realization.domain.Period;
import id.go.maluku.sakip.realization.domain.Realisasi;
import id.go.maluku.sakip.realization.domain.RuleViolation;
import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.platform.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Evidence of a realisasi. Files are kept in PostgreSQL (evidence_content, bytea): one backup
 * covers data and evidence, and the limit keeps rows small. Adding evidence is a change of the
 * realisasi's period (refused while it is locked) and is audited; it does not alter a result,
 * so it publishes nothing.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = {ApiProblem.class, RuleViolation.class})
public class EvidenceService {

    public record Content(Evidence evidence, byte[] bytes) {
    }

    @Inject
    RealisasiService realisasi;

    @Inject
    LockService locks;

    @Inject
    AuditService audit;

    /** Who makes the change: the subject of the request's bearer token. */
    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "sakip.evidence.max-bytes", defaultValue = "10485760")
    long maxBytes;

    @ConfigProperty(name = "sakip.evidence.types")
    Set<String> types;

    EvidencePolicy policy() {
        return new EvidencePolicy(types, maxBytes);
    }

    public Evidence addFile(String agency, String indicator, int year, String period, String fileName,
                            String contentType, InputStream body) {
        Realisasi r = open(agency, indicator, year, period);
        EvidencePolicy policy = policy();
        policy.checkType(contentType);
        if (fileName == null || fileName.isBlank() || fileName.length() > 300) {
            throw RuleViolation.invalid("name", "the file name is required (query parameter name, at most 300 characters)");
        }
        byte[] bytes = readAtMost(body, policy.maxBytes() + 1);
        policy.checkSize(bytes.length);
        policy.checkContent(contentType, bytes);
        Evidence e = base(r, "file");
        e.fileName = fileName.strip();
        e.contentType = EvidencePolicy.mediaType(contentType);
        e.sizeBytes = (long) bytes.length;
        e.sha256 = sha256(bytes);
        e.persist();
        em.flush();
        em.createNativeQuery("insert into evidence_content (evidence_id, content) values (?1, ?2)")
                .setParameter(1, e.id).setParameter(2, bytes).executeUpdate();
        audited(r, e);
        return e;
    }

    public Evidence addLink(String agency, String indicator, int year, String period, String url) {
        Realisasi r = open(agency, indicator, year, period);
        // its length is EvidenceBody's @Size (TextBounds.URL), refused before any work
        if (url == null) {
            throw RuleViolation.invalid("url", "required for a link");
        }
        try {
            URI uri = URI.create(url.strip());
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw RuleViolation.invalid("url", "must be an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("url", "not a URL: " + e.getMessage());
        }
        Evidence e = base(r, "link");
        e.url = url.strip();
        e.persist();
        audited(r, e);
        return e;
    }

    public Evidence addText(String agency, String indicator, int year, String period, String text) {
        Realisasi r = open(agency, indicator, year, period);
        // its length is EvidenceBody's @Size (TextBounds.EVIDENCE_TEXT), refused before any work
        if (text == null || text.isBlank()) {
            throw RuleViolation.invalid("text", "required for a text");
        }
        Evidence e = base(r, "text");
        e.text = text;
        e.persist();
        audited(r, e);
        return e;
    }

    @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = {ApiProblem.class, RuleViolation.class})
    public List<Evidence> list(String agency, String indicator, int year, String period) {
        Realisasi r = realisasi.get(agency, indicator, year, period);
        return Evidence.list("realisasiId", Sort.by("createdAt").and("id"), r.id);
    }

    @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = {ApiProblem.class, RuleViolation.class})
    public Content content(String agency, String indicator, int year, String period, UUID id) {
        Realisasi r = realisasi.get(agency, indicator, year, period);
        Evidence e = Evidence.findById(id);
        if (e == null || !e.realisasiId.equals(r.id) || !e.kind.equals("file")) {
            throw ApiProblem.notFound("evidence file", String.valueOf(id));
        }
        byte[] bytes = (byte[]) em.createNativeQuery("select content from evidence_content where evidence_id = ?1")
                .setParameter(1, id).getSingleResult();
        return new Content(e, bytes);
    }

    private Realisasi open(String agency, String indicator, int year, String period) {
        Realisasi r = realisasi.get(agency, indicator, year, period);
        locks.assertOpen(agency, year, new Period(r.period));
        return r;
    }

    private Evidence base(Realisasi r, String kind) {
        Evidence e = new Evidence();
        e.id = UUID.randomUUID();
        e.realisasiId = r.id;
        e.kind = kind;
        e.createdBy = caller.subject();
        e.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return e;
    }

    private void audited(Realisasi r, Evidence e) {
        Map<String, Object> added = new LinkedHashMap<>();
        added.put("kind", e.kind);
        added.put("fileName", e.fileName);
        added.put("sha256", e.sha256);
        added.put("sizeBytes", e.sizeBytes);
        added.put("url", e.url);
        added.put("text", e.text);
        audit.record(new AuditService.Subject(r.indicator.agencyCode, r.indicator.code, r.year, r.period, "evidence",
                e.id.toString()), "evidence-added", null, added, null);
    }

    /** Reads at most {@code limit} bytes, so an oversized upload is refused without holding it all. */
    static byte[] readAtMost(InputStream body, long limit) {
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while (total < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) > 0) {
                out.write(buffer, 0, n);
                total += n;
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw RuleViolation.invalid("file", "could not be read: " + e.getMessage());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
