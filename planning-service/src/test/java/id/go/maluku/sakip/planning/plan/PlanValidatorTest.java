package id.go.maluku.sakip.planning.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.planning.domain.Province;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The plan document's rules, part by part, as a table: a document (only the parts the row is
 * about) imported into agency "dinsos", the province's governor knowing misi G1, and every error
 * the validator names, in reading order. Each row is the smallest document that shows its rule.
 */
class PlanValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    static Stream<Arguments> parts() {
        return Stream.of(
                Arguments.of("an empty document is valid: every part is optional", "{}", List.of()),
                Arguments.of("the format read", "{\"formatVersion\": 2}",
                        List.of("formatVersion: this service reads format 1")),
                Arguments.of("the agency: the one imported into, with a name",
                        "{\"agency\": {\"code\": \"dinsos-lain\", \"name\": \" \"}}",
                        List.of("agency.code: is 'dinsos-lain' but the document is imported into 'dinsos'",
                                "agency.name: required")),
                Arguments.of("the province: a code, a name, each governor misi once",
                        "{\"province\": {\"code\": \"\", \"name\": \"Maluku\", \"misi\": [{\"code\": \"G1\", \"text\": \"a\"},"
                                + " {\"code\": \"G1\", \"text\": \"b\"}, {\"code\": \"G2\"}]}}",
                        List.of("province.code: required: 1-64 letters, digits, '.', '_' or '-'",
                                "province.misi[1].code: duplicate code 'G1'",
                                "province.misi[2]: code and text are required")),
                Arguments.of("the profile: a NIP of 18 digits, misi serving the governor's",
                        "{\"profile\": {\"head\": {\"nip\": \"1970 0101\"}, \"misi\": [{\"code\": \"M1\", \"text\": \"a\","
                                + " \"governorMisi\": [\"G1\", \"G9\"]}, {\"code\": \"M1\", \"text\": \"b\"}]}}",
                        List.of("profile.head.nip: a NIP has 18 digits (spaces allowed)",
                                "profile.misi[0].governorMisi: the governor has no misi 'G9'",
                                "profile.misi[1].code: duplicate code 'M1'")),
                Arguments.of("a province given replaces the governor's known misi",
                        "{\"province\": {\"code\": \"maluku\", \"name\": \"Maluku\", \"misi\": [{\"code\": \"G2\", \"text\": \"b\"}]},"
                                + " \"profile\": {\"misi\": [{\"code\": \"M1\", \"text\": \"a\", \"governorMisi\": [\"G1\"]}]}}",
                        List.of("profile.misi[0].governorMisi: the governor has no misi 'G1'")),
                Arguments.of("the Renstra: its period, its tujuan serving the agency's misi",
                        "{\"profile\": {\"misi\": [{\"code\": \"M1\", \"text\": \"a\"}]}, \"renstra\": {\"tujuan\": ["
                                + "{\"code\": \"T1\", \"text\": \"t\", \"misi\": [\"M1\", \"M9\"]}, {\"code\": \"T1\", \"text\": \"u\"}]}}",
                        List.of("renstra: startYear and endYear are required",
                                "renstra.tujuan[0].misi: the agency has no misi 'M9'",
                                "renstra.tujuan[1].code: duplicate code 'T1'")),
                Arguments.of("without a profile, a tujuan's misi are not checked",
                        "{\"renstra\": {\"startYear\": 2019, \"endYear\": 2024, \"tujuan\": [{\"code\": \"T1\", \"text\": \"t\","
                                + " \"misi\": [\"M9\"]}]}}",
                        List.of()),
                Arguments.of("sasaran: a code once, a name, a tujuan of the Renstra",
                        "{\"renstra\": {\"startYear\": 2019, \"endYear\": 2024, \"tujuan\": [{\"code\": \"T1\", \"text\": \"t\"}]},"
                                + " \"sasaran\": [{\"code\": \"S1\", \"name\": \"a\", \"tujuan\": \"T1\"}, {\"code\": \"S1\", \"name\": \"\"},"
                                + " {\"code\": \"S/2\", \"name\": \"b\"}, {\"code\": \"S3\", \"name\": \"c\", \"tujuan\": \"T9\"}]}",
                        List.of("sasaran[1].code: duplicate code 'S1'", "sasaran[1].name: required",
                                "sasaran[2].code: required: 1-64 letters, digits, '.', '_' or '-'",
                                "sasaran[3].tujuan: the Renstra has no tujuan 'T9'")),
                Arguments.of("without a Renstra, a sasaran's tujuan is not checked",
                        "{\"sasaran\": [{\"code\": \"S1\", \"name\": \"a\", \"tujuan\": \"T9\"}]}",
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parts")
    void each_part_names_what_breaks_its_rules(String rule, String document, List<String> expected) throws Exception {
        PlanDocument doc = JSON.readValue(document, PlanDocument.class);
        List<String> errors = PlanValidator.validate("dinsos", doc, Map.of("G1", new Province.Misi("G1", "Maluku sejahtera")))
                .stream().map(e -> e.field() + ": " + e.message()).toList();
        assertEquals(expected, errors, rule);
    }
}
