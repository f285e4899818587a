package id.go.maluku.sakip.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One real PostgreSQL server and one real Kafka broker (KRaft, broker and controller in one
 * node) for a test JVM. Started once, in parallel, and stopped when the JVM ends.
 *
 * <p>No Docker is involved: PostgreSQL comes from zonky's packaged binaries (run under
 * {@code unshare -U} when we are root, since postgres refuses to run as root) and Kafka from
 * the broker's own test kit.
 */
public final class RealInfrastructure {

    private static RealInfrastructure instance;

    private volatile EmbeddedPostgres postgres;
    /** Where PostgreSQL keeps its data and which port it listens on: the same after a restart. */
    private static final java.nio.file.Path PG_DATA = tempDir();
    private static final int PG_PORT = freePort();
    private final KafkaClusterTestKit kafka;

    private RealInfrastructure(EmbeddedPostgres postgres, KafkaClusterTestKit kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /** Starts both servers the first time it is called; later calls return the same ones. */
    public static synchronized RealInfrastructure start() {
        if (instance != null) {
            return instance;
        }
        // Kafka's broker looks classes up through the context class loader; a pool thread of
        // ForkJoinPool.commonPool() has the system loader and fails on newer JDKs, so the
        // servers start on our own threads with the caller's loader.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "real-infrastructure-start");
            thread.setContextClassLoader(loader);
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<EmbeddedPostgres> pg = CompletableFuture.supplyAsync(RealInfrastructure::startPostgres, pool);
            CompletableFuture<KafkaClusterTestKit> broker = CompletableFuture.supplyAsync(RealInfrastructure::startKafka, pool);
            instance = new RealInfrastructure(pg.join(), broker.join());
        } finally {
            pool.shutdown();
        }
        RealInfrastructure started = instance;
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "real-infrastructure-stop"));
        return started;
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setDataDirectory(PG_DATA)
                    .setCleanDataDirectory(false)
                    .setPort(PG_PORT)
                    .start();
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL did not start", e);
        }
    }

    private static KafkaClusterTestKit startKafka() {
        quietExit();
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(
                    new TestKitNodes.Builder()
                            .setCombined(true)
                            .setNumBrokerNodes(1)
                            .setNumControllerNodes(1)
                            // the test kit defaults to a testing metadata version
                            .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                            .build())
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("group.min.session.timeout.ms", "1000")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return cluster;
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not start", e);
        }
    }

    /**
     * The broker calls Exit.exit/halt on fatal errors, also while the JVM shuts down; in a test JVM
     * that would end the fork with a non-zero code after green tests. Report instead, and let the
     * tests' own assertions decide.
     */
    static void quietExit() {
        Exit.setExitProcedure((status, message) ->
                System.err.println("kafka asked to exit(" + status + "): " + message));
        Exit.setHaltProcedure((status, message) ->
                System.err.println("kafka asked to halt(" + status + "): " + message));
    }

    /** Creates the database if it is missing and returns its JDBC URL. */
    public String database(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (!rs.next()) {
                    statement.execute("create database " + name);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name;
    }

    /**
     * Stops PostgreSQL (as a crash of the database server looks to its clients: every connection
     * broken), keeps it down for the given time, and starts it again on the same port with the
     * same data. For fault tests.
     */
    public synchronized void restartPostgres(java.time.Duration down) throws Exception {
        postgres.close();
        Thread.sleep(down.toMillis());
        postgres = startPostgres();
    }

    /** Stops the broker, keeps it down for the given time and starts it again. For fault tests. */
    public synchronized void restartBroker(java.time.Duration down) throws Exception {
        for (var broker : kafka.brokers().values()) {
            broker.shutdown();
        }
        Thread.sleep(down.toMillis());
        for (var broker : kafka.brokers().values()) {
            broker.startup();
        }
        kafka.waitForReadyBrokers();
    }

    private static java.nio.file.Path tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("sakip-test-pg");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        return FreePorts.next();
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    private void stop() {
        try {
            kafka.close();
        } catch (Exception ignored) {
            // the JVM is ending; nothing to recover
        }
        try {
            postgres.close();
        } catch (Exception ignored) {
            // as above
        }
        // the data directory is kept across restarts, so it is ours to remove
        try (var paths = java.nio.file.Files.walk(PG_DATA)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // a temporary directory: the machine clears it in the end
        }
    }
}
