package id.go.maluku.sakip.planning;

import id.go.maluku.sakip.infra.OpenApiWalk;
import id.go.maluku.sakip.infra.PublishedEvents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.planning.event.PlanContentEvents;
import id.go.maluku.sakip.platform.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed agency's whole plan (deploy/demo/dinsos-maluku-plan.json) through import and export. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PlanDocumentTests {

    static ObjectNode demo(String agency) throws Exception {
        ObjectNode doc = (ObjectNode) PublishedEvents.JSON.readTree(
                Files.readString(Path.of("..", "deploy", "demo", "dinsos-maluku-plan.json")));
        ((ObjectNode) doc.get("agency")).put("code", agency);
        return doc;
    }

    static JsonPath importPlan(String agency, JsonNode doc, boolean dryRun, int status) {
        return asAdmin().contentType(ContentType.JSON).body(doc.toString())
                .put("/api/v1/agencies/{a}/plan?dryRun={d}", agency, dryRun)
                .then().statusCode(status).extract().jsonPath();
    }

    static long outboxRows() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
    }

    /**
     * The read operations' answers on the demo plan are what their schemas promise a generated
     * client (issue 24): every property is required (the views are written whole) and every
     * value of its type. Two of the demo's indicators without targets get a range and a scale
     * level, so that a target of each kind is read: TargetValue, as the plan takes it.
     */
    @Test
    void the_answers_on_the_demo_plan_agree_with_their_schemas() throws Exception {
        ObjectNode doc = demo("plan-schema");
        for (JsonNode indicator : doc.get("indicators")) {
            ObjectNode i = (ObjectNode) indicator;
            if (i.get("code").asText().equals("IKU1")) {
                i.put("polarity", "range");
                i.putObject("targets").putObject("2022").put("low", 80).put("high", 90);
            } else if (i.get("code").asText().equals("IKU2")) {
                i.put("polarity", "ordinal");
                i.putArray("scale").add("C").add("B").add("A");
                i.putObject("targets").put("2022", "B");
            }
        }
        importPlan("plan-schema", doc, false, 200);
        JsonNode document = OpenApiWalk.document();
        String agency = "/api/v1/agencies/{agency}";
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        answers.put(agency, "/api/v1/agencies/plan-schema");
        answers.put(agency + "/sasaran", "/api/v1/agencies/plan-schema/sasaran");
        answers.put(agency + "/sasaran/{code}", "/api/v1/agencies/plan-schema/sasaran/S1");
        answers.put(agency + "/indicators", "/api/v1/agencies/plan-schema/indicators?size=100");
        answers.put(agency + "/indicators/{code}", "/api/v1/agencies/plan-schema/indicators/IK5");
        answers.put("/api/v1/agencies", "/api/v1/agencies?q=plan-schema");
        List<String> mismatches = new java.util.ArrayList<>();
        for (Map.Entry<String, String> operation : answers.entrySet()) {
            JsonNode schema = document.path("paths").path(operation.getKey())
                    .at("/get/responses/200/content/application~1json/schema");
            assertTrue(!schema.isMissingNode(), operation.getKey());
            JsonNode answer = PublishedEvents.JSON.readTree(asAdmin().get(operation.getValue()).then().statusCode(200)
                    .extract().asString());
            OpenApiWalk.answerMismatches(document, schema, answer, true)
                    .forEach(mismatch -> mismatches.add(operation.getKey() + " " + mismatch));
        }
        assertEquals(List.of(), mismatches);
        // real answers were walked, a target of each kind typed as the plan document has it
        assertEquals(150, asAdmin().get("/api/v1/agencies/plan-schema/indicators/IK5").jsonPath().getInt("targets[0].value"));
        assertEquals(Map.of("low", 80, "high", 90),
                asAdmin().get("/api/v1/agencies/plan-schema/indicators/IKU1").then().statusCode(200).extract().jsonPath()
                        .getMap("targets[0].value"));
        assertEquals("B", asAdmin().get("/api/v1/agencies/plan-schema/indicators/IKU2").then().statusCode(200).extract()
                .jsonPath().getString("targets[0].value"));
        // realization takes a grade indicator's kind and levels from this event (issue 23.2)
        JsonNode defined = PublishedEvents.await("sakip.planning.events",
                e -> PlanContentEvents.INDICATOR_DEFINED.equals(e.body().path("type").asText())
                        && "IKU2".equals(e.body().path("data").path("code").asText())
                        && "plan-schema".equals(e.body().path("data").path("agencyCode").asText()), 1, Duration.ofSeconds(20))
                .get(0).body().path("data");
        assertEquals("ordinal", defined.path("polarity").asText());
        assertEquals(List.of("C", "B", "A"), PublishedEvents.JSON.convertValue(defined.path("scale"), List.class));
    }

    @Test
    void the_seed_plan_is_held_whole_and_export_then_import_changes_nothing() throws Exception {
        JsonPath first = importPlan("plan-seed", demo("plan-seed"), false, 200);
        // the province is shared with other agencies' imports; everything of the agency is new
        assertEquals(List.of("created"), List.copyOf(new TreeSet<>(first.getList("changes.findAll { it.path != 'province' }.action"))));

        JsonPath plan = asAdmin().get("/api/v1/agencies/plan-seed/plan").then().statusCode(200).extract().jsonPath();
        assertEquals(13, plan.getList("profile.legalBasis").size());
        assertEquals("19650816 198603 2 023", plan.getString("profile.head.nip"));
        assertEquals(true, plan.getBoolean("profile.head.acting"));
        assertEquals(25, plan.getList("organisation.units").size());
        assertEquals(3, plan.getList("organisation.units.findAll { it.type == 'UPTD' }").size());
        assertEquals("Rumah Singgah (Passo)", plan.getString("organisation.units.find { it.type == 'SERVICE_UNIT' }.name"));
        assertEquals(List.of("GM6"), plan.getList("profile.misi[0].governorMisi"));
        assertEquals(6, plan.getList("province.misi").size());
        assertEquals(List.of("T1", "T2", "T3", "T3", "T3"), plan.getList("sasaran.tujuan"));
        assertEquals(10, plan.getList("indicators").size());
        assertEquals(5, plan.getList("indicators.findAll { it.iku == true }").size());
        assertEquals(150, plan.getInt("indicators.find { it.code == 'IK5' }.targets.'2022'"));
        assertEquals(200, plan.getInt("indicators.find { it.code == 'IK5' }.targets.'2024'"));
        assertEquals("Bidang Rehabilitasi Sosial", plan.getString("indicators.find { it.code == 'IKU4' }.responsibleUnit"));
        // issue 23 point 3: the seed's IK1..IK5 state no decimals and get the default 2, as IKU1..IKU5 state
        assertEquals(List.of(2, 2, 2, 2, 2, 2, 2, 2, 2, 2), plan.getList("indicators.decimals"));
        assertEquals(5, plan.getList("perjanjianKinerja[0].items").size());
        // the personnel table exactly as printed, "-" kept as no count
        assertEquals(3, plan.getInt("personnel.tables[0].rows[1].statedTotal"));
        assertTrue(plan.get("personnel.tables[0].rows[6].counts[0]") == null);

        long before = outboxRows();
        JsonNode exported = PublishedEvents.JSON.readTree(asAdmin().get("/api/v1/agencies/plan-seed/plan").asString());
        JsonPath again = importPlan("plan-seed", exported, false, 200);
        assertEquals(List.of("unchanged"), List.copyOf(new TreeSet<>(again.getList("changes.action"))));
        assertEquals(before, outboxRows(), "importing the export publishes nothing");
        JsonNode exportedAgain = PublishedEvents.JSON.readTree(asAdmin().get("/api/v1/agencies/plan-seed/plan").asString());
        assertEquals(exported, exportedAgain);
    }

    @Test
    void a_dry_run_reports_the_changes_and_keeps_nothing() throws Exception {
        importPlan("plan-dry", demo("plan-dry"), false, 200);
        long before = outboxRows();
        ObjectNode changed = demo("plan-dry");
        ((ObjectNode) changed.get("profile")).put("address", "Jl. Baru");
        ((ObjectNode) changed.get("indicators").get(4).get("targets")).put("2023", 180);
        JsonPath report = importPlan("plan-dry", changed, true, 200);
        assertEquals(true, report.getBoolean("dryRun"));
        assertEquals("updated", report.getString("changes.find { it.path == 'profile' }.action"));
        assertEquals("updated", report.getString("changes.find { it.path == 'indicators[4].targets.2023' }.action"));
        assertEquals(List.of("profile", "indicators[4].targets.2023"),
                report.getList("changes.findAll { it.action == 'updated' }.path"), report.prettify());
        assertEquals(before, outboxRows());
        asAdmin().get("/api/v1/agencies/plan-dry/plan").then()
                .body("profile.address", is("Jl. R.A. Kartini no. 14 Karang panjang, Ambon"))
                .body("indicators.find { it.code == 'IK5' }.targets.'2023'", is(175));
    }

    @Test
    void a_bad_document_is_refused_whole_with_every_path_at_fault() throws Exception {
        ObjectNode doc = demo("plan-bad-doc");
        ArrayNode indicators = (ArrayNode) doc.get("indicators");
        ((ObjectNode) indicators.get(0).get("targets")).put("2031", 5);       // outside the Renstra
        ((ObjectNode) indicators.get(1).get("targets")).put("2022", "tiga");  // text for a numeric indicator
        ((ObjectNode) indicators.get(2)).put("code", "IK1");                   // duplicate code
        ((ObjectNode) indicators.get(3)).put("sasaran", "S9");                 // unknown sasaran
        ((ObjectNode) doc.get("capaianPolicy").get("bands").get(2)).put("from", 70); // gap 66..70
        ((ObjectNode) doc.get("organisation").get("units").get(0)).put("parent", "SEK-UMUM"); // a cycle
        JsonPath problem = asAdmin().contentType(ContentType.JSON).body(doc.toString())
                .put("/api/v1/agencies/plan-bad-doc/plan")
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        List<String> fields = problem.getList("errors.field");
        assertTrue(fields.containsAll(List.of("indicators[0].targets.2031", "indicators[1].targets.2022",
                "indicators[2].code", "indicators[3].sasaran", "capaianPolicy.bands[2].from",
                "organisation.units[0].parent")), fields.toString());
        asAdmin().get("/api/v1/agencies/plan-bad-doc/plan").then().statusCode(404);

        asAdmin().contentType(ContentType.JSON).body("{\"indicators\":[{\"code\":\"X\",\"polarity\":\"sideways\"}]}")
                .put("/api/v1/agencies/plan-bad-doc/plan")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("indicators[0].polarity"));
    }

    @Test
    void a_signed_perjanjian_kinerja_never_changes_a_revision_makes_a_new_version() throws Exception {
        importPlan("plan-pk", demo("plan-pk"), false, 200);
        asAdmin().contentType(ContentType.JSON).body(Map.of("date", "2022-02-01", "signedBy", "GUSNA RIA, S.E., M.M"))
                .post("/api/v1/agencies/plan-pk/perjanjian-kinerja/2022/versions/1/sign")
                .then().statusCode(200).body("signed", is(true));
        long before = outboxRows();

        Map<String, Object> edit = Map.of("items", List.of(Map.of("sasaran", "S5", "indicator", "IK5", "target", 175)));
        asAdmin().contentType(ContentType.JSON).body(edit)
                .put("/api/v1/agencies/plan-pk/perjanjian-kinerja/2022/versions/1")
                .then().statusCode(409).contentType("application/problem+json");
        ObjectNode doc = demo("plan-pk");
        ((ObjectNode) doc.get("perjanjianKinerja").get(0).get("items").get(4)).put("target", 175);
        importPlan("plan-pk", doc, false, 409);
        asAdmin().contentType(ContentType.JSON).body(Map.of("date", "2022-02-02", "signedBy", "X"))
                .post("/api/v1/agencies/plan-pk/perjanjian-kinerja/2022/versions/1/sign").then().statusCode(409);
        assertEquals(before, outboxRows());

        asAdmin().post("/api/v1/agencies/plan-pk/perjanjian-kinerja/2022/revisions").then().statusCode(201)
                .body("version", is(2)).body("kind", is("revised")).body("signed", is(false));
        asAdmin().contentType(ContentType.JSON).body(edit)
                .put("/api/v1/agencies/plan-pk/perjanjian-kinerja/2022/versions/2")
                .then().statusCode(200).body("items[0].target", is(175));
        asAdmin().contentType(ContentType.JSON).body(Map.of("items", List.of(Map.of("sasaran", "S5", "indicator", "IK5", "target", "banyak"))))
                .put("/api/v1/agencies/plan-pk/perjanjian-kinerja/2022/versions/2")
                .then().statusCode(400).body("errors.field", hasItem("items[0].target"));
        asAdmin().contentType(ContentType.JSON).body(edit)
                .put("/api/v1/agencies/plan-pk/perjanjian-kinerja/2031/versions/1")
                .then().statusCode(400).body("errors.field", hasItem("year"));
        asAdmin().get("/api/v1/agencies/plan-pk/perjanjian-kinerja/2022").then().statusCode(200)
                .body("items.version", is(List.of(1, 2))).body("items[0].items.size()", is(5))
                .body("items[0].items[4].target", is(150)).body("total", is(2));

        List<PublishedEvents.Event> events = PublishedEvents.await("sakip.planning.events",
                e -> PlanContentEvents.PK_CHANGED.equals(e.body().path("type").asText())
                        && "plan-pk".equals(e.body().path("data").path("agencyCode").asText()), 4, Duration.ofSeconds(20));
        assertEquals(4, events.size(), "created, signed, revised, changed");
        assertEquals(PublishedEvents.shape(PublishedEvents.sample(PlanContentEvents.PK_CHANGED)),
                PublishedEvents.shape(events.get(1).body()));
        assertEquals("2022-02-01", events.get(1).body().path("data").path("signedAt").asText());
    }

    @Test
    void rating_bands_with_gaps_or_overlaps_are_refused_and_a_change_is_a_new_version() throws Exception {
        importPlan("plan-policy", demo("plan-policy"), false, 200);
        asAdmin().get("/api/v1/agencies/plan-policy/capaian-policy").then().statusCode(200).body("bands.size()", is(5));
        Map<String, Object> overlap = Map.of("bands", List.of(Map.of("to", 60, "label", "Kurang"),
                Map.of("from", 50, "label", "Baik")));
        asAdmin().contentType(ContentType.JSON).body(overlap).put("/api/v1/agencies/plan-policy/capaian-policy")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("bands[1].from"));
        Map<String, Object> ok = Map.of("bands", List.of(Map.of("to", 60, "label", "Kurang"),
                Map.of("from", 60, "label", "Baik")), "cap", 110);
        asAdmin().contentType(ContentType.JSON).body(ok).put("/api/v1/agencies/plan-policy/capaian-policy")
                .then().statusCode(200).body("result", is("updated"));
        asAdmin().contentType(ContentType.JSON).body(ok).put("/api/v1/agencies/plan-policy/capaian-policy")
                .then().statusCode(200).body("result", is("unchanged"));
        asAdmin().get("/api/v1/agencies/plan-policy/capaian-policy").then().body("cap", is(110)).body("bands.size()", is(2))
                .body("categoryBasis", is("CAPPED"));

        // issue 23 point 1: what the category is taken from; labels only with TARGET, three different words
        Map<String, Object> target = Map.of("bands", ok.get("bands"), "cap", 100, "categoryBasis", "TARGET");
        asAdmin().contentType(ContentType.JSON).body(target).put("/api/v1/agencies/plan-policy/capaian-policy")
                .then().statusCode(200).body("result", is("updated"));
        asAdmin().get("/api/v1/agencies/plan-policy/capaian-policy").then().body("categoryBasis", is("TARGET"))
                .body("targetLabels.below", is("Tidak Tercapai")).body("targetLabels.met", is("Tercapai"))
                .body("targetLabels.exceeded", is("Terlampaui"));
        Map<String, Object> badLabels = Map.of("bands", ok.get("bands"), "categoryBasis", "TARGET",
                "targetLabels", Map.of("below", "Belum", "met", "Sudah", "exceeded", "Sudah"));
        asAdmin().contentType(ContentType.JSON).body(badLabels).put("/api/v1/agencies/plan-policy/capaian-policy")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("targetLabels"));
        Map<String, Object> labelsWithoutTarget = Map.of("bands", ok.get("bands"), "categoryBasis", "RAW",
                "targetLabels", Map.of("below", "Belum", "met", "Sudah", "exceeded", "Lebih"));
        asAdmin().contentType(ContentType.JSON).body(labelsWithoutTarget).put("/api/v1/agencies/plan-policy/capaian-policy")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("targetLabels"));
        Map<String, Object> own = Map.of("bands", ok.get("bands"), "cap", 100, "categoryBasis", "TARGET",
                "targetLabels", Map.of("below", "Belum", "met", "Sudah", "exceeded", "Lebih"));
        asAdmin().contentType(ContentType.JSON).body(own).put("/api/v1/agencies/plan-policy/capaian-policy")
                .then().statusCode(200).body("result", is("updated"));
        asAdmin().get("/api/v1/agencies/plan-policy/capaian-policy").then().body("targetLabels.met", is("Sudah"));

        List<PublishedEvents.Event> events = PublishedEvents.await("sakip.planning.events",
                e -> PlanContentEvents.POLICY_CHANGED.equals(e.body().path("type").asText())
                        && "plan-policy".equals(e.body().path("data").path("agencyCode").asText()), 4, Duration.ofSeconds(20));
        assertEquals(List.of(1, 2, 3, 4), events.stream().map(e -> e.body().path("data").path("version").asInt()).toList());
        assertEquals(List.of("CAPPED", "CAPPED", "TARGET", "TARGET"),
                events.stream().map(e -> e.body().path("data").path("categoryBasis").asText()).toList());
        assertEquals("Lebih", events.get(3).body().path("data").path("targetLabels").path("exceeded").asText());
        assertEquals(PublishedEvents.shape(PublishedEvents.sample(PlanContentEvents.POLICY_CHANGED)),
                PublishedEvents.shape(events.get(3).body()));
    }

    @Test
    void indicator_and_sasaran_lists_are_searchable_and_paged() throws Exception {
        importPlan("plan-lists", demo("plan-lists"), false, 200);
        asAdmin().get("/api/v1/agencies/plan-lists/indicators?iku=true&size=2&page=1").then().statusCode(200)
                .body("total", is(5)).body("items.code", is(List.of("IKU3", "IKU4")));
        asAdmin().get("/api/v1/agencies/plan-lists/indicators?sasaran=S5").then()
                .body("items.code", is(List.of("IK5", "IKU5")));
        asAdmin().get("/api/v1/agencies/plan-lists/sasaran?q=bencana").then().body("items.code", is(List.of("S5")));
        asAdmin().get("/api/v1/agencies/plan-lists/indicators?size=201").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void a_personnel_table_of_a_unit_names_a_unit_of_the_organisation() throws Exception {
        ObjectNode doc = demo("plan-unit-table");
        ((ObjectNode) doc.get("personnel").get("tables").get(1)).put("unit", "UPTD-PSTW");
        importPlan("plan-unit-table", doc, false, 200);
        asAdmin().get("/api/v1/agencies/plan-unit-table/plan").then().body("personnel.tables[1].unit", is("UPTD-PSTW"));
        ((ObjectNode) doc.get("personnel").get("tables").get(1)).put("unit", "UPTD-NOWHERE");
        asAdmin().contentType(ContentType.JSON).body(doc.toString()).put("/api/v1/agencies/plan-unit-table/plan")
                .then().statusCode(400).body("errors.field", hasItem("personnel.tables[1].unit"));
    }

    @Test
    void personnel_totals_are_computed_and_stated_totals_kept_for_the_review() throws Exception {
        importPlan("plan-people", demo("plan-people"), false, 200);
        asAdmin().get("/api/v1/agencies/plan-people/personnel").then().statusCode(200)
                .body("items[0].total", is(142)).body("items[0].statedTotal", is(106))
                .body("items[0].rowTotals.'SMP Sederajat'", is(2))
                .body("items[0].mismatches.where", hasItems("Rincian Pegawai Menurut Tingkat Pendidikan / SMP Sederajat",
                        "Rincian Pegawai Menurut Tingkat Pendidikan / S1", "Rincian Pegawai Menurut Tingkat Pendidikan / total"))
                .body("items[1].total", is(106)).body("items[1].mismatches.size()", is(0));
    }

    @Test
    void every_part_of_the_plan_is_published_with_its_sample_shape() throws Exception {
        importPlan("plan-doc-events", demo("plan-doc-events"), false, 200);
        List<PublishedEvents.Event> sections = PublishedEvents.await("sakip.planning.events",
                e -> PlanContentEvents.SECTION_UPSERTED.equals(e.body().path("type").asText())
                        && "plan-doc-events".equals(e.body().path("data").path("agencyCode").asText()), 5, Duration.ofSeconds(20));
        List<String> names = sections.stream().map(e -> e.body().path("data").path("section").asText()).toList();
        assertEquals(List.of("profile", "organisation", "personnel", "renstra"), names.subList(0, 4));
        assertEquals(java.util.Set.of("sasaran"), java.util.Set.copyOf(names.subList(4, names.size())));
        // Tabel 2.1 of the LKIP: the tujuan each sasaran serves, as the seed links them (refreshed per sasaran)
        com.fasterxml.jackson.databind.JsonNode links = PublishedEvents.await("sakip.planning.events",
                e -> PlanContentEvents.SECTION_UPSERTED.equals(e.body().path("type").asText())
                        && "plan-doc-events".equals(e.body().path("data").path("agencyCode").asText())
                        && "sasaran".equals(e.body().path("data").path("section").asText())
                        && e.body().path("data").path("content").size() == 5, 1, Duration.ofSeconds(20))
                .get(0).body().path("data").path("content");
        assertEquals(5, links.size());
        assertEquals("S1", links.get(0).path("code").asText());
        assertTrue(links.get(0).hasNonNull("tujuan"), links.toString());
        TreeSet<String> envelope = PublishedEvents.shape(sections.get(3).body());
        envelope.removeIf(p -> p.startsWith("data.content."));
        TreeSet<String> sample = PublishedEvents.shape(PublishedEvents.sample(PlanContentEvents.SECTION_UPSERTED));
        sample.removeIf(p -> p.startsWith("data.content."));
        assertEquals(sample, envelope);
        assertEquals(2019, sections.get(3).body().path("data").path("content").path("startYear").asInt());

        for (String type : List.of(PlanContentEvents.INDICATOR_DEFINED, PlanContentEvents.TARGET_DEFINED)) {
            List<PublishedEvents.Event> events = PublishedEvents.await("sakip.planning.events",
                    e -> type.equals(e.body().path("type").asText())
                            && "plan-doc-events".equals(e.body().path("data").path("agencyCode").asText()), 1, Duration.ofSeconds(20));
            assertEquals(PublishedEvents.shape(PublishedEvents.sample(type)), PublishedEvents.shape(events.get(0).body()), type);
        }
        List<PublishedEvents.Event> iku = PublishedEvents.await("sakip.planning.events",
                e -> PlanContentEvents.INDICATOR_DEFINED.equals(e.body().path("type").asText())
                        && "IKU2".equals(e.body().path("data").path("code").asText())
                        && "plan-doc-events".equals(e.body().path("data").path("agencyCode").asText()), 1, Duration.ofSeconds(20));
        assertTrue(iku.get(0).body().path("data").path("formula").asText().startsWith("Jumlah penanganan PMKS"));
    }
}
