package id.go.maluku.sakip.realization;

import id.go.maluku.sakip.infra.RealInfrastructureResource;
import id.go.maluku.sakip.infra.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static id.go.maluku.sakip.infra.OpenApiWalk.management;
import static id.go.maluku.sakip.infra.Tokens.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4: a client that drops its requests in flight must not leak a database connection. More
 * PUTs than the pool has connections (20) are sent whole while another transaction holds their
 * row, and their sockets reset; the service must then still answer health and record a value
 * (which needs a connection of the pool), and each dropped PUT must have committed whole or not
 * at all.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class DroppedClientTests {

    static final String AGENCY = "drop-a";
    static final int DROPPED = 40;

    static PlanningFeed planning;

    @Inject
    EntityManager em;

    @BeforeAll
    static void plan() throws Exception {
        planning = new PlanningFeed();
        planning.indicator(AGENCY, "D1", "kegiatan");
    }

    @AfterAll
    static void close() {
        planning.close();
    }

    @Test
    void puts_dropped_in_flight_leave_no_connection_behind() throws Exception {
        String path = "/api/v1/agencies/" + AGENCY + "/indicators/D1/realisasi/2023/M01";
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 0)).put(path).then().statusCode(201);
        String token = Tokens.user("dropper").roles("admin").mint();

        // The row is held by another transaction, so the PUTs are surely in flight, each holding
        // a connection of the pool while it waits for the row, when their clients go away.
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch dropped = new CountDownLatch(1);
        Thread holder = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("select id from realisasi where indicator_id = (select indicator_id from indicator_ref "
                    + "where agency_code = ?1 and code = 'D1') and year = 2023 and period = 'M01' for update")
                    .setParameter(1, AGENCY).getResultList();
            held.countDown();
            try {
                dropped.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        assertTrue(held.await(10, TimeUnit.SECONDS));
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 1; i <= DROPPED; i++) {
                String body = "{\"value\":" + i + "}";
                String request = "PUT " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
                Socket socket = new Socket("localhost", RestAssured.port);
                clients.add(socket);
                socket.setSoLinger(true, 0); // closing resets, as a client killed mid-request leaves it
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            // the pool less the holder's connection: that many PUTs wait for the row
            awaitWaitingForTheRow(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.max-size", Integer.class) - 1);
        } finally {
            for (Socket client : clients) {
                client.close();
            }
            dropped.countDown();
        }
        holder.join(40_000);

        // within the pool's acquisition timeout (5 s): a leaked connection per dropped request
        // would have emptied the pool twice over
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (management().get("/q/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        management().get("/q/health/ready").then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 1000))
                .put("/api/v1/agencies/" + AGENCY + "/indicators/D1/realisasi/2023").then().statusCode(201);

        // whole or not at all: every change has its audit entry, its event and its request row
        // (one statement, so that one snapshot: a dropped PUT may still be committing)
        Object[] counts = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select (select count(*) from audit_entry where agency_code = ?1), "
                        + "(select count(*) from outbox_event where cast(payload as jsonb) -> 'data' ->> 'agencyCode' = ?1), "
                        + "(select count(*) from request_audit where agency = ?1)")
                .setParameter(1, AGENCY).getSingleResult());
        List<Long> all = List.of(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue(),
                ((Number) counts[2]).longValue());
        assertEquals(all.get(0), all.get(1), "audit entries and events: " + all);
        assertEquals(all.get(0), all.get(2), "audit entries and request rows: " + all);
        // the first PUT, the last one, and dropped ones that were waiting for the row
        assertTrue(all.get(0) > 2, "no dropped PUT was in flight: " + all);
    }

    /**
     * Until that many sessions of this database wait for a lock, asked on a connection of its own:
     * the pool's are all taken meanwhile.
     */
    static void awaitWaitingForTheRow(int sessions) throws Exception {
        Config config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
             PreparedStatement waiting = connection.prepareStatement("select count(*) from pg_stat_activity "
                     + "where datname = current_database() and wait_event_type = 'Lock'")) {
            long deadline = System.nanoTime() + 20_000_000_000L;
            long count = 0;
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = waiting.executeQuery()) {
                    rows.next();
                    count = rows.getLong(1);
                }
                if (count >= sessions) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("only " + count + " PUTs came to wait for the row");
        }
    }
}
