package id.go.maluku.sakip.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides who is calling before anything else looks at the request: a business request (under
 * /api/) without a token, or with an expired, forged, foreign-issuer or foreign-audience one, is a
 * 401 before the request is matched to an operation, so before content negotiation (415), a
 * wrong method (405), body parsing and validation (400). Otherwise an anonymous caller could learn
 * what an operation takes, or make the service read a large body, before being refused.
 *
 * <p>It runs before matching, so it cannot see an operation's {@code @PermitAll}: the requests
 * anyone may make are named in {@code sakip.security.public-requests}, a regular expression over
 * "METHOD path" (reporting's published reports: their GETs only, the same paths take an editor's
 * POST and DELETE), and there the operation itself decides.
 */
public class AuthenticateFirst {

    @Inject
    CurrentIdentityAssociation identities;

    private final Pattern publicRequests;

    @Inject
    public AuthenticateFirst(@ConfigProperty(name = "sakip.security.public-requests") Optional<String> publicRequests) {
        this.publicRequests = publicRequests.filter(p -> !p.isBlank()).map(Pattern::compile).orElse(null);
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> authenticate(HttpServerRequest request) {
        // The raw path as received: building a URI would throw on a bad escape in the query,
        // which is InputGuard's to refuse by name once the caller is known.
        String path = request.path();
        String method = request.method().name();
        if (!needsToken(method, path, publicRequests)) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().onItemOrFailure().transform((identity, failure) -> {
            if (failure != null) {
                return failure instanceof AuthenticationFailedException refused
                        ? SecurityProblems.tokenNotAccepted(refused, method, path)
                        : SecurityProblems.tokenNotAccepted(new AuthenticationFailedException(failure), method, path);
            }
            return isAnonymous(identity) ? SecurityProblems.noToken(method, path) : null;
        });
    }

    /** A request to a business path that is not one of the public requests. */
    static boolean needsToken(String method, String rawPath, Pattern publicRequests) {
        String path = rawPath == null ? "" : rawPath;
        boolean business = path.equals("/api") || path.startsWith("/api/");
        return business && (publicRequests == null || !publicRequests.matcher(method + " " + path).matches());
    }

    private static boolean isAnonymous(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous();
    }
}
