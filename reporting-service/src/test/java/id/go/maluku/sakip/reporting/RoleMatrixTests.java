package id.go.maluku.sakip.reporting;

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
        List<String> mismatches = OpenApiWalk.roleMismatches("matrix-reporting",
                // a build no test makes: a build of another agency would rightly be refused
                Map.of("id", "987654321"),
                Set.of(
                        // the request audit of an agency token must name its agency (?agency=...)
                        "GET /api/v1/request-audit verifier",
                        // the build list of an agency token must name its agency (?agency=...)
                        "GET /api/v1/builds planner", "GET /api/v1/builds operator", "GET /api/v1/builds verifier",
                        "GET /api/v1/builds viewer",
                        // the province overview is for a viewer of the province, not of one agency
                        "GET /api/v1/province/years/{year}/agencies viewer"));
        assertEquals(List.of(), mismatches);
    }
}
