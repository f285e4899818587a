package id.go.maluku.sakip.planning;

import id.go.maluku.sakip.infra.OpenApiWalk;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every operation and every role: the roles each operation's OpenAPI entry states are exactly
 * the roles it admits (docs/security.md), for operations nobody wrote a test for too.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class RoleMatrixTests {

    @Test
    void every_operation_admits_exactly_the_roles_its_document_states() {
        List<String> mismatches = OpenApiWalk.roleMismatches("matrix-planning", Map.of(),
                Set.of(
                        // the request audit of an agency token must name its agency (?agency=...)
                        "GET /api/v1/request-audit verifier",
                        // a plan import that would create the agency is the province's (admin only)
                        "PUT /api/v1/agencies/{agency}/plan planner"));
        assertEquals(List.of(), mismatches);
    }
}
