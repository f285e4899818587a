package id.go.maluku.sakip.planning;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.infra.InputBounds;
import id.go.maluku.sakip.infra.OpenApiWalk;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every text a request body brings declares its bound in the OpenAPI document, and the bound fits
 * the column the text is stored in (issue 21), read from the Flyway-migrated test database: a
 * DTO's bound and its migration cannot drift apart. The plan document's profile, organisation,
 * personnel and Renstra are kept as JSON sections, where the declared bound is the rule.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class InputBoundsTests {

    @Inject
    DataSource database;

    @Test
    void every_text_input_declares_a_bound_its_column_holds() {
        JsonNode document = OpenApiWalk.document();
        assertTrue(InputBounds.inputs(document).size() >= 70, "the walk found the inputs: " + InputBounds.inputs(document));
        assertEquals(List.of(), InputBounds.walk()
                .table("NewAgency", "agency")
                .table("AgencyBody", "agency")
                .table("AgencyPart", "agency")
                .column("AgencyPart.province", "agency.province_code")
                .table("ProvincePart", "province")
                .inColumn("province.misi", "Misi")
                .table("SasaranBody", "sasaran")
                .table("SasaranPart", "sasaran")
                .column("SasaranPart.tujuan", "sasaran.tujuan_code")
                .table("IndicatorBody", "indicator")
                .notStored("IndicatorBody.sasaran", "looked up: the indicator keeps its sasaran's id")
                .table("IndicatorPart", "indicator")
                .notStored("IndicatorPart.sasaran", "looked up: the indicator keeps its sasaran's id")
                .column("IndicatorPart.scale[]", "indicator.scale")
                .table("PkPart", "perjanjian_kinerja")
                .notStored("PkPart.signedAt", "read as a date into perjanjian_kinerja.signed_at")
                .column("PkItemPart.sasaran", "pk_item.sasaran_code")
                .column("PkItemPart.indicator", "pk_item.indicator_code")
                .column("SignBody.signedBy", "perjanjian_kinerja.signed_by")
                .table("PolicyPart", "capaian_policy")
                .inColumn("capaian_policy.bands", "Band")
                .inColumn("capaian_policy.target_labels", "TargetLabels")
                // the plan's sections, each a JSON document of plan_section
                .inColumn("plan_section.content", "Profile", "Head", "IssueGroup", "AgencyMisi", "Unit", "Personnel",
                        "UnitCount", "PersonnelTablePart", "Row", "Renstra", "Tujuan")
                .column("Profile.legalBasis[]", "plan_section.content")
                .column("Profile.functions[]", "plan_section.content")
                .column("IssueGroup.items[]", "plan_section.content")
                .column("AgencyMisi.governorMisi[]", "plan_section.content")
                .column("PersonnelTablePart.columns[]", "plan_section.content")
                .column("Renstra.strategi[]", "plan_section.content")
                .column("Renstra.kebijakan[]", "plan_section.content")
                .column("Renstra.arahKebijakan[]", "plan_section.content")
                .column("Tujuan.misi[]", "plan_section.content")
                .mismatches(document, database));
    }

    /**
     * The plan document's texts had no bound: an indicator's name past its varchar(1000), a data
     * source past its varchar(300), a signatory past theirs reached the insert. Now each is refused
     * before any work with its path, and a text at its bound is kept whole.
     */
    @Test
    void a_plan_text_past_its_bound_is_refused_with_its_path_and_one_at_it_is_kept() throws Exception {
        ObjectNode doc = PlanDocumentTests.demo("bounds-plan");
        ObjectNode indicator = (ObjectNode) doc.get("indicators").get(0);
        indicator.put("name", "n".repeat(1001));
        indicator.put("dataSource", "d".repeat(301));
        ((ObjectNode) doc.get("profile")).put("visi", "v".repeat(20_001));
        ((ArrayNode) doc.get("renstra").get("strategi")).set(0, TextNode.valueOf("s".repeat(2001)));
        JsonPath problem = asAdmin().contentType(ContentType.JSON).body(doc.toString())
                .put("/api/v1/agencies/bounds-plan/plan")
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertEquals(List.of("indicators[0].dataSource", "indicators[0].name", "profile.visi", "renstra.strategi[0]"),
                problem.getList("errors.field", String.class).stream().sorted().toList(), problem.prettify());
        assertEquals(List.of("size must be between 0 and 1000"),
                problem.getList("errors.findAll { it.field == 'indicators[0].name' }.message"));
        asAdmin().get("/api/v1/agencies/bounds-plan/plan").then().statusCode(404);

        indicator.put("name", "n".repeat(1000));
        indicator.put("dataSource", "d".repeat(300));
        ((ObjectNode) doc.get("profile")).put("visi", "v".repeat(20_000));
        ((ArrayNode) doc.get("renstra").get("strategi")).set(0, TextNode.valueOf("s".repeat(2000)));
        PlanDocumentTests.importPlan("bounds-plan", doc, false, 200);
        JsonPath plan = asAdmin().get("/api/v1/agencies/bounds-plan/plan").then().statusCode(200).extract().jsonPath();
        String code = indicator.get("code").asText();
        assertEquals("n".repeat(1000), plan.getString("indicators.find { it.code == '" + code + "' }.name"));
        assertEquals("d".repeat(300), plan.getString("indicators.find { it.code == '" + code + "' }.dataSource"));
        assertEquals(20_000, plan.getString("profile.visi").length());
        assertEquals("s".repeat(2000), plan.getString("renstra.strategi[0]"));

        // the signatory of a Perjanjian Kinerja: perjanjian_kinerja.signed_by holds 300
        asAdmin().contentType(ContentType.JSON).body(Map.of("date", "2022-02-01", "signedBy", "g".repeat(301)))
                .post("/api/v1/agencies/bounds-plan/perjanjian-kinerja/2022/versions/1/sign")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("signedBy")).body("errors[0].message", is("size must be between 0 and 300"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("date", "2022-02-01", "signedBy", "g".repeat(300)))
                .post("/api/v1/agencies/bounds-plan/perjanjian-kinerja/2022/versions/1/sign")
                .then().statusCode(200).body("signed", is(true)).body("signedBy", is("g".repeat(300)));
    }

    @Test
    void every_text_query_parameter_declares_a_bound() {
        assertEquals(List.of(), InputBounds.unboundedParameters(OpenApiWalk.document()));
    }
}
