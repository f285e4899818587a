package id.go.maluku.sakip.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.platform.error.Text;
import id.go.maluku.sakip.reporting.lkip.Html;
import id.go.maluku.sakip.reporting.lkip.Json;
import id.go.maluku.sakip.reporting.lkip.LkipAssembler;
import id.go.maluku.sakip.reporting.lkip.LkipReport;
import id.go.maluku.sakip.reporting.lkip.Pdf;
import id.go.maluku.sakip.reporting.lkip.Xlsx;
import id.go.maluku.sakip.reporting.readmodel.IndicatorResult;
import id.go.maluku.sakip.reporting.readmodel.LkipBuild;
import id.go.maluku.sakip.reporting.readmodel.RmAgency;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Builds every agency's LKIP of a year in every format, nightly (cron configurable, default
 * 01:00 Asia/Jayapura, for the current year) or when triggered. Each agency is built in its own
 * transaction: one agency's failure is recorded and the others go on. Builds are drafts with the
 * review's findings; they never touch a published version.
 *
 * <p>Correct with several replicas: the run and its agencies are in the database
 * ({@link BuildClaims}). One run is open at a time and one nightly run is made per night, whichever
 * replicas' schedulers fire; a second trigger on any replica is a 409. Every replica claims agencies
 * of the open run one at a time (the one that opened it at once, the others on their next poll), so
 * the work spreads and each agency is built once; the agencies of a replica that died mid-run are
 * taken over when their claim is older than {@code sakip.builds.claim-timeout}.
 */
@ApplicationScoped
public class NightlyBuilds {

