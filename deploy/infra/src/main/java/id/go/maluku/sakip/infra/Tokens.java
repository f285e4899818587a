package id.go.maluku.sakip.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signed bearer tokens for tests, from a key pair made for this JVM only: no private key is
 * ever committed. {@link RealInfrastructureResource} points the service under test at the
 * public key and {@link #ISSUER}, so these tokens are verified exactly as a province's identity
 * provider's would be.
 */
public final class Tokens {

    public static final String ISSUER = "https://sso.test.sakip/realms/maluku";
    /** The audience the services under test accept (SAKIP_JWT_AUDIENCE): the province's client for SAKIP. */
    public static final String AUDIENCE = "sakip";
    /**
     * Where this JVM's key pair lives. A system property, because Quarkus loads this class once
     * for the test resource and again for the tests: both must sign and verify with one pair.
     */
    private static final String KEY_DIRECTORY = "sakip.test.jwt.keys";
    private static final KeyPair KEYS = keyPairOfThisJvm();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {
    }

    /** A request as the province's admin: for tests about what a service does, not who may ask. */
    public static RequestSpecification asAdmin() {
        return RestAssured.given().auth().oauth2(admin());
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }

    public static String admin() {
        return user("admin.provinsi").roles("admin").mint();
    }

    public static Builder user(String subject) {
        return new Builder(subject);
    }

    /** The token with its payload changed after signing: the signature no longer verifies. */
    public static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace("\"sub\":\"", "\"sub\":\"x");
        return parts[0] + "." + base64(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** The public key as a PEM file, written once per JVM. */
    public static Path publicKeyFile() {
        return Path.of(System.getProperty(KEY_DIRECTORY), "public.pem");
    }

    public static final class Builder {
        private final String subject;
        private final List<String> roles = new ArrayList<>();
        private String agency;
        private String unit;
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Instant expires = Instant.now().plus(Duration.ofHours(1));

        private Builder(String subject) {
            this.subject = subject;
        }

        public Builder roles(String... names) {
            roles.addAll(List.of(names));
            return this;
        }

        public Builder agency(String code) {
            this.agency = code;
            return this;
        }

        public Builder unit(String name) {
            this.unit = name;
            return this;
        }

        /** The token's aud claim; null: none. */
        public Builder audience(String name) {
            this.audience = name;
            return this;
        }

        public Builder issuer(String name) {
            this.issuer = name;
            return this;
        }

        /** Expired ten minutes ago: well past any clock skew a verifier allows. */
        public Builder expired() {
            this.expires = Instant.now().minus(Duration.ofMinutes(10));
            return this;
        }

        public String mint() {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", issuer);
            claims.put("sub", subject);
            if (audience != null) {
                claims.put("aud", audience);
            }
            claims.put("preferred_username", subject);
            claims.put("groups", roles);
            if (agency != null) {
                claims.put("agency", agency);
            }
            if (unit != null) {
                claims.put("unit", unit);
            }
            claims.put("iat", expires.minus(Duration.ofHours(1)).getEpochSecond());
            claims.put("exp", expires.getEpochSecond());
            claims.put("jti", UUID.randomUUID().toString());
            try {
                String signingInput = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                        + "." + base64(JSON.writeValueAsBytes(claims));
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initSign(KEYS.getPrivate());
                rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return signingInput + "." + base64(rsa.sign());
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair keyPairOfThisJvm() {
        synchronized (System.getProperties()) {
            try {
                String directory = System.getProperty(KEY_DIRECTORY);
                if (directory != null) {
                    KeyFactory rsa = KeyFactory.getInstance("RSA");
                    Path keys = Path.of(directory);
                    return new KeyPair(
                            rsa.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(keys.resolve("public.der")))),
                            rsa.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(keys.resolve("private.der")))));
                }
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Path keys = Files.createTempDirectory("sakip-test-jwt");
                Files.write(keys.resolve("public.der"), pair.getPublic().getEncoded());
                Files.write(keys.resolve("private.der"), pair.getPrivate().getEncoded());
                Files.writeString(keys.resolve("public.pem"), "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
                for (String name : new String[]{"public.der", "private.der", "public.pem", ""}) {
                    keys.resolve(name).toFile().deleteOnExit();
                }
                System.setProperty(KEY_DIRECTORY, keys.toString());
                return pair;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
