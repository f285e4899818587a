import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Helpers for deploy/local/start.sh that need nothing but a JDK (run as "java StackTool.java"):
 *
 *   await SECONDS URL...   wait until every URL answers 200
 *   load FILE              send the requests of a demo-data file, one per line:
 *                          METHOD SERVICE PATH [JSON BODY | @FILE]   (blank lines and # comments skipped;
 *                          @FILE is a JSON file, relative to the demo-data file)
 *
 * SERVICE is planning, realization, budget or reporting; the base URLs come from the
 * environment (PLANNING_URL, ...). A 404 from realization or reporting is retried for a while:
 * they learn the plan from planning's events, a moment after planning stored it.
 */
public class StackTool {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("await")) {
            await(Integer.parseInt(args[1]), List.of(args).subList(2, args.length));
        } else if (args.length == 2 && args[0].equals("load")) {
            load(Path.of(args[1]));
        } else {
            System.err.println("usage: java StackTool.java await SECONDS URL... | load FILE");
            System.exit(2);
        }
    }

    static void await(int seconds, List<String> urls) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        for (String url : urls) {
            while (true) {
                try {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    System.err.println("not ready after " + seconds + " s: " + url);
                    System.exit(1);
                }
                Thread.sleep(250);
            }
        }
    }

    static void load(Path file) throws Exception {
        Map<String, String> bases = Map.of(
                "planning", System.getenv().getOrDefault("PLANNING_URL", "http://127.0.0.1:8081"),
                "realization", System.getenv().getOrDefault("REALIZATION_URL", "http://127.0.0.1:8082"),
                "budget", System.getenv().getOrDefault("BUDGET_URL", "http://127.0.0.1:8083"),
                "reporting", System.getenv().getOrDefault("REPORTING_URL", "http://127.0.0.1:8084"));
        int sent = 0;
        int lineNumber = 0;
        for (String line : Files.readAllLines(file)) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 4);
            String base = bases.get(parts[1]);
            if (parts.length < 3 || base == null) {
                throw new IllegalArgumentException(file + ":" + lineNumber + ": expected METHOD SERVICE PATH [BODY]");
            }
            String body = parts.length == 4 ? parts[3] : "";
            if (body.startsWith("@")) {
                body = Files.readString(file.toAbsolutePath().getParent().resolve(body.substring(1)));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + parts[2]))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .method(parts[0], body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body))
                        .build();
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    break;
                }
                if (status == 404 && (parts[1].equals("realization") || parts[1].equals("reporting")) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    continue;
                }
                System.err.println(file + ":" + lineNumber + ": " + parts[0] + " " + parts[2] + " answered " + status
                        + ": " + response.body());
                System.exit(1);
            }
            sent++;
        }
        System.out.println("loaded " + sent + " requests from " + file);
    }
}
