package id.go.maluku.sakip.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Every request carries a bearer token, and a client sends the same token for the whole of its
 * life (a dashboard polls with one, an operator's browser writes with one). Verifying its RS256
 * signature and reading its claims was about a seventh of the CPU of a realisasi write and more
 * of a cheap dashboard read. So a token that verified is kept, by its exact text: the text fixes
 * signature, issuer, claims and expiry, so the same text verifies the same way as long as the
 * key that signed it is still the issuer's. The key is not fixed: with a JWKS URL the identity
 * provider may remove one (rotation, or a key that leaked), and a token it signed must then be
 * refused, even one that verified before and states an expiry years away. So a token is kept
 * until its expiry or for {@code sakip.security.verified-token-max-age} (default one minute)
 * after it verified, whichever comes first, and is then verified against the keys of the
 * moment. A token that fails is never kept and is checked again each time; one without an
 * expiry is not kept either. Every service's bearer authentication (Quarkus' MpJwtValidator)
 * parses through this bean.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    /** Tokens kept at most; past it all are dropped and verified again as they come. */
    static final int MAX_ENTRIES = 10_000;

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final JWTParser parser;
    private final LongSupplier epochSeconds;
    private final long maxAgeSeconds;

    @Inject
    public VerifiedTokens(DefaultJWTParser parser,
                          @ConfigProperty(name = "sakip.security.verified-token-max-age", defaultValue = "PT1M") Duration maxAge) {
        this(parser, () -> System.currentTimeMillis() / 1000, maxAge);
    }

    VerifiedTokens(JWTParser parser, LongSupplier epochSeconds, Duration maxAge) {
        this.parser = parser;
        this.epochSeconds = epochSeconds;
        this.maxAgeSeconds = maxAge.toSeconds();
    }

    /** A verification and the moment (epoch seconds) from which it is made again. */
    private record Kept(JsonWebToken token, long until) {
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Kept known = kept.get(token);
        if (known != null) {
            if (epochSeconds.getAsLong() < known.until()) {
                return known.token();
            }
            kept.remove(token, known); // expired (the parser says so, with its own leeway) or kept long enough
        }
        JsonWebToken verified = parser.parse(token);
        long now = epochSeconds.getAsLong();
        long until = Math.min(verified.getExpirationTime(), now + maxAgeSeconds);
        if (until > now) {
            if (kept.size() >= MAX_ENTRIES) {
                kept.clear();
            }
            kept.put(token, new Kept(verified, until));
        }
        return verified;
    }

    int size() {
        return kept.size();
    }

    // Verification against another key or context than the configured one: never kept.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
