package id.go.maluku.sakip.reporting.service;

import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.reporting.readmodel.LkipNarrative;
import id.go.maluku.sakip.reporting.readmodel.RmAgency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Narrative sections of the LKIP, versioned: writing a section adds a version, never replaces one. */
@ApplicationScoped
@Transactional
public class NarrativeService {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "NarrativeVersion", requiredProperties = {"section", "version", "text", "writtenBy", "writtenAt"})
    public record Version(String section, int version, String text, String writtenBy, OffsetDateTime writtenAt) {
        static Version of(LkipNarrative n) {
            return new Version(n.section, n.version, n.text, n.writtenBy, n.writtenAt);
        }
    }

    public Version write(String agencyCode, int year, String section, String text, String user) {
        if (RmAgency.find("agencyCode", agencyCode).firstResultOptional().isEmpty()) {
            throw ApiProblem.notFound("agency", agencyCode);
        }
        if (!section.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw ApiProblem.invalid("section", "lower-case letters, digits and '-', e.g. kata-pengantar");
        }
        LkipNarrative latest = LkipNarrative.find("agencyCode = ?1 and year = ?2 and section = ?3 order by version desc",
                agencyCode, year, section).firstResult();
        if (latest != null && latest.text.equals(text)) {
            return Version.of(latest);
        }
        LkipNarrative n = new LkipNarrative();
        n.agencyCode = agencyCode;
        n.year = year;
        n.section = section;
        n.version = latest == null ? 1 : latest.version + 1;
        n.text = text;
        n.writtenBy = user;
        n.writtenAt = OffsetDateTime.now(ZoneOffset.UTC);
        n.persist();
        return Version.of(n);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Version> all(String agencyCode, int year) {
        return LkipNarrative.<LkipNarrative>list("agencyCode = ?1 and year = ?2 order by section, version", agencyCode, year)
                .stream().map(Version::of).toList();
    }
}
