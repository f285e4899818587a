package id.go.maluku.sakip.platform.security;

/**
 * The roles a token may carry (in its {@code groups} claim). Names are lower case because
 * identity providers such as Keycloak hand realm roles over as they are named there.
 */
public final class Roles {

    /** Province staff: everything, in every agency. */
    public static final String ADMIN = "admin";
    /** The agency's planning staff: the plan, the Perjanjian Kinerja, budget links, the LKIP. */
    public static final String PLANNER = "planner";
    /** Enters realisasi and spending for their own unit. */
    public static final String OPERATOR = "operator";
    /** Verifies realisasi: the internal auditor. */
    public static final String VERIFIER = "verifier";
    /** Dashboards and documents, read only. */
    public static final String VIEWER = "viewer";
    /** The provincial e-budgeting system: budget import only. */
    public static final String INTEGRATION = "integration";
    /**
     * Reach over every agency for a viewer or integration token (the governor's dashboards, the
     * e-budgeting system): granted only by this role, never by a missing agency claim.
     */
    public static final String PROVINCE = "province";

    private Roles() {
    }
}
