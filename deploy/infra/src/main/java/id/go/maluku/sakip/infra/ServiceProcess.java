package id.go.maluku.sakip.infra;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One built service, run as its own JVM process like in production (its packaged
 * {@code quarkus-run.jar}, found under {@code sakip.root}): the end-to-end tests and the generated
 * clients' contract test start the system with it.
 */
public final class ServiceProcess {

    private final String name;
    private int port;
    /** Health, metrics and OpenAPI are on the management interface, a port of its own. */
    private int managementPort;
    private final Map<String, String> config;
    private final Path logFile;
    private Process process;

    public ServiceProcess(String name, Map<String, String> config, Path logDir) throws IOException {
        this.name = name;
        this.port = freePort();
        this.managementPort = freePort();
        this.config = config;
        Files.createDirectories(logDir);
        this.logFile = logDir.resolve(name + ".log");
    }

    public static int freePort() {
        return FreePorts.next();
    }

    /** What every service needs to run on the test infrastructure: its database, the broker, the test tokens' key. */
    public static Map<String, String> config(RealInfrastructure infra, String database) {
        return Map.of(
                "quarkus.datasource.jdbc.url", infra.database(database),
                "quarkus.datasource.username", infra.username(),
                "quarkus.datasource.password", infra.password(),
                "kafka.bootstrap.servers", infra.bootstrapServers(),
                "mp.jwt.verify.publickey.location", Tokens.publicKeyFile().toString(),
                "mp.jwt.verify.issuer", Tokens.ISSUER,
                "mp.jwt.verify.audiences", Tokens.AUDIENCE);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public void start() throws IOException {
        Path jar = Path.of(System.getProperty("sakip.root", "../.."), name, "target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw verify does)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.management.port=" + managementPort, "-Dquarkus.management.host=127.0.0.1"));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
    }

    public void awaitReady(Duration timeout) throws InterruptedException {
        await("/q/health/ready", timeout);
    }

    /** Alive, though perhaps not ready (e.g. its broker is unreachable). */
    public void awaitLive(Duration timeout) throws InterruptedException {
        await("/q/health/live", timeout);
    }

    private void await(String health, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int restarts = 0;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String tail = logTail();
                // another process took a port between its choice and the bind: choose again
                if (restarts < 3 && (tail.contains("Address already in use") || tail.contains("Port already bound"))) {
                    restarts++;
                    port = freePort();
                    managementPort = freePort();
                    try {
                        start();
                    } catch (IOException e) {
                        throw new IllegalStateException(name + " could not be restarted", e);
                    }
                    continue;
                }
                // the cause goes into the failure itself: CI shows the test's output, not the log file
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile
                        + "; its last lines:\n" + tail);
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(managementUrl() + health).toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + logFile);
    }

    /** The last 60 lines of the log, where a start that failed says why. */
    private String logTail() {
        try {
            // decoded leniently: a log cut mid-character must still be shown
            List<String> lines = new String(Files.readAllBytes(logFile), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Like a crash or an OOM kill: no shutdown hook runs, nothing is flushed or committed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
