package id.go.maluku.sakip.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.platform.error.ApiProblem.FieldError;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProblemMappersTest {

    enum Scale { NUMERIC, ORDINAL }

    record Item(int value, Scale scale) {
    }

    record Doc(List<Item> items) {
    }

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aProblemHasTheRfc9457FieldsInOrderAndErrorsOnlyWhenThereAreAny() {
        Response withErrors = ProblemMappers.problem(400, "Invalid request", "year: too early",
                List.of(new FieldError("year", "too early")));
        assertEquals(400, withErrors.getStatus());
        assertEquals("application/problem+json", withErrors.getMediaType().toString());
        Map<?, ?> body = (Map<?, ?>) withErrors.getEntity();
        assertEquals(List.of("type", "title", "status", "detail", "errors"), List.copyOf(body.keySet()));
        assertEquals("about:blank", body.get("type"));
        assertEquals("Invalid request", body.get("title"));
        assertEquals(400, body.get("status"));
        assertEquals("year: too early", body.get("detail"));
        assertEquals(List.of(new FieldError("year", "too early")), body.get("errors"));

        Map<?, ?> without = (Map<?, ?>) ProblemMappers.problem(409, "Conflict", "taken", List.of()).getEntity();
        assertEquals(List.of("type", "title", "status", "detail"), List.copyOf(without.keySet()));
    }

    @Test
    void aValueOfTheWrongTypeNamesItsPathInTheDocument() {
        Map<?, ?> body = body(mappers.unreadableJson(readError("{\"items\":[{\"value\":1},{\"value\":\"many\"}]}")));
        assertEquals("items[1].value: value 'many' is not a valid number", body.get("detail"));
        assertEquals(List.of(new FieldError("items[1].value", "value 'many' is not a valid number")), body.get("errors"));
    }

    @Test
    void anUnknownEnumValueListsTheValuesThatAreAccepted() {
        Map<?, ?> body = body(mappers.unreadableJson(readError("{\"items\":[{\"scale\":\"GRADE\"}]}")));
        assertEquals(List.of(new FieldError("items[0].scale",
                "value 'GRADE' is not a valid value; expected one of NUMERIC, ORDINAL")), body.get("errors"));
    }

    @Test
    void brokenJsonIsBlamedOnTheBody() {
        Response response = mappers.unreadableJson(readError("{\"items\":"));
        assertEquals(400, response.getStatus());
        assertEquals("body", ((List<?>) body(response).get("errors")).stream()
                .map(e -> ((FieldError) e).field()).findFirst().orElseThrow());
    }

    @Test
    void theJsonReadersWrappedErrorIsUnwrappedToNameTheField() {
        JsonProcessingException json = readError("{\"items\":[{\"value\":\"many\"}]}");
        Map<?, ?> body = body(mappers.webApplication(new BadRequestException(json)));
        assertEquals("items[0].value: value 'many' is not a valid number", body.get("detail"));
    }

    @Test
    void anyOtherWebErrorKeepsItsStatusWithItsReasonAsTitle() {
        Response response = mappers.webApplication(new NotFoundException("no such path"));
        assertEquals(404, response.getStatus());
        assertEquals("Not Found", body(response).get("title"));
        assertEquals("no such path", body(response).get("detail"));
    }

    @Test
    void anUnexpectedErrorIs500WithoutItsInternals() {
        Response response = mappers.unexpected(new StackOverflowError("deep in RealisasiStore"));
        assertEquals(500, response.getStatus());
        assertEquals("the request could not be completed; see the service log", body(response).get("detail"));
        assertFalse(body(response).toString().contains("RealisasiStore"));
    }

    @Test
    void aMethodParameterViolationIsNamedByItsPathInsideTheParameter() {
        assertEquals("value", ProblemMappers.fieldOf("upsert.request.value"));
        assertEquals("items[0].value", ProblemMappers.fieldOf("upsert.request.items[0].value"));
        assertEquals("year", ProblemMappers.fieldOf("year"));
        assertEquals("renstra.strategi[0]", ProblemMappers.fieldOf("importPlan.document.renstra.strategi[0].<list element>"));
    }

    @Test
    void apiProblemFactoriesNameTheirField() {
        ApiProblem notFound = ApiProblem.notFound("indicator", "IK5");
        assertEquals(404, notFound.status());
        assertEquals("indicator 'IK5' does not exist", notFound.getMessage());
        assertEquals(List.of(new FieldError("indicator", "indicator 'IK5' does not exist")), notFound.errors());
        assertEquals("agency", ApiProblem.notFound("agency code", "x").errors().get(0).field());

        ApiProblem invalid = ApiProblem.invalid("year", "outside the Renstra period");
        assertEquals(400, invalid.status());
        assertEquals("year: outside the Renstra period", invalid.getMessage());

        ApiProblem tooLarge = ApiProblem.tooLarge("file", "larger than 10 MB");
        assertEquals(413, tooLarge.status());
        assertEquals("Payload too large", tooLarge.title());

        assertEquals(List.of(), ApiProblem.conflict("taken").errors());
        assertEquals(List.of(), new ApiProblem(400, "t", "d", null).errors());
    }

    @Test
    void anApiProblemIsRenderedAsThrown() {
        Map<?, ?> body = body(mappers.apiProblem(ApiProblem.conflict("version 2 is already signed")));
        assertEquals(409, body.get("status"));
        assertEquals("Conflict", body.get("title"));
        assertEquals("version 2 is already signed", body.get("detail"));
    }

    private static JsonProcessingException readError(String json) {
        return assertThrows(JsonProcessingException.class, () -> new ObjectMapper().readValue(json, Doc.class));
    }

    private static Map<?, ?> body(Response response) {
        return (Map<?, ?>) response.getEntity();
    }
}
