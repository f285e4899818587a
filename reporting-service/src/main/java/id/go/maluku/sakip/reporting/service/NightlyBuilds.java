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
import id.go.maluku.sakip.reporting.readmodel.LkipBuild;
import id.go.maluku.sakip.reporting.readmodel.RmAgency;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds every agency's LKIP of a year in every format, nightly (cron configurable, default
 * 01:00 Asia/Jayapura, for the current year) or when triggered. Each agency is built in its own
 * transaction: one agency's failure is recorded and the others go on. A second trigger while a
 * run is under way is refused. Builds are drafts with the review's findings; they never touch a
 * published version.
 */
@ApplicationScoped
public class NightlyBuilds {

    private static final Logger LOG = Logger.getLogger(NightlyBuilds.class);

    public record Run(UUID runId, int year, int agencies) {
    }

    @Inject
    LkipService lkip;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "sakip.nightly.zone", defaultValue = "Asia/Jayapura")
    String zone;

    private final AtomicReference<UUID> running = new AtomicReference<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "lkip-nightly-build");
        thread.setDaemon(true);
        return thread;
    });

    @Scheduled(cron = "{sakip.nightly.cron}", timeZone = "{sakip.nightly.zone}", identity = "lkip-nightly",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        try {
            Run run = start(LocalDate.now(ZoneId.of(zone)).getYear());
            LOG.infof("nightly LKIP build %s started for %d agencies", run.runId(), run.agencies());
        } catch (ApiProblem busy) {
            LOG.warn("nightly LKIP build skipped: " + busy.getMessage());
        }
    }

    /** Starts a run in the background; refused with a 409 problem while another runs. */
    public Run start(int year) {
        UUID runId = UUID.randomUUID();
        if (!running.compareAndSet(null, runId)) {
            throw ApiProblem.conflict("build run " + running.get() + " is under way; trigger again when it has finished");
        }
        List<String> agencies;
        try {
            agencies = QuarkusTransaction.requiringNew().call(() ->
                    RmAgency.<RmAgency>listAll().stream().map(a -> a.agencyCode).sorted().toList());
        } catch (RuntimeException e) {
            running.set(null);
            throw e;
        }
        worker.submit(() -> {
            try {
                for (String agency : agencies) {
                    buildOne(runId, agency, year);
                }
            } finally {
                running.set(null);
            }
        });
        return new Run(runId, year, agencies.size());
    }

    public UUID current() {
        return running.get();
    }

    void buildOne(UUID runId, String agency, int year) {
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
        try {
            QuarkusTransaction.requiringNew().run(build::persist);
        } catch (RuntimeException e) {
            LOG.errorf(e, "the build record of %s %d could not be stored", agency, year);
        }
    }
}
