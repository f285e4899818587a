package id.go.maluku.sakip.planning;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.infra.PublishedEvents;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.planning.event.PlanningEvents;
import id.go.maluku.sakip.planning.event.PlanContentEvents;
import id.go.maluku.sakip.planning.event.RemovalEvents;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static id.go.maluku.sakip.planning.PlanDocumentTests.demo;
import static id.go.maluku.sakip.planning.PlanDocumentTests.importPlan;
import static id.go.maluku.sakip.planning.PlanDocumentTests.outboxRows;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Removing parts of a plan: what may go, what a removal publishes, and that an import brings it back. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class RemovalTests {

    static final String TOPIC = "sakip.planning.events";
    static final String BASE = "/api/v1/agencies/{agency}";

    static List<PublishedEvents.Event> await(String type, String subject, int atLeast) throws Exception {
        return PublishedEvents.await(TOPIC, PublishedEvents.ofType(type, subject), atLeast, Duration.ofSeconds(20));
    }

    static void assertSampleShape(String type, PublishedEvents.Event event) throws Exception {
        assertEquals(PublishedEvents.shape(PublishedEvents.sample(type)), PublishedEvents.shape(event.body()), type);
    }

    @Test
    void an_indicator_goes_with_its_targets_and_an_import_brings_it_back_with_its_id() throws Exception {
        String agency = "rm-indicator";
        importPlan(agency, demo(agency), false, 200);
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 40))
                .put(BASE + "/indicators/IKU2/targets/2023", agency).then().statusCode(201);
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 45))
                .put(BASE + "/indicators/IKU2/targets/2024", agency).then().statusCode(201);
        JsonPath before = asAdmin().get(BASE + "/indicators/IKU2", agency).then().statusCode(200).extract().jsonPath();
        String id = before.getString("id");
        long revision = before.getLong("revision");

        asAdmin().delete(BASE + "/indicators/IKU2", agency).then().statusCode(204);
        asAdmin().get(BASE + "/indicators/IKU2", agency).then().statusCode(404).contentType("application/problem+json");
        asAdmin().get(BASE + "/indicators?size=200", agency).then().body("items.code", not(hasItem("IKU2")));
        asAdmin().get(BASE + "/plan", agency).then().body("indicators.code", not(hasItem("IKU2")));
        // the second time there is nothing to remove
        long afterRemoval = outboxRows();
        asAdmin().delete(BASE + "/indicators/IKU2", agency).then().statusCode(404)
                .contentType("application/problem+json").body("detail", is("indicator 'IKU2' does not exist"));
        assertEquals(afterRemoval, outboxRows());

        List<PublishedEvents.Event> targets = await(RemovalEvents.TARGET_REMOVED, id, 2);
        assertEquals(List.of(2023, 2024), targets.stream().map(e -> e.body().path("data").path("year").asInt()).toList());
        assertEquals(id, targets.get(0).key(), "keyed by indicator id, as the target's other events");
        assertSampleShape(RemovalEvents.TARGET_REMOVED, targets.get(0));
        assertEquals(2, targets.get(0).body().path("data").path("revision").asLong(), "the target's revision 1, plus one");
        List<PublishedEvents.Event> removed = await(RemovalEvents.INDICATOR_REMOVED, id, 1);
        assertEquals(1, removed.size());
        assertSampleShape(RemovalEvents.INDICATOR_REMOVED, removed.get(0));
        JsonNode data = removed.get(0).body().path("data");
        assertEquals(List.of(agency, "IKU2", "S2", revision + 1), List.of(data.path("agencyCode").asText(),
                data.path("code").asText(), data.path("sasaranCode").asText(), data.path("revision").asLong()));

        // importing the plan document again re-creates it (upsert by code), with its old id and a newer revision
        JsonPath report = importPlan(agency, demo(agency), false, 200);
        int at = indexOf("IKU2");
        assertEquals("created", report.getString("changes.find { it.path == 'indicators[" + at + "]' }.action"));
        asAdmin().get(BASE + "/indicators/IKU2", agency).then().statusCode(200)
                .body("id", is(id)).body("revision", is((int) revision + 2)).body("targets.size()", is(0));
        List<PublishedEvents.Event> upserted = await(PlanningEvents.INDICATOR_UPSERTED, id, 2);
        assertEquals(revision + 2, upserted.get(upserted.size() - 1).body().path("data").path("revision").asLong());
        // and a target set again continues past its removal
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 41))
                .put(BASE + "/indicators/IKU2/targets/2023", agency).then().statusCode(201).body("revision", is(3));
        // the same document once more changes nothing
        long settled = outboxRows();
        asAdmin().delete(BASE + "/indicators/IKU2/targets/2023", agency).then().statusCode(204);
        importPlan(agency, demo(agency), false, 200);
        assertEquals(settled + 1, outboxRows(), "only the target's removal: the document names no IKU2 target");
    }

    @Test
    void an_indicator_in_a_perjanjian_kinerja_is_not_removed_and_the_problem_says_which_version() throws Exception {
        String agency = "rm-indicator-pk";
        importPlan(agency, demo(agency), false, 200);
        long before = outboxRows();
        // version 1 of 2022, a draft
        asAdmin().delete(BASE + "/indicators/IK5", agency).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("Perjanjian Kinerja 2022 version 1 (draft)"))
                .body("errors.field", hasItem("perjanjian-kinerja/2022/versions/1"))
                .body("errors[0].message", containsString("unsigned draft"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("date", "2022-02-01", "signedBy", "GUSNA RIA, S.E., M.M"))
                .post(BASE + "/perjanjian-kinerja/2022/versions/1/sign", agency).then().statusCode(200);
        long signed = outboxRows();
        assertEquals(before + 1, signed);
        asAdmin().delete(BASE + "/indicators/IK5", agency).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("signed Perjanjian Kinerja 2022 version 1 (signed)"))
                .body("errors[0].field", is("perjanjian-kinerja/2022/versions/1"))
                .body("errors[0].message", is("signed on 2022-02-01: a signed Perjanjian Kinerja never changes"));
        asAdmin().get(BASE + "/indicators/IK5", agency).then().statusCode(200).body("targets.size()", is(3));
        assertEquals(signed, outboxRows(), "nothing changed, nothing published");
    }

    @Test
    void a_sasaran_goes_only_once_no_indicator_measures_it() throws Exception {
        String agency = "rm-sasaran";
        asAdmin().contentType(ContentType.JSON).body(Map.of("code", agency, "name", "Dinas " + agency))
                .post("/api/v1/agencies").then().statusCode(201);
        String sasaranId = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Terlindunginya korban bencana", "ordinal", 5))
                .put(BASE + "/sasaran/S5", agency).then().statusCode(201).extract().path("id");
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("sasaran", "S5", "name", "Tersalurnya bantuan", "unit", "KK", "polarity", "positive"))
                .put(BASE + "/indicators/IK5", agency).then().statusCode(201);
        long before = outboxRows();
        asAdmin().delete(BASE + "/sasaran/S5", agency).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("still measured by indicator(s) IK5"))
                .body("errors.field", hasItem("indicators/IK5"));
        assertEquals(before, outboxRows());

        asAdmin().delete(BASE + "/indicators/IK5", agency).then().statusCode(204);
        asAdmin().delete(BASE + "/sasaran/S5", agency).then().statusCode(204);
        asAdmin().get(BASE + "/sasaran", agency).then().body("total", is(0));
        asAdmin().delete(BASE + "/sasaran/S5", agency).then().statusCode(404).contentType("application/problem+json")
                .body("detail", is("sasaran 'S5' does not exist"));
        List<PublishedEvents.Event> removed = await(RemovalEvents.SASARAN_REMOVED, sasaranId, 1);
        assertEquals(1, removed.size());
        assertEquals(sasaranId, removed.get(0).key());
        assertSampleShape(RemovalEvents.SASARAN_REMOVED, removed.get(0));
        assertEquals(2, removed.get(0).body().path("data").path("revision").asLong());

        // created again by code: the old id, the revision after the removal's
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Terlindunginya korban bencana", "ordinal", 5))
                .put(BASE + "/sasaran/S5", agency).then().statusCode(201).body("id", is(sasaranId)).body("revision", is(3));
        List<PublishedEvents.Event> upserted = await(PlanningEvents.SASARAN_UPSERTED, sasaranId, 2);
        assertEquals(List.of(1L, 3L), upserted.stream().map(e -> e.body().path("data").path("revision").asLong()).toList());
    }

    @Test
    void a_target_goes_alone_and_bad_years_are_a_problem() throws Exception {
        String agency = "rm-target";
        importPlan(agency, demo(agency), false, 200);
        String id = asAdmin().get(BASE + "/indicators/IK5", agency).then().extract().path("id");
        long before = outboxRows();
        asAdmin().delete(BASE + "/indicators/IK5/targets/1999", agency).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("year"));
        asAdmin().delete(BASE + "/indicators/IK5/targets/2031", agency).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", is("target of indicator 'IK5' for '2031' does not exist"));
        asAdmin().delete(BASE + "/indicators/IK9/targets/2023", agency).then().statusCode(404)
                .body("detail", is("indicator 'IK9' does not exist"));
        asAdmin().delete(BASE + "/indicators/IK5/targets/2023", "nowhere").then().statusCode(404)
                .body("detail", is("agency 'nowhere' does not exist"));
        assertEquals(before, outboxRows());

        asAdmin().delete(BASE + "/indicators/IK5/targets/2023", agency).then().statusCode(204);
        asAdmin().get(BASE + "/indicators/IK5", agency).then().body("targets.year", is(List.of(2022, 2024)));
        asAdmin().delete(BASE + "/indicators/IK5/targets/2023", agency).then().statusCode(404);
        // the signed or draft Perjanjian Kinerja keeps its own target
        asAdmin().get(BASE + "/perjanjian-kinerja/2022", agency).then().body("items[0].items[4].target", is(150));
        List<PublishedEvents.Event> removed = await(RemovalEvents.TARGET_REMOVED, id, 1);
        assertEquals(1, removed.size());
        assertEquals(2023, removed.get(0).body().path("data").path("year").asInt());
        assertEquals("IK5", removed.get(0).body().path("data").path("indicatorCode").asText());
        assertEquals(2, removed.get(0).body().path("data").path("revision").asLong());

        // the document names it: the import sets it again, after the removal
        JsonPath report = importPlan(agency, demo(agency), false, 200);
        assertEquals(List.of("created"), report.getList("changes.findAll { it.action != 'unchanged' }.action"));
        List<PublishedEvents.Event> set = await(PlanningEvents.TARGET_SET, id, 4);
        PublishedEvents.Event last = set.get(set.size() - 1);
        assertEquals(List.of(2023, 175, 3), List.of(last.body().path("data").path("year").asInt(),
                last.body().path("data").path("value").asInt(), last.body().path("data").path("revision").asInt()));
    }

    @Test
    void only_an_unsigned_perjanjian_kinerja_version_is_removed() throws Exception {
        String agency = "rm-pk";
        String agencyId = importPlanAndId(agency);
        String pkId = asAdmin().get(BASE + "/perjanjian-kinerja/2022", agency).then().extract().path("items[0].id");
        asAdmin().delete(BASE + "/perjanjian-kinerja/2022/versions/2", agency).then().statusCode(404)
                .contentType("application/problem+json");
        asAdmin().delete(BASE + "/perjanjian-kinerja/2022/versions/1", agency).then().statusCode(204);
        asAdmin().get(BASE + "/perjanjian-kinerja/2022", agency).then().statusCode(404);
        asAdmin().delete(BASE + "/perjanjian-kinerja/2022/versions/1", agency).then().statusCode(404);
        // the indicators it named may go now
        asAdmin().delete(BASE + "/indicators/IK5", agency).then().statusCode(204);
        List<PublishedEvents.Event> removed = PublishedEvents.await(TOPIC, e -> RemovalEvents.PK_REMOVED.equals(
                e.body().path("type").asText()) && agency.equals(e.body().path("data").path("agencyCode").asText()),
                1, Duration.ofSeconds(20));
        assertEquals(1, removed.size());
        assertSampleShape(RemovalEvents.PK_REMOVED, removed.get(0));
        assertEquals(agencyId, removed.get(0).key(), "keyed by agency, as pk.changed");
        assertEquals(List.of(2022, 1, 2), List.of(removed.get(0).body().path("data").path("year").asInt(),
                removed.get(0).body().path("data").path("version").asInt(),
                removed.get(0).body().path("data").path("revision").asInt()));

        // the import creates it again, with its id and a revision after the removal's
        importPlan(agency, demo(agency), false, 200);
        asAdmin().get(BASE + "/perjanjian-kinerja/2022", agency).then().statusCode(200)
                .body("items[0].id", is(pkId)).body("items[0].revision", is(3)).body("items[0].items.size()", is(5));

        // signed: never removed; a perubahan not yet signed may go, and the next takes its number again
        asAdmin().contentType(ContentType.JSON).body(Map.of("date", "2022-02-01", "signedBy", "GUSNA RIA, S.E., M.M"))
                .post(BASE + "/perjanjian-kinerja/2022/versions/1/sign", agency).then().statusCode(200);
        long before = outboxRows();
        asAdmin().delete(BASE + "/perjanjian-kinerja/2022/versions/1", agency).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("signed on 2022-02-01 and never changes"))
                .body("errors[0].field", is("version"));
        assertEquals(before, outboxRows());
        String revised = asAdmin().post(BASE + "/perjanjian-kinerja/2022/revisions", agency).then().statusCode(201)
                .body("version", is(2)).body("revision", is(1)).extract().path("id");
        asAdmin().delete(BASE + "/perjanjian-kinerja/2022/versions/2", agency).then().statusCode(204);
        asAdmin().post(BASE + "/perjanjian-kinerja/2022/revisions", agency).then().statusCode(201)
                .body("version", is(2)).body("id", is(revised)).body("revision", is(3));
        asAdmin().get(BASE + "/perjanjian-kinerja/2022", agency).then().body("items.version", is(List.of(1, 2)));
        List<PublishedEvents.Event> changed = PublishedEvents.await(TOPIC, e -> PlanContentEvents.PK_CHANGED.equals(
                e.body().path("type").asText()) && revised.equals(e.body().path("data").path("pkId").asText()),
                2, Duration.ofSeconds(20));
        assertEquals(List.of(1, 3), changed.stream().map(e -> e.body().path("data").path("revision").asInt()).toList());
    }

    @Test
    void perjanjian_kinerja_versions_and_personnel_tables_are_searchable_and_paged() throws Exception {
        String agency = "rm-lists";
        importPlan(agency, demo(agency), false, 200);
        asAdmin().contentType(ContentType.JSON).body(Map.of("date", "2022-02-01", "signedBy", "GUSNA RIA, S.E., M.M"))
                .post(BASE + "/perjanjian-kinerja/2022/versions/1/sign", agency).then().statusCode(200);
        asAdmin().post(BASE + "/perjanjian-kinerja/2022/revisions", agency).then().statusCode(201);
        asAdmin().get(BASE + "/perjanjian-kinerja/2022?size=1&page=1", agency).then().statusCode(200)
                .body("items.version", is(List.of(2))).body("total", is(2)).body("page", is(1)).body("size", is(1));
        asAdmin().get(BASE + "/perjanjian-kinerja/2022?signed=true", agency).then().body("items.version", is(List.of(1)));
        asAdmin().get(BASE + "/perjanjian-kinerja/2022?q=revised", agency).then().body("items.version", is(List.of(2)));
        asAdmin().get(BASE + "/perjanjian-kinerja/2022?q=gusna", agency).then().body("items.version", is(List.of(1)));
        asAdmin().get(BASE + "/perjanjian-kinerja/2022?q=IK5", agency).then().body("total", is(2));
        asAdmin().get(BASE + "/perjanjian-kinerja/2022?q=IKU5", agency).then().body("total", is(0));
        asAdmin().get(BASE + "/perjanjian-kinerja/2022?size=0", agency).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("size"));
        asAdmin().get(BASE + "/perjanjian-kinerja/2022?page=-1", agency).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("page"));

        asAdmin().get(BASE + "/personnel?q=golongan", agency).then().statusCode(200)
                .body("total", is(1)).body("items[0].total", is(106));
        asAdmin().get(BASE + "/personnel?size=1&page=1", agency).then()
                .body("items.title", is(List.of("Jumlah Pegawai Berdasarkan Golongan di Perangkat Daerah Tahun 2021")))
                .body("total", is(2));
        asAdmin().get(BASE + "/personnel?unit=UPTD-PSTW", agency).then().body("total", is(0));
        asAdmin().get(BASE + "/personnel?size=201", agency).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("size"));
        asAdmin().get(BASE + "/personnel", "nowhere").then().statusCode(404);
    }

    private static String importPlanAndId(String agency) throws Exception {
        importPlan(agency, demo(agency), false, 200);
        return asAdmin().get(BASE, agency).then().extract().path("id");
    }

    private static int indexOf(String code) throws Exception {
        return SecurityTests.indexOf(demo("any"), code);
    }
}
