package id.go.maluku.sakip.reporting;

import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.infra.Tokens;
import id.go.maluku.sakip.reporting.readmodel.LkipPublication;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;

import static id.go.maluku.sakip.infra.Tokens.as;
import static org.hamcrest.Matchers.is;

/**
 * With {@code sakip.security.public-reports=false} a published LKIP is read like the draft: with a
 * token of the agency or the province. Its own profile, so the service starts once more for it.
 */
@QuarkusTest
@TestProfile(PrivateReportsSecurityTests.PrivateReports.class)
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PrivateReportsSecurityTests {

    public static class PrivateReports implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sakip.security.public-reports", "false");
        }
    }

    static final String AGENCY = "sec-rep-private";
    static final String LIST = "/api/v1/agencies/{agency}/years/2022/lkip/publications";

    /** A stored publication, as PublicationService leaves one; how it was rendered is not the point here. */
    static void published() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (LkipPublication.count("agencyCode = ?1 and year = 2022", AGENCY) == 0) {
                LkipPublication p = new LkipPublication();
                p.agencyCode = AGENCY;
                p.year = 2022;
                p.version = 1;
                p.publishedAt = OffsetDateTime.parse("2023-02-28T09:00:00+09:00");
                p.publishedBy = "planner.private";
                p.checksum = "0".repeat(64);
                p.json = "{\"title\":\"LKIP 2022\"}";
                p.html = "<html><body>LKIP 2022</body></html>";
                p.pdf = "%PDF-1.4".getBytes(StandardCharsets.ISO_8859_1);
                p.xlsx = new byte[]{'P', 'K'};
                p.persist();
            }
        });
    }

    @Test
    void a_published_lkip_is_read_only_by_the_agency_and_the_province() {
        published();
        RestAssured.given().get(LIST, AGENCY).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        RestAssured.given().accept("text/html").get(LIST + "/1", AGENCY).then().statusCode(401)
                .contentType("application/problem+json");

        String otherViewer = Tokens.user("viewer.other").roles("viewer").agency("other-agency").mint();
        as(otherViewer).get(LIST, AGENCY).then().statusCode(403).contentType("application/problem+json");
        as(otherViewer).accept("text/html").get(LIST + "/1", AGENCY).then().statusCode(403);
        String sipd = Tokens.user("sipd").roles("integration", "province").mint();
        as(sipd).get(LIST, AGENCY).then().statusCode(403);

        String ownViewer = Tokens.user("viewer.private").roles("viewer").agency(AGENCY).mint();
        as(ownViewer).get(LIST, AGENCY).then().statusCode(200).body("version", is(java.util.List.of(1)))
                .body("[0].publishedBy", is("planner.private"));
        as(ownViewer).accept("text/html").get(LIST + "/1", AGENCY).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("LKIP 2022"));
        String province = Tokens.user("gubernur.dashboard").roles("viewer", "province").mint();
        as(province).accept("application/json").get(LIST + "/1", AGENCY).then().statusCode(200)
                .body("title", is("LKIP 2022"));
        as(Tokens.admin()).get(LIST, AGENCY).then().statusCode(200);
    }
}
