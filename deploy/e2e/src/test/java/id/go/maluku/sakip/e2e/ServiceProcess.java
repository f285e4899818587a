package id.go.maluku.sakip.e2e;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One built service, run as its own JVM process like in production. */
final class ServiceProcess {

    private final String name;
    private final int port;
    /** Health, metrics and OpenAPI are on the management interface, a port of its own. */
    private final int managementPort;
    private final Map<String, String> config;
    private final Path logFile;
    private Process process;

    ServiceProcess(String name, Map<String, String> config, Path logDir) throws IOException {
        this.name = name;
        this.port = freePort();
        this.managementPort = freePort();
        this.config = config;
        Files.createDirectories(logDir);
        this.logFile = logDir.resolve(name + ".log");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    void start() throws IOException {
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

    void awaitReady(Duration timeout) throws InterruptedException {
        await("/q/health/ready", timeout);
    }

    /** Alive, though perhaps not ready (e.g. its broker is unreachable). */
    void awaitLive(Duration timeout) throws InterruptedException {
        await("/q/health/live", timeout);
    }

    private void await(String health, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
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

    /** Like a crash or an OOM kill: no shutdown hook runs, nothing is flushed or committed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
