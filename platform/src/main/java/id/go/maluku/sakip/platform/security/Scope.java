package id.go.maluku.sakip.platform.security;

import java.util.Locale;
import java.util.Set;

/**
 * What a verified token lets its bearer reach: plain rules, no framework, unit tested.
 *
 * <p>A token names the agency (and for an operator possibly the unit) it belongs to. Admin
 * tokens reach every agency. Viewer and integration tokens with the role {@code province} are the
 * province's own (the governor's dashboards, the e-budgeting system) and reach every agency too:
 * reach is granted explicitly, never by a claim that is missing. Every other token reaches only
 * the agency it names; a token without an agency, or with an empty or blank one, reaches none.
 *
 * @param subject the token's {@code sub}: who is recorded as having made a change
 * @param agency  the agency code the token belongs to, or null
 * @param unit    the organisation unit (code or name as in the plan), or null for the whole agency
 */
public record Scope(String subject, Set<String> roles, String agency, String unit) {

    public static final Scope ANONYMOUS = new Scope(null, Set.of(), null, null);

    public Scope {
        roles = Set.copyOf(roles);
        // an empty or blank claim names no agency: it must not match anything, nor grant anything
        agency = agency == null || agency.isBlank() ? null : agency;
        unit = unit == null || unit.isBlank() ? null : unit;
    }

    public boolean anonymous() {
        return subject == null;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean provinceWide() {
        return has(Roles.ADMIN)
                || (has(Roles.PROVINCE) && (has(Roles.VIEWER) || has(Roles.INTEGRATION))
                && !has(Roles.PLANNER) && !has(Roles.OPERATOR) && !has(Roles.VERIFIER));
    }

    public boolean reaches(String agencyCode) {
        return provinceWide() || (agency != null && agency.equals(agencyCode));
    }

    /**
     * Whether a unit-bound operator may write to something held by the unit named {@code owner}
     * (a code or a name, as the plan states it). Admins, planners and agency-wide tokens
     * (no unit) reach every unit of their agency; a unit token reaches its own unit only, and
     * nothing that belongs to no unit (the agency's own lines).
     */
    public boolean reachesUnit(String... owner) {
        if (unit == null || has(Roles.ADMIN) || has(Roles.PLANNER)) {
            return true;
        }
        String mine = normalise(unit);
        for (String candidate : owner) {
            if (candidate != null && normalise(candidate).equals(mine)) {
                return true;
            }
        }
        return false;
    }

    private static String normalise(String unitName) {
        return unitName.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
