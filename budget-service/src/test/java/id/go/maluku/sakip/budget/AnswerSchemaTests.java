package id.go.maluku.sakip.budget;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.infra.OpenApiWalk;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every JSON answer of the budget's operations, on real data sent as the document's own request
 * examples, is what the document promises a generated client (issue 24): each property required
 * (the answers are written whole, nulls included) and each null one its schema allows.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class AnswerSchemaTests {

    static final String BASE = "/api/v1/agencies/{agency}/years/{year}/budget";
    static final String AGENCY = "bud-answers";
    static final String CODE = "1.06.04.2.01.0001";
    static final String SPENT = "1.06.04.2.01.0002";

    final JsonNode document = OpenApiWalk.document();
    final List<String> mismatches = new ArrayList<>();
    final Set<String> checked = new TreeSet<>();

    /** The first example of the operation's request body of that media type, as text. */
    String example(String operation, String type, String name) {
        String method = operation.substring(0, operation.indexOf(' ')).toLowerCase();
        JsonNode examples = document.path("paths").path(operation.substring(operation.indexOf(' ') + 1)).path(method)
                .path("requestBody").path("content").path(type).path("examples");
        JsonNode value = (name == null ? examples.elements().next() : examples.path(name)).path("value");
        return value.isTextual() ? value.asText() : value.toString();
    }

    void check(String operation, Response response, int status) {
        assertEquals(status, response.statusCode(), operation + ": " + response.asString());
        checked.add(operation + " " + status);
        mismatches.addAll(OpenApiWalk.strictMismatches(document, operation, status, response.asString()));
    }

    String path(String operation) {
        return operation.substring(operation.indexOf(' ') + 1).replace("{agency}", AGENCY).replace("{year}", "2022")
                .replace("{code}", CODE);
    }

    Response sendJson(String operation) {
        return asAdmin().contentType("application/json").body(example(operation, "application/json", null))
                .request(operation.substring(0, operation.indexOf(' ')), path(operation));
    }

    @Test
    void every_json_answer_of_the_budget_agrees_with_its_schema_every_property_required() {
        String line = "PUT " + BASE + "/lines/{code}";
        check(line, sendJson(line), 201);
        check(line, sendJson(line), 200);
        for (String part : List.of("/links", "/outputs", "/rak")) {
            String operation = "PUT " + BASE + "/lines/{code}" + part;
            check(operation, sendJson(operation), 200);
        }
        // spending on a line that states no realisasi of its own (entries then make it)
        check(line, asAdmin().contentType("application/json").body("{\"name\": \"Belanja\", \"pagu\": 500000000}")
                .put(path(line).replace(CODE, SPENT)), 201);
        String spending = "POST " + BASE + "/lines/{code}/spending";
        for (int status : new int[]{201, 200}) {
            check(spending, asAdmin().contentType("application/json").body(example(spending, "application/json", null))
                    .post(path(spending).replace(CODE, SPENT)), status);
        }
        // a batch without a batch id (its report's batchId is null), then with one
        String batch = "POST " + BASE + "/batches";
        check(batch, asAdmin().contentType("application/json").body(example(batch, "application/json", null))
                .post(path(batch)), 200);
        check(batch, asAdmin().contentType("application/json").body(example(batch, "application/json", null))
                .queryParam("batchId", "answers-1").post(path(batch)), 200);
        // a file of lines, of spending, and one row rejected (its errors and key listed)
        String imports = "POST " + BASE + "/imports";
        check(imports, asAdmin().contentType("text/csv")
                .body(example(imports, "text/csv", "lines").getBytes(StandardCharsets.UTF_8))
                .queryParam("kind", "lines").queryParam("batchId", "answers-file").post(path(imports)), 200);
        check(imports, asAdmin().contentType("text/csv")
                .body(example(imports, "text/csv", "spending").getBytes(StandardCharsets.UTF_8))
                .queryParam("kind", "spending").post(path(imports)), 200);
        check(imports, asAdmin().contentType("text/csv")
                .body("id_transaksi,kode_sub_kegiatan,tanggal,nilai,no_sp2d\n,1.06.04.2.01.0001,2022-13-45,-1,X\n"
                        .getBytes(StandardCharsets.UTF_8))
                .queryParam("kind", "spending").post(path(imports)), 200);
        String republish = "POST " + BASE + "/republish";
        check(republish, asAdmin().post(path(republish)), 200);
        String budget = "GET " + BASE;
        check(budget, asAdmin().get(path(budget)), 200);

        assertEquals(List.of(), mismatches);
        // every JSON success of the budget's own operations was met
        Set<String> documented = new TreeSet<>();
        for (var operation : OpenApiWalk.operationNodes(document)) {
            if (!operation.getKey().contains("/budget")) {
                continue;
            }
            operation.getValue().path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("2") && response.getValue().path("content").has("application/json")) {
                    documented.add(operation.getKey() + " " + response.getKey());
                }
            });
        }
        assertEquals(documented, checked);
    }
}
