package id.go.maluku.sakip.reporting.service;

import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.reporting.readmodel.IndicatorResult;
import id.go.maluku.sakip.reporting.readmodel.SasaranResult;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ResultStore's two statements against the real schema: results written are read back with
 * every column, written again they replace the stored row (the same row, by its key), and a
 * sasaran result named as gone is deleted. The recalculation that decides what to write is
 * covered through events in PerformanceTests.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ResultStoreTests {

    @Inject
    ResultStore store;

    @Inject
    EntityManager em;

    private static final OffsetDateTime TIME = OffsetDateTime.of(2026, 11, 29, 8, 30, 0, 0, ZoneOffset.UTC);

    @Test
    void results_are_written_read_back_replaced_in_place_and_deleted() {
        UUID sasaran = UUID.randomUUID();
        UUID indicator = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into rm_sasaran (sasaran_id, agency_code, code, name, ordinal, revision) "
                    + "values (?1, 'store-test', 'S1', 'Sasaran', 1, 1)").setParameter(1, sasaran).executeUpdate();
            em.createNativeQuery("insert into rm_indicator (indicator_id, agency_code, sasaran_id, code, name, unit, "
                    + "polarity, revision, event_time) values (?1, 'store-test', ?2, 'IK1', 'Indikator', 'orang', "
                    + "'positive', 1, ?3)").setParameter(1, indicator).setParameter(2, sasaran).setParameter(3, TIME)
                    .executeUpdate();
            store.write(List.of(indicatorResult(indicator, sasaran, "80.00")),
                    List.of(sasaranResult(sasaran, "80.00")), Set.of());
        });

        ResultStore.Facts first = QuarkusTransaction.requiringNew().call(() -> store.read(List.of(indicator), List.of(2022)));
        assertEquals("store-test", first.sasaran().get(sasaran).agencyCode, "the sasaran is read (and locked)");
        assertEquals("IK1", first.indicators().get(indicator).code);
        IndicatorResult stored = first.result(indicator, 2022);
        assertEquals(new BigDecimal("80.00"), stored.capaian);
        assertEquals(new BigDecimal("85.5000"), stored.realisasi);
        assertEquals(new BigDecimal("100.0000"), stored.target);
        assertEquals("COMPUTED", stored.status);
        assertEquals("Baik", stored.category);
        assertEquals(3, stored.realisasiUpdates);
        assertEquals(2, stored.policyVersion);
        assertEquals(TIME.toInstant(), stored.freshness.toInstant());
        assertNull(stored.weight);
        SasaranResult sasaranStored = first.sasaranResults().get(new ResultStore.Key(sasaran, 2022));
        assertEquals(new BigDecimal("80.00"), sasaranStored.capaian);

        QuarkusTransaction.requiringNew().run(() -> store.write(List.of(indicatorResult(indicator, sasaran, "90.00")),
                List.of(sasaranResult(sasaran, "90.00")), Set.of()));
        ResultStore.Facts second = QuarkusTransaction.requiringNew().call(() -> store.read(List.of(indicator), List.of(2022)));
        assertEquals(1, second.members().size(), "replaced, not added");
        assertEquals(stored.id, second.result(indicator, 2022).id, "the same row");
        assertEquals(new BigDecimal("90.00"), second.result(indicator, 2022).capaian);
        assertEquals(new BigDecimal("90.00"), second.sasaranResults().get(new ResultStore.Key(sasaran, 2022)).capaian);

        QuarkusTransaction.requiringNew().run(() -> store.write(List.of(), List.of(),
                Set.of(new ResultStore.Key(sasaran, 2022))));
        ResultStore.Facts third = QuarkusTransaction.requiringNew().call(() -> store.read(List.of(indicator), List.of(2022)));
        assertTrue(third.sasaranResults().isEmpty(), "the sasaran result named as gone is deleted");
        assertEquals(1, third.members().size(), "the indicator's result stays");
    }

    private static IndicatorResult indicatorResult(UUID indicator, UUID sasaran, String capaian) {
        IndicatorResult r = new IndicatorResult();
        r.indicatorId = indicator;
        r.year = 2022;
        r.agencyCode = "store-test";
        r.sasaranId = sasaran;
        r.targetKind = "number";
        r.target = new BigDecimal("100");
        r.targetText = "100";
        r.realisasi = new BigDecimal("85.5");
        r.realisasiSource = "Y";
        r.realisasiUpdates = 3;
        r.status = "COMPUTED";
        r.capaian = new BigDecimal(capaian);
        r.capaianRaw = new BigDecimal(capaian);
        r.category = "Baik";
        r.policyVersion = 2;
        r.freshness = TIME;
        return r;
    }

    private static SasaranResult sasaranResult(UUID sasaran, String capaian) {
        SasaranResult s = new SasaranResult();
        s.sasaranId = sasaran;
        s.year = 2022;
        s.agencyCode = "store-test";
        s.status = "COMPUTED";
        s.capaian = new BigDecimal(capaian);
        s.capaianRaw = new BigDecimal(capaian);
        s.category = "Baik";
        s.policyVersion = 2;
        s.freshness = TIME;
        return s;
    }
}
