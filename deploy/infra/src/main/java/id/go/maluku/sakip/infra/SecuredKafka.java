package id.go.maluku.sakip.infra;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.metadata.UserScramCredentialRecord;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.ApiMessageAndVersion;
import org.apache.kafka.server.common.MetadataVersion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A second Kafka broker for the tests of broker security, set up as docs/security.md ("Broker")
 * asks an installation to: clients authenticate with SASL/SCRAM-SHA-512 (over plain TCP here:
 * TLS is the installation's, and changes nothing of who may do what), each service as its own
 * principal, and the StandardAuthorizer allows nothing but the ACLs of deploy/kafka/acls ({@link #ACLS}:
 * a service writes only its own topics and reads only the topics and groups it consumes). The
 * admin, the only super user, is created with the cluster (as {@code kafka-storage format
 * --add-scram} does), and creates the services' users, the topics and the ACLs over the Admin API,
 * as an installation's deploy/kafka/init.sh does from the same table. The controller's listener
 * takes SASL/PLAIN with the admin alone (SCRAM cannot serve a controller, whose metadata holds
 * the SCRAM credentials).
 *
 * <p>Started by the tests that need it, once per JVM, beside {@link RealInfrastructure}'s broker,
 * which stays PLAINTEXT like the local stack.
 */
public final class SecuredKafka {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String ADMIN = "admin";

    public static final String PLANNING = "planning-service";
    public static final String REALIZATION = "realization-service";
    public static final String BUDGET = "budget-service";
    public static final String REPORTING = "reporting-service";

    /**
     * What each service may do, and nothing else: the table deploy/kafka/acls, which the
     * installations apply with deploy/kafka/init.sh. Its topics are the topics made.
     */
    public static final Map<String, List<Grant>> ACLS = readAcls();

    /** One ACL: allow the operation on a literal topic or consumer group. */
    public record Grant(ResourceType type, String name, AclOperation operation) {
    }

    /** Rows "principal operation resource name"; # starts a comment. */
    static Map<String, List<Grant>> readAcls() {
        Path table = repositoryFile(Path.of("deploy", "kafka", "acls"));
        Map<String, List<Grant>> acls = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(table)) {
                String row = line.strip();
                if (row.isEmpty() || row.startsWith("#")) {
                    continue;
                }
                String[] cells = row.split("\\s+");
                if (cells.length != 4) {
                    throw new IllegalStateException(table + ": not 'principal operation resource name': " + line);
                }
                acls.computeIfAbsent(cells[0], user -> new ArrayList<>()).add(new Grant(ResourceType.fromString(cells[2]),
                        cells[3], AclOperation.fromString(cells[1])));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + table, e);
        }
        return acls;
    }

    /** The topics the table names. */
    public static List<String> topics() {
        return ACLS.values().stream().flatMap(List::stream).filter(g -> g.type() == ResourceType.TOPIC)
                .map(Grant::name).distinct().sorted().toList();
    }

    /** A file of the repository, from wherever a module's tests run (its folder, one or two below the root). */
    static Path repositoryFile(Path relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * Where the broker of this JVM is and its users' passwords, as system properties: a Quarkus
     * test profile and the test itself may load this class in different class loaders, and both
     * must find the one broker.
     */
    private static final String PROPERTY = "sakip.secured-kafka.";
    private static final List<String> USERS = List.of(ADMIN, PLANNING, REALIZATION, BUDGET, REPORTING);

    private static SecuredKafka instance;

    private final String bootstrapServers;
    private final Map<String, String> passwords;

    private SecuredKafka(String bootstrapServers, Map<String, String> passwords) {
        this.bootstrapServers = bootstrapServers;
        this.passwords = passwords;
    }

    /** Starts the broker, its users, topics and ACLs the first time in the JVM; later calls return the same. */
    public static SecuredKafka start() {
        synchronized (System.class) { // one lock for every class loader of this class
            if (instance != null) {
                return instance;
            }
            String started = System.getProperty(PROPERTY + "bootstrap.servers");
            if (started != null) {
                Map<String, String> passwords = new LinkedHashMap<>();
                USERS.forEach(user -> passwords.put(user, System.getProperty(PROPERTY + "password." + user)));
                instance = new SecuredKafka(started, passwords);
                return instance;
            }
            instance = startBroker();
            System.setProperty(PROPERTY + "bootstrap.servers", instance.bootstrapServers);
            instance.passwords.forEach((user, password) -> System.setProperty(PROPERTY + "password." + user, password));
            return instance;
        }
    }

    private static SecuredKafka startBroker() {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : USERS) {
            passwords.put(user, UUID.randomUUID().toString()); // new every run: nothing to keep out of git
        }
        RealInfrastructure.quietExit();
        // The broker finds its login modules and callbacks through the context class loader; they
        // must come from the loader of the classes named here, or a callback of one loader is
        // not the class the other's handler knows (UnsupportedCallbackException).
        ClassLoader loader = SecuredKafka.class.getClassLoader();
        KafkaClusterTestKit[] started = new KafkaClusterTestKit[1];
        Exception[] failed = new Exception[1];
        Thread starter = new Thread(() -> {
            try {
                started[0] = startCluster(passwords.get(ADMIN));
            } catch (Exception e) {
                failed[0] = e;
            }
        }, "secured-kafka-start");
        starter.setContextClassLoader(loader);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (started[0] == null) {
            // the starting thread's failure, with its cause, in the test's own report
            throw new IllegalStateException("the SASL broker did not start", failed[0]);
        }
        KafkaClusterTestKit cluster = started[0];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.close();
            } catch (Exception ignored) {
                // the JVM is ending
            }
        }, "secured-kafka-stop"));
        SecuredKafka kafka = new SecuredKafka(cluster.bootstrapServers(), passwords);
        kafka.grant();
        return kafka;
    }

    private static KafkaClusterTestKit startCluster(String adminPassword) throws Exception {
        // the admin's SCRAM credential is in the cluster's first metadata, as --add-scram writes it
        ScramCredential admin = new ScramFormatter(org.apache.kafka.common.security.scram.internals.ScramMechanism.SCRAM_SHA_512)
                .generateCredential(adminPassword, 4096);
        List<ApiMessageAndVersion> records = new ArrayList<>(
                BootstrapMetadata.fromVersion(MetadataVersion.latestProduction(), "sakip-tests").records());
        records.add(new ApiMessageAndVersion(new UserScramCredentialRecord().setName(ADMIN)
                .setMechanism(org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512.type())
                .setSalt(admin.salt()).setStoredKey(admin.storedKey()).setServerKey(admin.serverKey())
                .setIterations(admin.iterations()), (short) 0));
        String plainAdmin = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                + "\" password=\"" + adminPassword + "\" user_" + ADMIN + "=\"" + adminPassword + "\";";
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder(BootstrapMetadata.fromRecords(records, "sakip-tests"))
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                // the test kit's listener names; both SASL (the kit's own SASL set-up is PLAIN only)
                .setConfigProp("listener.security.protocol.map", "EXTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT")
                .setConfigProp("sasl.enabled.mechanisms", MECHANISM)
                .setConfigProp("sasl.mechanism.inter.broker.protocol", MECHANISM)
                .setConfigProp("listener.name.external.scram-sha-512.sasl.jaas.config", jaas(ADMIN, adminPassword))
                .setConfigProp("listener.name.controller.sasl.enabled.mechanisms", "PLAIN")
                .setConfigProp("sasl.mechanism.controller.protocol", "PLAIN")
                .setConfigProp("listener.name.controller.plain.sasl.jaas.config", plainAdmin)
                .setConfigProp("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .setConfigProp("super.users", "User:" + ADMIN)
                .setConfigProp("allow.everyone.if.no.acl.found", "false")
                .setConfigProp("auto.create.topics.enable", "false")
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
    }

    /** The services' users, the topics and the ACLs, made by the admin over the Admin API. */
    private void grant() {
        try (Admin admin = Admin.create(client(ADMIN))) {
            List<UserScramCredentialUpsertion> users = new ArrayList<>();
            passwords.forEach((user, password) -> {
                if (!user.equals(ADMIN)) {
                    users.add(new UserScramCredentialUpsertion(user,
                            new ScramCredentialInfo(org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512, 4096), password));
                }
            });
            admin.alterUserScramCredentials(new ArrayList<>(users)).all().get(30, TimeUnit.SECONDS);
            admin.createTopics(topics().stream().map(t -> new NewTopic(t, 3, (short) 1)).toList()).all().get(30, TimeUnit.SECONDS);
            List<AclBinding> acls = new ArrayList<>();
            ACLS.forEach((user, grants) -> grants.forEach(g -> acls.add(new AclBinding(
                    new ResourcePattern(g.type(), g.name(), PatternType.LITERAL),
                    new AccessControlEntry("User:" + user, "*", g.operation(), AclPermissionType.ALLOW)))));
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            // the broker applies users and ACLs from the metadata log: wait until it serves them
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (admin.describeAcls(org.apache.kafka.common.acl.AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS).size() < acls.size()
                    || admin.describeUserScramCredentials().all().get(10, TimeUnit.SECONDS).size() < passwords.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the SASL broker does not serve its users and ACLs");
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("users, topics and ACLs of the SASL broker not made", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The password of a user (the admin or a service), made for this run. */
    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no user " + user);
        }
        return password;
    }

    /** A client's connection settings as that user, with its own password. */
    public Map<String, Object> client(String user) {
        return client(user, password(user));
    }

    /** A client's connection settings as that user, with the given password (right or not). */
    public Map<String, Object> client(String user, String password) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        props.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        props.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(user, password));
        return props;
    }

    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }
}
