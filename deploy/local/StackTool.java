import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Helpers for deploy/local/start.sh that need nothing but a JDK (run as "java StackTool.java"):
 *
 *   await SECONDS URL...   wait until every URL answers 200
 *   load FILE              send the requests of a demo-data file, one per line:
 *                          METHOD SERVICE PATH [JSON BODY | @FILE]   (blank lines and # comments skipped;
 *                          @FILE is a JSON file, relative to the demo-data file), as the local admin
 *                          (or with the token in SAKIP_TOKEN, e.g. Keycloak's admin's)
 *   keys DIR               make the local stack's key pair in DIR (private.pem, public.pem) unless there
 *   token [--sub S] [--roles R,R] [--agency A] [--unit U] [--hours H] [--audience AUD]
 *                          print a bearer token signed with the local key pair (docs/security.md)
 *   password-token TOKEN_ENDPOINT CLIENT USER PASSWORD
 *                          print a user's access token from an identity provider (deploy/keycloak)
 *
 * SERVICE is planning, realization, budget or reporting; the base URLs come from the
 * environment (PLANNING_URL, ...). A 404 from realization or reporting is retried for a while:
 * they learn the plan from planning's events, a moment after planning stored it.
 * Tokens: the key pair is in SAKIP_KEYS (default .stack/keys), the issuer is SAKIP_JWT_ISSUER
 * (default ISSUER below), the audience SAKIP_JWT_AUDIENCE (default AUDIENCE below); start.sh gives
 * the services the same three.
 */
public class StackTool {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final String ISSUER = "http://localhost/sakip-local";
    static final String AUDIENCE = "sakip";

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("await")) {
            await(Integer.parseInt(args[1]), List.of(args).subList(2, args.length));
        } else if (args.length == 2 && args[0].equals("load")) {
            load(Path.of(args[1]));
        } else if (args.length == 2 && args[0].equals("keys")) {
            keys(Path.of(args[1]));
        } else if (args.length >= 1 && args[0].equals("token")) {
            System.out.println(token(options(List.of(args).subList(1, args.length))));
        } else if (args.length == 5 && args[0].equals("password-token")) {
            System.out.println(passwordToken(args[1], args[2], args[3], args[4]));
        } else {
            System.err.println("usage: java StackTool.java await SECONDS URL... | load FILE | keys DIR"
                    + " | token [--sub S] [--roles R,R] [--agency A] [--unit U] [--hours H] [--audience AUD]"
                    + " | password-token TOKEN_ENDPOINT CLIENT USER PASSWORD");
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
        // against Keycloak (start.sh --keycloak) the admin's token comes from there
        String admin = System.getenv("SAKIP_TOKEN") != null ? System.getenv("SAKIP_TOKEN")
                : token(Map.of("sub", "demo-loader", "roles", "admin"));
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
                        .header("Authorization", "Bearer " + admin)
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

    static void keys(Path directory) throws Exception {
        if (Files.exists(directory.resolve("private.pem")) && Files.exists(directory.resolve("public.pem"))) {
            return;
        }
        Files.createDirectories(directory);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path privateKey = directory.resolve("private.pem");
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        privateKey.toFile().setReadable(false, false);
        privateKey.toFile().setReadable(true, true);
        Files.writeString(directory.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    static Map<String, String> options(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            if (!args.get(i).startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args.get(i));
            }
            options.put(args.get(i).substring(2), args.get(i + 1));
        }
        return options;
    }

    /** A user's access token from an identity provider's token endpoint (password grant), e.g. Keycloak's. */
    static String passwordToken(String endpoint, String client, String user, String password) throws Exception {
        String form = Stream.of("grant_type=password", "client_id=" + client, "username=" + user, "password=" + password)
                .map(pair -> pair.substring(0, pair.indexOf('=') + 1)
                        + java.net.URLEncoder.encode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException(endpoint + " answered " + response.statusCode() + ": " + response.body());
        }
        return token.group(1);
    }

    /** An RS256 JWT with the claims the services read (docs/security.md). */
    static String token(Map<String, String> options) throws Exception {
        Path keys = Path.of(System.getenv().getOrDefault("SAKIP_KEYS", ".stack/keys"));
        String pem = Files.readString(keys.resolve("private.pem"));
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
        Instant now = Instant.now();
        long hours = Long.parseLong(options.getOrDefault("hours", "8"));
        String subject = options.getOrDefault("sub", "admin.local");
        List<String> roles = new ArrayList<>(List.of(options.getOrDefault("roles", "admin").split(",")));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", System.getenv().getOrDefault("SAKIP_JWT_ISSUER", ISSUER));
        claims.put("sub", subject);
        claims.put("aud", options.getOrDefault("audience", System.getenv().getOrDefault("SAKIP_JWT_AUDIENCE", AUDIENCE)));
        claims.put("preferred_username", subject);
        claims.put("groups", roles);
        if (options.containsKey("agency")) {
            claims.put("agency", options.get("agency"));
        }
        if (options.containsKey("unit")) {
            claims.put("unit", options.get("unit"));
        }
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(Duration.ofHours(hours)).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        String signingInput = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64(json(claims));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    /** Just enough JSON for claims: strings, numbers and lists of strings. */
    static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> json(e.getKey()) + ":" + json(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(StackTool::json).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof Number) {
            return value.toString();
        }
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
