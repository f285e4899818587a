package id.go.maluku.sakip.platform.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer of the request's token, as the services need it: who (for audit) and what they
 * reach (agency, unit). Claim names are configurable so that a province's identity provider
 * can be used as it is.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    ClaimNames claims;

    private Scope scope;

    public Scope scope() {
        if (scope == null) {
            scope = read();
        }
        return scope;
    }

    /** Who is recorded as having made a change: the token's subject. */
    public String subject() {
        Scope s = scope();
        return s.anonymous() ? "anonymous" : s.subject();
    }

    public boolean has(String role) {
        return scope().has(role);
    }

    /** Refuses (403) a request about an agency the token does not reach. */
    public void requireAgency(String agency) {
        if (!scope().reaches(agency)) {
            throw new ForbiddenException(scope().agency() == null
                    ? "the token names no agency (its claim '" + claims.agency() + "' is missing or blank), so it reaches "
                    + "none; a viewer or integration token reaches every agency only with the role 'province'"
                    : "the token belongs to agency '" + scope().agency() + "', not '" + agency + "'");
        }
    }

    /** Refuses (403) a unit-bound token writing to what another unit (or the agency itself) holds. */
    public void requireUnit(String what, String... owner) {
        if (!scope().reachesUnit(owner)) {
            throw new ForbiddenException("the token belongs to unit '" + scope().unit() + "'; " + what
                    + " belongs to " + (owner.length == 0 || owner[0] == null ? "the agency itself" : "'" + owner[0] + "'"));
        }
    }

    private Scope read() {
        if (identity.isAnonymous()) {
            return Scope.ANONYMOUS;
        }
        String agency = null;
        String unit = null;
        String subject = identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            java.util.Set<String> names = jwt.getClaimNames();
            agency = claim(jwt, names, claims.agency());
            unit = claim(jwt, names, claims.unit());
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
        }
        return new Scope(subject, identity.getRoles(), agency, unit);
    }

    /**
     * Only a claim the token has is asked for: the JWT library answers a claim outside the
     * standard set by catching an exception of its own, and most tokens have no unit claim.
     */
    private static String claim(JsonWebToken jwt, java.util.Set<String> names, String name) {
        return names != null && names.contains(name) ? text(jwt.getClaim(name)) : null;
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        String value = claim instanceof jakarta.json.JsonString json ? json.getString() : claim.toString();
        return value.isBlank() ? null : value;
    }
}
