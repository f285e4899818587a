package id.go.maluku.sakip.platform.security;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScopeTest {

    @Test
    void anAgencyTokenReachesItsOwnAgencyOnly() {
        Scope planner = new Scope("rina", Set.of(Roles.PLANNER), "dinsos-maluku", null);
        assertTrue(planner.reaches("dinsos-maluku"));
        assertFalse(planner.reaches("dinkes-maluku"));
        assertFalse(planner.provinceWide());
    }

    @Test
    void adminsReachEveryAgencyWhateverAgencyTheirTokenNames() {
        assertTrue(new Scope("root", Set.of(Roles.ADMIN), null, null).reaches("dinkes-maluku"));
        assertTrue(new Scope("root", Set.of(Roles.ADMIN), "dinsos-maluku", null).reaches("dinkes-maluku"));
    }

    @Test
    void viewersAndIntegrationReachTheProvinceOnlyWithTheProvinceRole() {
        assertTrue(new Scope("gov", Set.of(Roles.VIEWER, Roles.PROVINCE), null, null).reaches("dinkes-maluku"));
        assertTrue(new Scope("sipd", Set.of(Roles.INTEGRATION, Roles.PROVINCE), null, null).reaches("dinkes-maluku"));
        assertFalse(new Scope("sipd", Set.of(Roles.INTEGRATION), "dinsos-maluku", null).reaches("dinkes-maluku"));
        // the province role does not widen a writer's reach
        assertFalse(new Scope("x", Set.of(Roles.PLANNER, Roles.PROVINCE), "dinsos-maluku", null).reaches("dinkes-maluku"));
    }

    @Test
    void aMissingEmptyOrBlankAgencyClaimGrantsNothing() {
        for (String agency : new String[]{null, "", "   "}) {
            Scope viewer = new Scope("gov", Set.of(Roles.VIEWER), agency, null);
            assertFalse(viewer.provinceWide());
            assertFalse(viewer.reaches("dinkes-maluku"));
            assertFalse(viewer.reaches(""));
            assertFalse(new Scope("sipd", Set.of(Roles.INTEGRATION), agency, null).reaches("dinkes-maluku"));
        }
    }

    @Test
    void aPlannerOrOperatorWithoutAnAgencyReachesNone() {
        assertFalse(new Scope("x", Set.of(Roles.PLANNER), null, null).reaches("dinsos-maluku"));
        assertFalse(new Scope("x", Set.of(Roles.OPERATOR, Roles.VIEWER), null, null).reaches("dinsos-maluku"));
    }

    @Test
    void aUnitOperatorReachesItsUnitByCodeOrNameButNotTheAgencysOwnLines() {
        Scope operator = new Scope("budi", Set.of(Roles.OPERATOR), "dinsos-maluku", "Bidang Rehabilitasi Sosial");
        assertTrue(operator.reachesUnit("REHSOS", "bidang  rehabilitasi sosial"));
        assertFalse(operator.reachesUnit("Sekretariat Dinas Sosial"));
        assertFalse(operator.reachesUnit((String) null));
        Scope agencyWide = new Scope("sari", Set.of(Roles.OPERATOR), "dinsos-maluku", null);
        assertTrue(agencyWide.reachesUnit("Sekretariat Dinas Sosial"));
    }

    @Test
    void noTokenReachesNothing() {
        assertTrue(Scope.ANONYMOUS.anonymous());
        assertFalse(Scope.ANONYMOUS.reaches("dinsos-maluku"));
    }
}