    private static final Logger LOG = Logger.getLogger(NightlyBuilds.class);

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "BuildRun", requiredProperties = {"runId", "year", "agencies"})
    public record Run(UUID runId, int year, int agencies) {
    }

    @Inject
    LkipService lkip;

    @Inject
    ObjectMapper mapper;

    @Inject
    BuildClaims claims;

    @ConfigProperty(name = "sakip.nightly.zone", defaultValue = "Asia/Jayapura")
    String zone;

    @ConfigProperty(name = "sakip.builds.claim-timeout", defaultValue = "PT10M")
    Duration claimTimeout;

    @ConfigProperty(name = "sakip.builds.max-attempts", defaultValue = "3")
    int maxAttempts;

    /** Who holds a claim: this replica, unique even for two replicas on one host; fits build_claim.claimed_by (200). */
    final String replica = Text.clip(hostName(), 190) + "/" + UUID.randomUUID().toString().substring(0, 8);

    private final AtomicBoolean draining = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "lkip-nightly-build");
        thread.setDaemon(true);
        return thread;
    });

    @Scheduled(cron = "{sakip.nightly.cron}", timeZone = "{sakip.nightly.zone}", identity = "lkip-nightly",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        LocalDate today = LocalDate.now(ZoneId.of(zone));
        try {
            Run run = open(today.getYear(), today);
            LOG.infof("nightly LKIP build %s started for %d agencies", run.runId(), run.agencies());
        } catch (ApiProblem busy) {
            LOG.info("nightly LKIP build not started here: " + busy.getMessage());
        }
    }

    /** Joins the open run, if any, and takes over what dead replicas left. */
    @Scheduled(every = "{sakip.builds.poll}", identity = "lkip-build-poll",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        for (BuildClaims.Claim gaveUp : claims.abandonExhausted(claimTimeout, maxAttempts)) {
            LOG.warnf("LKIP build of %s %d given up after %d attempts", gaveUp.agencyCode(), gaveUp.year(), maxAttempts);
            record(gaveUp, failed(gaveUp, "given up: the replicas building it stopped " + maxAttempts + " times"), false);
        }
        nudge();
    }

    /** Opens a run and starts building here; refused with a 409 problem while another run is open. */
    public Run start(int year) {
        return open(year, null);
    }

    private Run open(int year, LocalDate nightlyDate) {
        UUID runId = UUID.randomUUID();
        List<String> agencies;
        try {
            agencies = QuarkusTransaction.requiringNew().call(() -> {
                Optional<UUID> open = claims.open();
                if (open.isPresent()) {
                    throw ApiProblem.conflict("build run " + open.get() + " is under way; trigger again when it has finished");
                }
                List<String> all = RmAgency.<RmAgency>listAll().stream().map(a -> a.agencyCode).sorted().toList();
                claims.openRun(runId, year, nightlyDate, all);
                return all;
            });
        } catch (PersistenceException raced) {
            // another replica opened a run between our check and our insert (the unique indexes)
            throw ApiProblem.conflict(nightlyDate != null ? "tonight's build run was opened by another replica"
                    : "another build run was just opened; trigger again when it has finished");
        }
        nudge();
        return new Run(runId, year, agencies.size());
    }

    public UUID current() {
        return claims.open().orElse(null);
    }

    /** Builds claimed agencies on this replica's worker until none is left; at most one drain at a time. */
    private void nudge() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        worker.submit(() -> {
            try {
                for (Optional<BuildClaims.Claim> claim = claims.claimNext(replica, claimTimeout, maxAttempts);
                     claim.isPresent(); claim = claims.claimNext(replica, claimTimeout, maxAttempts)) {
                    buildOne(claim.get());
                }
                claims.finishDone();
            } catch (RuntimeException e) {
                LOG.error("LKIP build worker stopped; the next poll goes on", e);
            } finally {
                draining.set(false);
            }
        });
    }

    private LkipBuild failed(BuildClaims.Claim claim, String error) {
        LkipBuild build = new LkipBuild();
        build.runId = claim.runId();
        build.agencyCode = claim.agencyCode();
        build.year = claim.year();
        build.startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        build.status = "FAILED";
        build.error = error;
        return build;
    }

    /** Stores the build, only while this replica still holds its claim (or, given up, with none). */
    private void record(BuildClaims.Claim claim, LkipBuild build, boolean claimed) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (claimed && !claims.complete(claim, replica)) {
                    LOG.warnf("LKIP build of %s %d was taken over by another replica; this one is not kept",
                            claim.agencyCode(), claim.year());
                    return;
                }
                build.persist();
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "the build record of %s %d could not be stored", claim.agencyCode(), claim.year());
        }
    }

    void buildOne(BuildClaims.Claim claim) {
        UUID runId = claim.runId();
        String agency = claim.agencyCode();
        int year = claim.year();
        long start = System.nanoTime();
        OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        LkipBuild build = new LkipBuild();
        build.runId = runId;
        build.agencyCode = agency;
        build.year = year;
        build.startedAt = startedAt;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                LkipService.Gathered gathered = lkip.gather(agency, year, true);
                LkipReport report = LkipAssembler.assemble(gathered.data());
                build.findings = gathered.data().findings().size();
                build.freshness = IndicatorResult.<IndicatorResult>list("agencyCode = ?1 and year = ?2", agency, year)
                        .stream().map(r -> r.freshness).filter(f -> f != null).max(OffsetDateTime::compareTo).orElse(null);
                build.html = Html.render(report);
                try {
                    build.json = mapper.writeValueAsString(Json.of(report));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                build.pdf = Pdf.render(report);
                build.xlsx = Xlsx.render(report);
            });
            build.status = "SUCCEEDED";
        } catch (Exception | Error e) {
            build.status = "FAILED";
            build.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            build.html = null;
            build.json = null;
            build.pdf = null;
            build.xlsx = null;
            LOG.warnf("LKIP build of %s %d failed: %s", agency, year, build.error);
        }
        build.durationMs = (System.nanoTime() - start) / 1_000_000;
        record(claim, build, true);
    }

    private static String hostName() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                name = "reporting";
            }
        }
        return name;
    }
}
