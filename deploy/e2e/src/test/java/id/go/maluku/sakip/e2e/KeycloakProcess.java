package id.go.maluku.sakip.e2e;

import id.go.maluku.sakip.infra.ServiceProcess;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keycloak, the province's identity provider, as its own process: the distribution from Maven
 * Central (unpacked by this module's build into target/), in dev mode with its file database,
 * on this JVM's JDK, with the realm of deploy/keycloak imported at start. Each start begins with
 * an empty data folder, so every run has the realm exactly as exported, with fresh keys.
 */
final class KeycloakProcess {

    static final String REALM = "sakip";

    private final Path home;
    private final int port;
    private final Path logFile;
    /** The bootstrap admin of the master realm, for the admin REST API: made up per run. */
    private final String adminPassword = UUID.randomUUID().toString();
    private Process process;

    KeycloakProcess(Path logDir) throws IOException {
        this.home = Path.of(System.getProperty("sakip.keycloak.home", "target/keycloak/missing")).toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("bin").resolve("kc.sh"))) {
            throw new IllegalStateException(home + " holds no Keycloak: this module's build unpacks it in "
                    + "pre-integration-test (./mvnw -pl deploy/e2e -am verify)");
        }
        this.port = ServiceProcess.freePort();
        Files.createDirectories(logDir);
        this.logFile = logDir.resolve("keycloak.log");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The iss of its tokens: the services are configured with it. */
    String issuer() {
        return url() + "/realms/" + REALM;
    }

    /** Its public keys as a JWKS: the services' mp.jwt.verify.publickey.location. */
    String jwks() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    void start(Path realmExport) throws IOException {
        Path data = home.resolve("data");
        deleteRecursively(data);
        Path imports = Files.createDirectories(data.resolve("import"));
        Files.copy(realmExport, imports.resolve(realmExport.getFileName()));
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin").resolve("kc.sh").toString(),
                "start-dev", "--import-realm", "--http-host=127.0.0.1", "--http-port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> env = builder.environment();
        // the JDK this test runs on (kc.sh would take JAVA_HOME or whatever java is on the PATH)
        env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        process = builder.start();
    }

    /** Ready once the realm answers its discovery document: the import runs before the port opens. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(issuer() + "/.well-known/openid-configuration")
                        .toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(5000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready after " + timeout + "; see " + logFile);
    }

    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        // kc.sh runs the JVM as its child and forwards signals; end both, the JVM first
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }

    // ---- the token endpoint, as the province's applications use it

    /** A user's access token from the web front end's client (resource owner password grant). */
    String password(String client, String username, String password) {
        return token(RestAssured.given().formParam("grant_type", "password").formParam("client_id", client)
                .formParam("username", username).formParam("password", password));
    }

    /** A system's access token (client credentials grant), e.g. the e-budgeting system's. */
    String clientCredentials(String client, String secret) {
        return token(RestAssured.given().formParam("grant_type", "client_credentials").formParam("client_id", client)
                .formParam("client_secret", secret));
    }

    private String token(RequestSpecification request) {
        return token(request, issuer() + "/protocol/openid-connect/token");
    }

    private static String token(RequestSpecification request, String endpoint) {
        Response response = request.post(endpoint);
        if (response.statusCode() != 200) {
            throw new AssertionError(endpoint + " answered " + response.statusCode() + ": " + response.asString());
        }
        return response.jsonPath().getString("access_token");
    }

    /** The claims of a token, decoded, not verified: to compare with what the services report. */
    static io.restassured.path.json.JsonPath claims(String token) {
        return part(token, 1);
    }

    static io.restassured.path.json.JsonPath header(String token) {
        return part(token, 0);
    }

    private static io.restassured.path.json.JsonPath part(String token, int index) {
        return new io.restassured.path.json.JsonPath(new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]),
                StandardCharsets.UTF_8));
    }

    // ---- the admin REST API: keys and client secrets

    private RequestSpecification admin() {
        String token = token(RestAssured.given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", adminPassword),
                url() + "/realms/master/protocol/openid-connect/token");
        return RestAssured.given().auth().oauth2(token).baseUri(url() + "/admin/realms/" + REALM);
    }

    /** The secret Keycloak made for a confidential client at import: none is in the export. */
    String clientSecret(String clientId) {
        String id = admin().queryParam("clientId", clientId).get("/clients").then().statusCode(200)
                .extract().jsonPath().getString("[0].id");
        return admin().get("/clients/" + id + "/client-secret").then().statusCode(200).extract().jsonPath().getString("value");
    }

    /** The kid the realm signs RS256 tokens with now. */
    String activeSigningKid() {
        return admin().get("/keys").then().statusCode(200).extract().jsonPath().getString("active.RS256");
    }

    /** The id of the key provider (component) that holds the key with this kid. */
    String keyProviderOf(String kid) {
        return admin().get("/keys").then().statusCode(200).extract().jsonPath()
                .getString("keys.find { it.kid == '" + kid + "' }.providerId");
    }

    /** Adds a generated RSA signing key with a priority above the realm's first (100): it signs from now on. */
    String addSigningKey(String name, int priority) {
        String realmId = admin().get("").then().statusCode(200).extract().jsonPath().getString("id");
        Response created = admin().contentType(ContentType.JSON).body(Map.of(
                        "name", name, "providerId", "rsa-generated", "providerType", "org.keycloak.keys.KeyProvider",
                        "parentId", realmId,
                        "config", Map.of("priority", List.of(String.valueOf(priority)), "algorithm", List.of("RS256"),
                                "keySize", List.of("2048"), "active", List.of("true"), "enabled", List.of("true"))))
                .post("/components");
        if (created.statusCode() != 201) {
            throw new AssertionError("adding a key answered " + created.statusCode() + ": " + created.asString());
        }
        String location = created.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Removes a key provider: its key is no longer published in the JWKS. */
    void removeKeyProvider(String id) {
        admin().delete("/components/" + id).then().statusCode(204);
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
