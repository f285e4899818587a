package id.go.maluku.sakip.platform.security;

import id.go.maluku.sakip.platform.error.ProblemMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Refusals as {@code application/problem+json}: 401 for a missing, expired, forged or foreign
 * token, 403 for a valid token out of its role or scope. Each refusal is logged with the
 * method, path and subject, never with the token: a logged token could be replayed.
 */
public class SecurityProblems {

    private static final Logger LOG = Logger.getLogger("sakip.security");
    /** Three base64url parts joined by dots: a compact JWT, wherever it would appear. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");
    /** The decoded claims a verifier quotes in its message: the caller's own words, kept out of the log. */
    private static final Pattern CLAIMS = Pattern.compile("\\(claims->.*\\)(?= rejected)", Pattern.DOTALL);

    @Inject
    Caller caller;

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return noToken(request.method().name(), request.path());
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return tokenNotAccepted(e, request.method().name(), request.path());
    }

    /** 401: the operation needs a token and the request has none. */
    static Response noToken(String method, String path) {
        LOG.infof("refused %s %s: 401 no bearer token", method, path);
        return unauthorized("This operation needs a bearer token (Authorization: Bearer ...).");
    }

    /** 401: the request's token does not verify; the log says why, the caller is told the possibilities. */
    static Response tokenNotAccepted(AuthenticationFailedException e, String method, String path) {
        LOG.infof("refused %s %s: 401 token not accepted (%s)", method, path, reason(e));
        return unauthorized("The bearer token was not accepted: it is expired, not yet valid, "
                + "from another issuer or for another audience, or its signature does not verify.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? "The token's roles do not allow this operation." : e.getMessage();
        LOG.infof("refused %s %s: 403 for subject %s: %s", request.method(), request.path(), caller.subject(), detail);
        return ProblemMappers.problem(403, "Forbidden", detail, List.of());
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(ProblemMappers.problem(401, "Unauthorized", detail, List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** The innermost cause's class and message, with anything shaped like a token blanked out. */
    static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        String withoutClaims = CLAIMS.matcher(message).replaceAll("(claims not logged)");
        return TOKEN.matcher(cause.getClass().getSimpleName() + withoutClaims).replaceAll("[token]");
    }
}
