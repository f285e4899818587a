package id.go.maluku.sakip.realization;

import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.infra.Tokens;
import id.go.maluku.sakip.realization.service.RealisasiService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static id.go.maluku.sakip.infra.Tokens.as;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Recording a realisasi writes the row, its audit entry, its event and the request's audit row
 * in one round trip (service/RealisasiStore), bypassing Hibernate for them: each PUT must leave
 * exactly the rows it did before, with the values answered, and Hibernate must not write the row
 * a second time.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class RecordingWriteTests {

    static final String AGENCY = "write-a";
    static final String PATH = "/api/v1/agencies/" + AGENCY + "/indicators/W1/realisasi/2023/Q2";

    static final String LOCKED_AGENCY = "write-b";

    static final String COMMIT_AGENCY = "write-d";

    static PlanningFeed planning;
    static String indicatorId;
    static String lockedIndicatorId;
    static String commitIndicatorId;

    @Inject
    RealisasiService service;

    @Inject
    EntityManager em;

    @BeforeAll
    static void plan() throws Exception {
        planning = new PlanningFeed();
        indicatorId = planning.indicator(AGENCY, "W1", "kegiatan");
        lockedIndicatorId = planning.indicator(LOCKED_AGENCY, "W1", "kegiatan");
        commitIndicatorId = planning.indicator(COMMIT_AGENCY, "W1", "kegiatan");
    }

    @AfterAll
    static void close() {
        planning.close();
    }

    /** Rows of this agency's indicator per table, and its realisasi as stored, read in SQL. */
    record Rows(long realisasi, long audit, long outbox, long requests, List<Object[]> stored) {
    }

    Rows rows() {
        return rows(AGENCY, indicatorId);
    }

    Rows rows(String agency, String indicatorId) {
        return QuarkusTransaction.requiringNew().call(() -> new Rows(
                count("select count(*) from realisasi where indicator_id = cast(?1 as uuid)", indicatorId),
                count("select count(*) from audit_entry where agency_code = ?1", agency),
                count("select count(*) from outbox_event where aggregate_id = ?1", indicatorId),
                count("select count(*) from request_audit where agency = ?1", agency),
                em.createNativeQuery("select value, revision, explanation, stated_in, updated_by, status from realisasi "
                        + "where indicator_id = cast(?1 as uuid)").setParameter(1, indicatorId).getResultList()));
    }

    long count(String sql, String parameter) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue();
    }

    static String operator() {
        return operator(AGENCY);
    }

    static String operator(String agency) {
        return Tokens.user("wulan.operator").roles("operator").agency(agency).mint();
    }

    List<String> requestStatuses() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select method || ' ' || status || ' ' || subject from request_audit where agency = ?1 order by id")
                .setParameter(1, AGENCY).getResultList());
    }

    List<String> auditActions() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select action || ' ' || new_value from audit_entry where agency_code = ?1 order by id")
                .setParameter(1, AGENCY).getResultList());
    }

    @Test
    void each_put_writes_exactly_its_rows_once() {
        Rows before = rows();
        assertEquals(0, before.realisasi());

        // new: the row, an audit entry, an event and the request's row (201)
        as(operator()).contentType(ContentType.JSON).body(Map.of("value", 7, "explanation", "awal"))
                .put(PATH).then().statusCode(201).body("revision", is(1)).body("value", is(7));
        Rows created = rows();
        assertEquals(List.of(1L, 1L, 1L, 1L), List.of(created.realisasi(), created.audit(), created.outbox(), created.requests()));
        Object[] row = created.stored().get(0);
        assertEquals(0, new BigDecimal("7").compareTo((BigDecimal) row[0]));
        assertEquals(1L, ((Number) row[1]).longValue());
        assertEquals("awal", row[2]);
        assertNull(row[3]);
        assertEquals("wulan.operator", row[4]);
        assertEquals("draft", row[5]);

        // a new value: one more audit entry, event and request row; the revision moves by one only
        as(operator()).contentType(ContentType.JSON).body(Map.of("value", 8.5, "statedIn", "Tabel 3.2"))
                .put(PATH).then().statusCode(200).body("revision", is(2)).body("explanation", is("awal"));
        Rows changed = rows();
        assertEquals(List.of(1L, 2L, 2L, 2L), List.of(changed.realisasi(), changed.audit(), changed.outbox(), changed.requests()));
        row = changed.stored().get(0);
        assertEquals(0, new BigDecimal("8.5").compareTo((BigDecimal) row[0]));
        assertEquals(2L, ((Number) row[1]).longValue());
        assertEquals("awal", row[2]);
        assertEquals("Tabel 3.2", row[3]);

        // narrative only: audited and answered, but no event (a result does not change)
        as(operator()).contentType(ContentType.JSON).body(Map.of("value", 8.5, "explanation", "naik"))
                .put(PATH).then().statusCode(200).body("revision", is(3));
        Rows narrative = rows();
        assertEquals(List.of(3L, 2L, 3L), List.of(narrative.audit(), narrative.outbox(), narrative.requests()));
        assertEquals("naik", narrative.stored().get(0)[2]);

        // the same again: only the request's row
        as(operator()).contentType(ContentType.JSON).body(Map.of("value", 8.5, "explanation", "naik"))
                .put(PATH).then().statusCode(200).body("revision", is(3));
        Rows unchanged = rows();
        assertEquals(List.of(3L, 2L, 4L), List.of(unchanged.audit(), unchanged.outbox(), unchanged.requests()));
        assertEquals(3L, ((Number) unchanged.stored().get(0)[1]).longValue());

        // refused (a value that does not fit): nothing at all
        as(operator()).contentType(ContentType.JSON).body(Map.of("value", -1)).put(PATH).then().statusCode(400);
        Rows refused = rows();
        assertEquals(List.of(3L, 2L, 4L), List.of(refused.audit(), refused.outbox(), refused.requests()));

        assertEquals(List.of("PUT 201 wulan.operator", "PUT 200 wulan.operator", "PUT 200 wulan.operator",
                "PUT 200 wulan.operator"), requestStatuses());
        List<String> audit = auditActions();
        assertEquals(3, audit.size());
        assertEquals(true, audit.get(0).startsWith("created {\"value\":7,"));
        assertEquals(true, audit.get(1).startsWith("changed {\"value\":8.5,"));
        assertEquals(true, audit.get(2).contains("\"explanation\":\"naik\""));

        // the events carry the revisions answered, in order
        List<String> revisions = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select cast(cast(payload as jsonb) -> 'data' ->> 'revision' as text) from outbox_event "
                        + "where aggregate_id = ?1 order by id").setParameter(1, indicatorId).getResultList());
        assertEquals(List.of("1", "2"), revisions);
    }

    /**
     * A PUT's write commits in its own round trip (RealisasiStore.COMMIT): the value is visible to
     * any other transaction as soon as the write returns, before the JTA transaction ends, whose
     * commit then has nothing left to do and succeeds. Without endsTransaction (the bulk import,
     * which decides at its end whether to keep anything) the same write stays in the transaction.
     */
    @Test
    void a_write_that_ends_its_transaction_commits_with_its_own_round_trip() {
        List<Long> seen = new java.util.ArrayList<>();
        // the caller's transaction: the write commits inside it; a new transaction sees the row at once
        QuarkusTransaction.requiringNew().run(() -> {
            RealisasiService.Recorded recorded = service.record(COMMIT_AGENCY, "W1", 2023, "Q1",
                    RealisasiService.Input.valueOnly(new BigDecimal("5")), indicator -> { }, null, true);
            assertEquals(RealisasiService.Outcome.CREATED, recorded.outcome());
            seen.add(rows(COMMIT_AGENCY, commitIndicatorId).realisasi());
        });
        // kept the write's own transaction: not visible until the caller's transaction commits
        QuarkusTransaction.requiringNew().run(() -> {
            service.record(COMMIT_AGENCY, "W1", 2023, "Q2", RealisasiService.Input.valueOnly(new BigDecimal("6")), indicator -> { },
                    null, false);
            seen.add(rows(COMMIT_AGENCY, commitIndicatorId).realisasi());
        });
        seen.add(rows(COMMIT_AGENCY, commitIndicatorId).realisasi());
        assertEquals(List.of(1L, 1L, 2L), seen);
        Rows after = rows(COMMIT_AGENCY, commitIndicatorId);
        assertEquals(List.of(2L, 2L, 2L), List.of(after.realisasi(), after.audit(), after.outbox()));

        // the connections the commits went through are used again without an error (more PUTs
        // than the pool has connections), each PUT committing the same way
        for (int i = 0; i < 30; i++) {
            as(operator(COMMIT_AGENCY)).contentType(ContentType.JSON).body(Map.of("value", 10 + i))
                    .put("/api/v1/agencies/" + COMMIT_AGENCY + "/indicators/W1/realisasi/2023/Q3")
                    .then().statusCode(i == 0 ? 201 : 200).body("revision", is(i + 1));
        }
        Rows put = rows(COMMIT_AGENCY, commitIndicatorId);
        assertEquals(List.of(3L, 32L, 32L, 30L), List.of(put.realisasi(), put.audit(), put.outbox(), put.requests()));
    }

    /** The row and the period locks are read together: a lock decides as before. */
    @Test
    void a_locked_period_answers_its_value_as_locked_and_refuses_a_change() {
        String q3 = "/api/v1/agencies/" + LOCKED_AGENCY + "/indicators/W1/realisasi/2023/Q3";
        as(operator(LOCKED_AGENCY)).contentType(ContentType.JSON).body(Map.of("value", 4)).put(q3).then().statusCode(201)
                .body("status", is("draft"));
        String admin = Tokens.user("biro-organisasi@maluku").roles("admin").mint();
        as(admin).contentType(ContentType.JSON).body("{\"deadline\":\"2023-10-15\"}")
                .put("/api/v1/agencies/" + LOCKED_AGENCY + "/locks/2023/Q3").then().statusCode(201).body("locked", is(true));
        Rows before = rows(LOCKED_AGENCY, lockedIndicatorId);
        // the lock published the value's new status with the next revision
        assertEquals(2L, ((Number) before.stored().get(0)[1]).longValue());

        as(operator(LOCKED_AGENCY)).contentType(ContentType.JSON).body(Map.of("value", 4)).put(q3).then().statusCode(200)
                .body("status", is("locked")).body("revision", is(2));
        as(operator(LOCKED_AGENCY)).contentType(ContentType.JSON).body(Map.of("value", 5)).put(q3).then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", is("period"));
        Rows after = rows(LOCKED_AGENCY, lockedIndicatorId);
        assertEquals(List.of(before.audit(), before.outbox(), before.requests() + 1),
                List.of(after.audit(), after.outbox(), after.requests()));
        assertEquals(2L, ((Number) after.stored().get(0)[1]).longValue());
        assertEquals(0, new BigDecimal("4").compareTo((BigDecimal) after.stored().get(0)[0]));

        // another quarter of the same year is not covered
        as(operator(LOCKED_AGENCY)).contentType(ContentType.JSON).body(Map.of("value", 6))
                .put("/api/v1/agencies/" + LOCKED_AGENCY + "/indicators/W1/realisasi/2023/Q4").then().statusCode(201)
                .body("status", is("draft"));
    }

    /**
     * Several first recordings of one new realisasi at the same moment: one creates it; each of
     * the others either changes it after (its row is then there to lock) or, when it read the
     * row as missing too, is refused with 409 naming the realisasi, never a 500, and what it
     * wrote is gone.
     */
    @Test
    void concurrent_first_recordings_of_one_realisasi_create_it_once() throws Exception {
        String agency = "write-c";
        String indicator = planning.indicator(agency, "W1", "kegiatan");
        String token = operator(agency);
        int answered = 0;
        for (String month : List.of("M01", "M02", "M03", "M04", "M05", "M06")) {
            String path = "/api/v1/agencies/" + agency + "/indicators/W1/realisasi/2024/" + month;
            List<java.util.concurrent.Callable<io.restassured.response.Response>> puts = new java.util.ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                int value = i;
                puts.add(() -> as(token).contentType(ContentType.JSON).body(Map.of("value", value)).put(path));
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
            List<Integer> statuses = new java.util.ArrayList<>();
            try {
                for (java.util.concurrent.Future<io.restassured.response.Response> f : pool.invokeAll(puts)) {
                    io.restassured.response.Response response = f.get();
                    statuses.add(response.statusCode());
                    if (response.statusCode() == 409) {
                        assertEquals("application/problem+json", response.contentType());
                        assertEquals("realisasi", response.jsonPath().getString("errors[0].field"));
                    }
                }
            } finally {
                pool.shutdown();
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), month + ": " + statuses);
            assertEquals(true, statuses.stream().allMatch(s -> s == 200 || s == 201 || s == 409), month + ": " + statuses);
            answered += (int) statuses.stream().filter(s -> s != 409).count();
        }
        // every answered change kept its audit entry, event and request row; the refused ones nothing
        Rows rows = rows(agency, indicator);
        assertEquals(6, rows.realisasi());
        assertEquals(List.of((long) answered, (long) answered, (long) answered),
                List.of(rows.audit(), rows.outbox(), rows.requests()));
    }
}
