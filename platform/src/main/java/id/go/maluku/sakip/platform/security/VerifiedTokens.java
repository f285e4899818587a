package id.go.maluku.sakip.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Every request carries a bearer token, and a client sends the same token for the whole of its
 * life (a dashboard polls with one, an operator's browser writes with one). Verifying its RS256
 * signature and reading its claims was about a seventh of the CPU of a realisasi write and more
 * of a cheap dashboard read. So a token that verified is kept, by its exact text, until the
 * expiry it states: the text fixes signature, issuer, claims and expiry, so the same text
 * verifies the same way until then (the key and issuer are fixed at start). A token that fails
 * is never kept and is checked again each time; one without an expiry is not kept either.
 * Every service's bearer authentication (Quarkus' MpJwtValidator) parses through this bean.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    /** Tokens kept at most; past it all are dropped and verified again as they come. */
    static final int MAX_ENTRIES = 10_000;

    private final Map<String, JsonWebToken> kept = new ConcurrentHashMap<>();
    private final JWTParser parser;
    private final LongSupplier epochSeconds;

    @Inject
    public VerifiedTokens(DefaultJWTParser parser) {
        this(parser, () -> System.currentTimeMillis() / 1000);
    }

    VerifiedTokens(JWTParser parser, LongSupplier epochSeconds) {
        this.parser = parser;
        this.epochSeconds = epochSeconds;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = kept.get(token);
        if (known != null) {
            if (epochSeconds.getAsLong() < known.getExpirationTime()) {
                return known;
            }
            kept.remove(token, known); // expired: the parser says so, with its own leeway
        }
        JsonWebToken verified = parser.parse(token);
        if (verified.getExpirationTime() > epochSeconds.getAsLong()) {
            if (kept.size() >= MAX_ENTRIES) {
                kept.clear();
            }
            kept.put(token, verified);
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
