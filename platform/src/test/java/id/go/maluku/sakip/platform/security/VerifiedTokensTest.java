package id.go.maluku.sakip.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The kept verifications, with smallrye-jwt's own parser and real RS256 tokens. */
class VerifiedTokensTest {

    static final String ISSUER = "http://localhost/sakip-test";

    KeyPair keys;
    AtomicLong now = new AtomicLong(System.currentTimeMillis() / 1000);
    VerifiedTokens tokens;

    @BeforeEach
    void setUp() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        tokens = new VerifiedTokens(new DefaultJWTParser(new JWTAuthContextInfo(keys.getPublic(), ISSUER)), now::get,
                Duration.ofMinutes(1));
    }

    @Test
    void a_token_that_verified_is_answered_from_what_was_kept_until_it_expires() throws Exception {
        long expires = now.get() + 3600;
        String token = sign(keys.getPrivate(), ISSUER, "rina", expires);

        JsonWebToken first = tokens.parse(token);
        assertEquals("rina", first.getSubject());
        assertSame(first, tokens.parse(token), "the same text is not verified twice");
        assertEquals(1, tokens.size());

        // From its expiry on it goes to the parser again (whose clock is still an hour earlier,
        // so here it verifies) and is no longer kept.
        now.set(expires);
        JsonWebToken again = tokens.parse(token);
        assertNotSame(first, again, "an expired kept token is verified again");
        assertEquals(0, tokens.size(), "and not kept past its expiry");
    }

    /**
     * A token of a key the issuer has since removed (rotated out, or leaked) must be refused
     * soon, even one that verified before and states an expiry far away: kept for the maximum
     * age, then verified again against the keys of the moment.
     */
    @Test
    void a_token_is_verified_again_once_kept_for_the_maximum_age() throws Exception {
        String token = sign(keys.getPrivate(), ISSUER, "rina", now.get() + 365 * 24 * 3600);
        JsonWebToken first = tokens.parse(token);
        now.addAndGet(59);
        assertSame(first, tokens.parse(token), "kept within the minute");
        now.addAndGet(1);
        JsonWebToken again = tokens.parse(token);
        assertNotSame(first, again, "verified again after a minute");
        assertEquals(1, tokens.size(), "and kept again for another minute");
    }

    @Test
    void an_expired_token_is_refused_and_not_kept() throws Exception {
        long real = System.currentTimeMillis() / 1000;
        String expired = sign(keys.getPrivate(), ISSUER, "rina", real - 600);
        assertThrows(ParseException.class, () -> tokens.parse(expired));
        assertEquals(0, tokens.size());
    }

    @Test
    void a_token_that_fails_is_never_kept() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String forged = sign(other.getPrivate(), ISSUER, "mallory", now.get() + 3600);
        assertThrows(ParseException.class, () -> tokens.parse(forged));
        assertThrows(ParseException.class, () -> tokens.parse(forged));
        String foreignIssuer = sign(keys.getPrivate(), "http://elsewhere", "rina", now.get() + 3600);
        assertThrows(ParseException.class, () -> tokens.parse(foreignIssuer));
        assertEquals(0, tokens.size());
    }

    @Test
    void a_changed_text_is_verified_on_its_own() throws Exception {
        String token = sign(keys.getPrivate(), ISSUER, "rina", now.get() + 3600);
        tokens.parse(token);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + base64(("{\"iss\":\"" + ISSUER + "\",\"sub\":\"root\",\"groups\":[\"admin\"],"
                + "\"exp\":" + (now.get() + 3600) + "}").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThrows(ParseException.class, () -> tokens.parse(tampered));
        assertEquals(1, tokens.size());
    }

    static String sign(PrivateKey key, String issuer, String subject, long expires) throws Exception {
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"groups\":[\"planner\"],\"iat\":" + (expires - 3600) + ",\"exp\":" + expires + "}";
        String input = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + base64(rsa.sign());
    }

    static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
