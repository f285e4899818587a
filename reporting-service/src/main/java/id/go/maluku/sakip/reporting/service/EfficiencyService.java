package id.go.maluku.sakip.reporting.service;

import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.reporting.domain.EfficiencyFigure;
import id.go.maluku.sakip.reporting.readmodel.EfficiencyOverride;
import id.go.maluku.sakip.reporting.readmodel.RmAgency;
import id.go.maluku.sakip.reporting.readmodel.RmSasaran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Efficiency set by hand per sasaran, versioned: each change is a new version with who, when and
 * why; withdrawing one is a version too. The LKIP prints the newest (EfficiencyFigure).
 */
@ApplicationScoped
@Transactional
public class EfficiencyService {

    /** efficiency and justification are null in a version that withdrew the figure before it. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "EfficiencyOverrideVersion", requiredProperties = {"sasaran", "version", "efficiency", "justification", "writtenBy", "writtenAt"})
    public record Version(String sasaran, int version,
                          @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) BigDecimal efficiency,
                          @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) String justification,
                          String writtenBy, OffsetDateTime writtenAt) {
        static Version of(EfficiencyOverride o) {
            return new Version(o.sasaranCode, o.version, o.efficiency, o.justification, o.writtenBy, o.writtenAt);
        }
    }

    public Version set(String agencyCode, int year, String sasaranCode, BigDecimal efficiency, String justification,
                       String user) {
        known(agencyCode, sasaranCode);
        String problem = EfficiencyFigure.unfitOverride(efficiency, justification);
        if (problem != null) {
            int colon = problem.indexOf(':');
            throw ApiProblem.invalid(problem.substring(0, colon), problem.substring(colon + 1).strip());
        }
        EfficiencyOverride newest = newest(agencyCode, year, sasaranCode);
        String reason = justification.strip();
        if (newest != null && newest.efficiency != null && newest.efficiency.compareTo(efficiency) == 0
                && reason.equals(newest.justification)) {
            return Version.of(newest); // the same again changes nothing
        }
        return Version.of(add(agencyCode, year, sasaranCode, newest, efficiency, reason, user));
    }

    /** The computed figure counts again; a version records who withdrew it. 404 where none is set. */
    public Version withdraw(String agencyCode, int year, String sasaranCode, String user) {
        known(agencyCode, sasaranCode);
        EfficiencyOverride newest = newest(agencyCode, year, sasaranCode);
        if (newest == null || newest.efficiency == null) {
            throw ApiProblem.notFound("efficiency set by hand for sasaran", sasaranCode);
        }
        return Version.of(add(agencyCode, year, sasaranCode, newest, null, null, user));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Version> all(String agencyCode, int year) {
        if (RmAgency.find("agencyCode", agencyCode).firstResultOptional().isEmpty()) {
            throw ApiProblem.notFound("agency", agencyCode);
        }
        return EfficiencyOverride.<EfficiencyOverride>list("agencyCode = ?1 and year = ?2 order by sasaranCode, version",
                agencyCode, year).stream().map(Version::of).toList();
    }

    private static void known(String agencyCode, String sasaranCode) {
        if (RmAgency.find("agencyCode", agencyCode).firstResultOptional().isEmpty()) {
            throw ApiProblem.notFound("agency", agencyCode);
        }
        if (RmSasaran.find("agencyCode = ?1 and code = ?2", agencyCode, sasaranCode).firstResultOptional().isEmpty()) {
            throw ApiProblem.notFound("sasaran", sasaranCode);
        }
    }

    /**
     * The newest version, with the sasaran's versions held for this transaction: two writes at
     * once (two replicas) each make their own version instead of one of them failing on the
     * unique version number.
     */
    private static EfficiencyOverride newest(String agencyCode, int year, String sasaranCode) {
        EfficiencyOverride.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "efficiency/" + agencyCode + "/" + year + "/" + sasaranCode).getSingleResult();
        return EfficiencyOverride.<EfficiencyOverride>find("agencyCode = ?1 and year = ?2 and sasaranCode = ?3 order by version desc",
                agencyCode, year, sasaranCode).firstResult();
    }

    private static EfficiencyOverride add(String agencyCode, int year, String sasaranCode, EfficiencyOverride newest,
                                          BigDecimal efficiency, String justification, String user) {
        EfficiencyOverride o = new EfficiencyOverride();
        o.agencyCode = agencyCode;
        o.year = year;
        o.sasaranCode = sasaranCode;
        o.version = newest == null ? 1 : newest.version + 1;
        o.efficiency = efficiency;
        o.justification = justification;
        o.writtenBy = id.go.maluku.sakip.platform.error.Text.clip(user, 200);
        o.writtenAt = OffsetDateTime.now(ZoneOffset.UTC);
        o.persist();
        return o;
    }
}
