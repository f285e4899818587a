package id.go.maluku.sakip.realization.service;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;

/**
 * Who makes the current change, for the audit. The one place that knows: for now the
 * {@code X-User} request header (default "anonymous"); the security issue replaces this with
 * the token's subject.
 */
@ApplicationScoped
public class CurrentUser {

    public static final String HEADER = "X-User";
    static final String ANONYMOUS = "anonymous";

    @Inject
    CurrentVertxRequest request;

    public String name() {
        try {
            if (request.getCurrent() == null) {
                return ANONYMOUS;
            }
            String user = request.getCurrent().request().getHeader(HEADER);
            if (user == null || user.isBlank()) {
                return ANONYMOUS;
            }
            String trimmed = user.strip();
            return trimmed.length() > 200 ? trimmed.substring(0, 200) : trimmed;
        } catch (ContextNotActiveException outsideRequest) {
            return ANONYMOUS;
        }
    }
}
