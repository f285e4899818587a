package id.go.maluku.sakip.planning;

import id.go.maluku.sakip.infra.PublishedEvents;
import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.planning.event.PlanningEvents;
import id.go.maluku.sakip.platform.outbox.OutboxRelay;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;

import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relays of several instances of a service take turns, batch by batch, on one database lock:
 * while another instance holds the turn, this one publishes nothing (so no two relays send one
 * key's events out of order), and it publishes as soon as the turn is free.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class RelayTurnTests {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Test
    void while_another_instance_has_the_turn_nothing_is_published_and_then_everything_is() throws Exception {
        asAdmin().contentType(ContentType.JSON).body(Map.of("code", "relay-turn", "name", "Dinas relay-turn"))
                .post("/api/v1/agencies").then().statusCode(201);
        String sasaranId;
        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (PreparedStatement turn = otherInstance.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                turn.setString(1, relay.lockName());
                turn.executeQuery().close();
            }
            sasaranId = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Giliran relay", "ordinal", 1))
                    .put("/api/v1/agencies/relay-turn/sasaran/S1").then().statusCode(201).extract().path("id");
            Thread.sleep(2000); // ten of the relay's polls in tests, and the wake after the commit
            assertTrue(pending(sasaranId), "nothing is sent while another instance has the turn");
            otherInstance.rollback();
        }
        assertEquals(1, PublishedEvents.await("sakip.planning.events",
                PublishedEvents.ofType(PlanningEvents.SASARAN_UPSERTED, sasaranId), 1, Duration.ofSeconds(20)).size());
    }

    private boolean pending(String aggregateId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select count(*) from outbox_event where aggregate_id = ? and sent_at is null")) {
            select.setString(1, aggregateId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }
}
