package id.go.maluku.sakip.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import id.go.maluku.sakip.manifests.KubernetesManifests.Document;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * deploy/k8s and deploy/docker-compose.yml can only run on machines this build never sees, so
 * this test is what keeps them true: every Kubernetes manifest is read into the API's own types
 * (an unknown field or a wrong type is an error), and each service is checked against its own
 * application.properties: every environment variable it has no usable default for is given, the
 * ports are its ports, the probes use its management port, which no Service exposes; and the
 * broker's topics, users and the databases are the ones the services use.
 */
class ManifestTest {

    static final Path ROOT = Path.of(System.getProperty("sakip.root", "../..")).toAbsolutePath().normalize();
    /** The folders and files under test; a property may point them elsewhere (an older copy, say). */
    static final Path K8S = Path.of(System.getProperty("sakip.k8s", ROOT.resolve("deploy/k8s").toString()));
    static final Path COMPOSE = Path.of(System.getProperty("sakip.compose", ROOT.resolve("deploy/docker-compose.yml").toString()));
    /** The tag Jib gives the images (the parent pom's image.tag, profile image). */
    static final String IMAGE_TAG = System.getProperty("sakip.image.tag", "0.1.0");
    static final List<String> SERVICES = List.of("planning-service", "realization-service", "budget-service", "reporting-service");

    static KubernetesManifests k8s;

    @BeforeAll
    static void read() throws IOException {
        k8s = KubernetesManifests.read(K8S);
    }

    static List<ServiceSettings> services() throws IOException {
        List<ServiceSettings> settings = new ArrayList<>();
        for (String folder : SERVICES) {
            settings.add(ServiceSettings.read(ROOT, folder));
        }
        return settings;
    }

    // ---------------------------------------------------------------- Kubernetes: the model

    @Test
    void everyManifestIsAValidKubernetesObject() {
        assertFalse(k8s.documents.isEmpty(), "no manifest in " + K8S);
        assertEquals("", String.join("\n", k8s.errors), "manifests that the API server would refuse");
    }

    @Test
    void aMisspeltFieldIsAnError() throws IOException {
        // the reading above must be strict, or the test before proves nothing
        ObjectMapper yaml = new YAMLMapper();
        KubernetesManifests sample = new KubernetesManifests();
        sample.add("sample #1", yaml.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: x }
                spec:
                  replica: 2
                  selector: { matchLabels: { app: x } }
                  template:
                    metadata: { labels: { app: x } }
                    spec:
                      containers:
                        - name: x
                          image: x
                          readinessProbe: { httpGett: { path: /q/health/ready, port: management } }
                """));
        sample.add("sample #2", yaml.readTree("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: { name: t }
                spec: { partition: 3 }
                """));
        sample.add("sample #4", yaml.readTree("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: { name: p }
                spec: { instance: 3 }
                """));
        sample.add("sample #3", yaml.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: x }
                spec: { replicas: two }
                """));
        String errors = String.join("\n", sample.errors);
        assertTrue(errors.contains("at spec: [replica]"), errors);
        assertTrue(errors.contains("at spec.template.spec.containers[0].readinessProbe: [httpGett]"), errors);
        assertTrue(errors.contains("sample #2 (KafkaTopic t): unknown field(s) at spec: [partition]"), errors);
        assertTrue(errors.contains("sample #3 (Deployment x): not a valid apps/v1/Deployment"), errors);
        assertTrue(errors.contains("spec.instance is not a field of postgresql.cnpg.io/v1/Cluster"), errors);
        assertEquals(5, sample.errors.size(), errors);
    }

    // ---------------------------------------------------------------- Kubernetes: each service

    @ParameterizedTest
    @MethodSource("services")
    void eachDeploymentIsGivenEverySettingItNeeds(ServiceSettings service) {
        Deployment deployment = deployment(service);
        Map<String, Source> env = environment(deployment, container(deployment, service));

        Set<String> missing = new TreeSet<>(service.required());
        missing.removeAll(env.keySet());
        assertEquals(Set.of(), missing, service.name() + ": settings without a usable default that the Deployment does not give");

        String protocol = env.getOrDefault("SAKIP_KAFKA_SECURITY_PROTOCOL", Source.NONE).value();
        if (protocol != null && protocol.startsWith("SASL")) {
            assertEquals(service.name(), env.getOrDefault("SAKIP_KAFKA_USERNAME", Source.NONE).value(),
                    service.name() + ": its principal on the broker is its own name (deploy/kafka/acls)");
            assertTrue(env.containsKey("SAKIP_KAFKA_PASSWORD"), service.name() + ": SAKIP_KAFKA_PASSWORD");
        }
        // its own database role, not the local stack's default user
        assertTrue(env.containsKey(service.databasePrefix() + "USER"), service.databasePrefix() + "USER");
        env.forEach((name, source) -> {
            if (name.contains("PASSWORD")) {
                assertEquals("Secret", source.kind(), service.name() + ": " + name + " must come from a Secret");
            }
        });
        String truststore = env.getOrDefault("KAFKA_SSL_TRUSTSTORE_LOCATION", Source.NONE).value();
        if (truststore != null) {
            Container container = container(deployment, service);
            assertTrue(container.getVolumeMounts().stream().anyMatch(m -> truststore.startsWith(m.getMountPath() + "/")),
                    service.name() + ": " + truststore + " is on no mounted volume");
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachDeploymentRunsTwiceOrMoreAsNonRootAndSizedByItsMemory(ServiceSettings service) {
        Deployment deployment = deployment(service);
        assertTrue(deployment.getSpec().getReplicas() != null && deployment.getSpec().getReplicas() >= 2,
                service.name() + ": replicas " + deployment.getSpec().getReplicas() + ", 2 at least");
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(podLabels.entrySet().containsAll(deployment.getSpec().getSelector().getMatchLabels().entrySet()),
                service.name() + ": the selector does not select its own pods");

        Container container = container(deployment, service);
        // Jib names the image sakip/<artifactId>:<image.tag> (parent pom): the artifactId must be the
        // application's name for the Deployment to run the image built from it
        String pom = readString(service.folder().resolve("pom.xml"));
        String artifactId = pom.substring(pom.indexOf("</parent>")).replaceAll("(?s).*?<artifactId>([^<]+)</artifactId>.*", "$1");
        assertEquals(service.name(), artifactId, "the Maven artifactId is quarkus.application.name");
        assertEquals("sakip/" + service.name() + ":" + IMAGE_TAG, container.getImage(),
                "the image Jib builds for the service");
        assertEquals(service.httpPort(), port(container, "http"), service.name() + ": http is quarkus.http.port");
        assertEquals(service.managementPort(), port(container, "management"),
                service.name() + ": management is quarkus.management.port");

        var resources = container.getResources();
        assertNotNull(resources, service.name() + ": resources");
        assertTrue(resources.getRequests().containsKey("cpu") && resources.getRequests().containsKey("memory"),
                service.name() + ": cpu and memory requests");
        assertTrue(resources.getLimits().containsKey("memory"), service.name() + ": a memory limit (the heap is sized from it)");
        String javaOptions = environment(deployment, container).getOrDefault("JAVA_TOOL_OPTIONS", Source.NONE).value();
        assertTrue(javaOptions != null && javaOptions.contains("-XX:MaxRAMPercentage="),
                service.name() + ": the heap must follow the container's memory (JAVA_TOOL_OPTIONS -XX:MaxRAMPercentage)");
        // the Deployment replaces the image's JAVA_TOOL_OPTIONS (parent pom, Jib): the same options, or
        // a change made in one place only would be lost in the other
        String parent = readString(ROOT.resolve("pom.xml"));
        String imageOptions = parent.replaceAll("(?s).*<JAVA_TOOL_OPTIONS>([^<]+)</JAVA_TOOL_OPTIONS>.*", "$1");
        assertEquals(imageOptions, javaOptions, service.name() + ": JAVA_TOOL_OPTIONS of the image and of the Deployment");

        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        boolean nonRoot = Boolean.TRUE.equals(pod.getSecurityContext() == null ? null : pod.getSecurityContext().getRunAsNonRoot())
                || (container.getSecurityContext() != null && Boolean.TRUE.equals(container.getSecurityContext().getRunAsNonRoot()));
        assertTrue(nonRoot, service.name() + ": runAsNonRoot");
        assertFalse(container.getSecurityContext() == null
                || !Boolean.FALSE.equals(container.getSecurityContext().getAllowPrivilegeEscalation()),
                service.name() + ": allowPrivilegeEscalation false");
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachDeploymentIsProbedOnTheManagementPortOnly(ServiceSettings service) {
        Container container = container(deployment(service), service);
        Map<String, Probe> probes = new LinkedHashMap<>();
        probes.put("/q/health/started", container.getStartupProbe());
        probes.put("/q/health/live", container.getLivenessProbe());
        probes.put("/q/health/ready", container.getReadinessProbe());
        probes.forEach((path, probe) -> {
            assertNotNull(probe, service.name() + ": a probe of " + path);
            assertNotNull(probe.getHttpGet(), service.name() + ": " + path + " over HTTP");
            assertEquals(path, probe.getHttpGet().getPath());
            assertEquals(service.managementPort(), resolve(container, probe.getHttpGet().getPort()),
                    service.name() + ": " + path + " is served on the management port only");
        });
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServiceExposesTheBusinessPortButNotTheManagementPort(ServiceSettings service) {
        Deployment deployment = deployment(service);
        Container container = container(deployment, service);
        Service exposed = k8s.named(Service.class, service.name())
                .orElseThrow(() -> new AssertionError("no Service " + service.name()));
        assertTrue(deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                .containsAll(exposed.getSpec().getSelector().entrySet()), service.name() + ": the Service selects its pods");
        List<ServicePort> ports = exposed.getSpec().getPorts();
        assertFalse(ports.isEmpty());
        for (ServicePort port : ports) {
            IntOrString target = port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort();
            int resolved = resolve(container, target);
            assertEquals(service.httpPort(), resolved, service.name() + ": the Service reaches the business port only");
            assertEquals(service.httpPort(), port.getPort(), service.name() + ": the Service's port is the service's own");
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachDeploymentHasAnAutoscalerAndADisruptionBudget(ServiceSettings service) {
        Deployment deployment = deployment(service);
        List<HorizontalPodAutoscaler> autoscalers = k8s.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getSpec().getScaleTargetRef().getKind().equals("Deployment")
                        && h.getSpec().getScaleTargetRef().getName().equals(service.name()))
                .toList();
        assertEquals(1, autoscalers.size(), service.name() + ": one HorizontalPodAutoscaler");
        var hpa = autoscalers.get(0).getSpec();
        assertEquals("apps/v1", hpa.getScaleTargetRef().getApiVersion());
        assertTrue(hpa.getMinReplicas() != null && hpa.getMinReplicas() >= 2, service.name() + ": minReplicas 2 at least");
        assertTrue(hpa.getMaxReplicas() >= hpa.getMinReplicas(), service.name() + ": maxReplicas >= minReplicas");
        assertFalse(hpa.getMetrics() == null || hpa.getMetrics().isEmpty(), service.name() + ": what it scales on");

        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        List<PodDisruptionBudget> budgets = k8s.all(PodDisruptionBudget.class).stream()
                .filter(p -> podLabels.entrySet().containsAll(p.getSpec().getSelector().getMatchLabels().entrySet()))
                .toList();
        assertEquals(1, budgets.size(), service.name() + ": one PodDisruptionBudget selecting its pods");
        var pdb = budgets.get(0).getSpec();
        if (pdb.getMinAvailable() != null) {
            int minAvailable = pdb.getMinAvailable().getIntVal();
            // at least one stays, and a node can still be drained at the smallest size
            assertTrue(minAvailable >= 1 && minAvailable < hpa.getMinReplicas(),
                    service.name() + ": minAvailable " + minAvailable + " must be 1 .. minReplicas - 1");
        } else {
            assertNotNull(pdb.getMaxUnavailable(), service.name() + ": minAvailable or maxUnavailable");
        }
    }

    // ---------------------------------------------------------------- Kafka (Strimzi)

    @Test
    void theBrokerIsAKraftClusterOfThreeThatTheServicesReach() throws IOException {
        List<Document> clusters = k8s.custom("Kafka");
        assertEquals(1, clusters.size(), "one Strimzi Kafka");
        Document kafka = clusters.get(0);
        JsonNode spec = kafka.tree().path("spec").path("kafka");
        assertEquals("enabled", kafka.tree().path("metadata").path("annotations").path("strimzi.io/kraft").asText());
        assertEquals("enabled", kafka.tree().path("metadata").path("annotations").path("strimzi.io/node-pools").asText());
        assertEquals("2", spec.path("config").path("min.insync.replicas").asText());
        assertEquals("3", spec.path("config").path("default.replication.factor").asText());
        assertEquals("false", spec.path("config").path("auto.create.topics.enable").asText(),
                "no service creates topics: they are KafkaTopics");
        assertEquals("simple", spec.path("authorization").path("type").asText(), "ACLs are enforced");
        assertTrue(kafka.tree().path("spec").path("entityOperator").has("topicOperator"));
        assertTrue(kafka.tree().path("spec").path("entityOperator").has("userOperator"));

        int brokers = 0;
        int controllers = 0;
        for (Document pool : k8s.custom("KafkaNodePool")) {
            if (!kafka.name().equals(pool.tree().path("metadata").path("labels").path("strimzi.io/cluster").asText())) {
                continue;
            }
            Set<String> roles = new TreeSet<>();
            pool.tree().path("spec").path("roles").forEach(r -> roles.add(r.asText()));
            int replicas = pool.tree().path("spec").path("replicas").asInt();
            brokers += roles.contains("broker") ? replicas : 0;
            controllers += roles.contains("controller") ? replicas : 0;
        }
        assertTrue(brokers >= 3, "3 brokers at least for replication 3, min in-sync 2: " + brokers);
        assertTrue(controllers >= 3 && controllers % 2 == 1, "an odd quorum of 3 controllers or more: " + controllers);

        // the listener the services use: TLS and SCRAM, at the address in sakip-config
        JsonNode listener = null;
        for (JsonNode l : spec.path("listeners")) {
            if (l.path("authentication").path("type").asText().equals("scram-sha-512")) {
                listener = l;
            }
        }
        assertNotNull(listener, "a listener with SCRAM-SHA-512");
        for (ServiceSettings service : services()) {
            Deployment deployment = deployment(service);
            Container container = container(deployment, service);
            Map<String, Source> env = environment(deployment, container);
            assertEquals(kafka.name() + "-kafka-bootstrap:" + listener.path("port").asInt(),
                    env.get("KAFKA_BOOTSTRAP_SERVERS").value(), service.name() + ": Strimzi's bootstrap Service");
            if (listener.path("tls").asBoolean()) {
                assertEquals("SASL_SSL", env.get("SAKIP_KAFKA_SECURITY_PROTOCOL").value());
                String location = env.get("KAFKA_SSL_TRUSTSTORE_LOCATION").value();
                String mount = container.getVolumeMounts().stream().filter(m -> location.startsWith(m.getMountPath() + "/"))
                        .findFirst().orElseThrow().getName();
                Volume volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                        .filter(v -> v.getName().equals(mount)).findFirst().orElseThrow();
                assertEquals(kafka.name() + "-cluster-ca-cert", volume.getSecret().getSecretName(),
                        service.name() + ": the broker's certificate is signed by Strimzi's cluster CA");
            }
        }
    }

    @Test
    void everyTopicAServiceUsesIsAKafkaTopicKeptLongEnoughForARebuild() throws IOException {
        String cluster = k8s.custom("Kafka").stream().findFirst().orElseThrow(() -> new AssertionError("no Strimzi Kafka")).name();
        Map<String, Integer> readers = new HashMap<>();
        Set<String> topics = new TreeSet<>();
        for (ServiceSettings service : services()) {
            topics.addAll(service.produces());
            topics.addAll(service.deadLetters());
            topics.addAll(service.consumes());
            int maxReplicas = k8s.all(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(service.name()))
                    .mapToInt(h -> h.getSpec().getMaxReplicas()).max().orElse(1);
            service.consumes().forEach(topic -> readers.merge(topic, maxReplicas, Math::max));
        }
        assertTrue(topics.containsAll(Set.of("sakip.planning.events", "sakip.realization.events", "sakip.budget.events",
                "sakip.realization.dlq", "sakip.reporting.dlq")), "topics read from the services: " + topics);
        Map<String, Document> declared = k8s.custom("KafkaTopic").stream().collect(Collectors.toMap(
                d -> d.tree().path("spec").path("topicName").asText(d.name()), d -> d));
        for (String topic : topics) {
            Document d = declared.get(topic);
            assertNotNull(d, "no KafkaTopic " + topic);
            JsonNode spec = d.tree().path("spec");
            assertEquals(cluster, d.tree().path("metadata").path("labels").path("strimzi.io/cluster").asText(), topic);
            assertEquals(3, spec.path("replicas").asInt(), topic + ": replicas");
            assertEquals("2", spec.path("config").path("min.insync.replicas").asText(), topic + ": min.insync.replicas");
            if (readers.containsKey(topic)) {
                // reporting's rebuild and every new consumer group replay the topic from its first offset
                assertEquals("-1", spec.path("config").path("retention.ms").asText(), topic + ": kept for ever");
                assertEquals("-1", spec.path("config").path("retention.bytes").asText("-1"), topic + ": no size bound");
                assertTrue(spec.path("partitions").asInt() >= readers.get(topic),
                        topic + ": " + spec.path("partitions").asInt() + " partitions for up to " + readers.get(topic)
                                + " replicas of a consumer group (a consumer beyond the partitions gets nothing)");
            }
        }
    }

    @Test
    void eachServiceIsAKafkaUserWithExactlyTheAclsOfTheTable() throws IOException {
        Map<String, Set<String>> table = new HashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("deploy/kafka/acls"))) {
            String[] row = line.trim().split("\\s+");
            if (line.isBlank() || line.trim().startsWith("#") || row.length != 4) {
                continue;
            }
            table.computeIfAbsent(row[0], k -> new TreeSet<>()).add(row[1] + " " + row[2] + " " + row[3]);
        }
        for (ServiceSettings service : services()) {
            Document user = k8s.custom("KafkaUser", service.name())
                    .orElseThrow(() -> new AssertionError("no KafkaUser " + service.name()));
            JsonNode spec = user.tree().path("spec");
            assertEquals("scram-sha-512", spec.path("authentication").path("type").asText());
            Set<String> acls = new TreeSet<>();
            for (JsonNode acl : spec.path("authorization").path("acls")) {
                assertEquals("literal", acl.path("resource").path("patternType").asText("literal"));
                for (JsonNode operation : acl.path("operations")) {
                    acls.add(operation.asText() + " " + acl.path("resource").path("type").asText() + " "
                            + acl.path("resource").path("name").asText());
                }
            }
            assertEquals(table.get(service.name()), acls, service.name() + ": the ACLs are deploy/kafka/acls'");
            // the broker's topics are made from the same table (deploy/kafka/init.sh, for compose)
            Set<String> used = new TreeSet<>(service.produces());
            used.addAll(service.deadLetters());
            used.addAll(service.consumes());
            for (String topic : used) {
                assertTrue(acls.stream().anyMatch(a -> a.endsWith(" topic " + topic)), service.name() + " may not use " + topic);
            }
            for (String group : service.groups()) {
                assertTrue(acls.contains("Read group " + group), service.name() + " may not read as group " + group);
            }

            // one password: what the User Operator sets is what the service sends
            JsonNode ref = spec.path("authentication").path("password").path("valueFrom").path("secretKeyRef");
            Deployment deployment = deployment(service);
            Source password = environment(deployment, container(deployment, service)).get("SAKIP_KAFKA_PASSWORD");
            assertNotNull(password, service.name() + ": SAKIP_KAFKA_PASSWORD");
            assertEquals(ref.path("name").asText() + "/" + ref.path("key").asText(), password.from(),
                    service.name() + ": the Deployment's password is its KafkaUser's");
        }
    }

    // ---------------------------------------------------------------- PostgreSQL (CloudNativePG)

    @Test
    void postgresIsAClusterOfThreeWithADatabaseAndARolePerService() throws IOException {
        List<Document> clusters = k8s.custom("Cluster");
        assertEquals(1, clusters.size(), "one CloudNativePG Cluster");
        Document cluster = clusters.get(0);
        assertTrue(cluster.tree().path("spec").path("instances").asInt() >= 3, "3 instances at least");
        Map<String, JsonNode> roles = new HashMap<>();
        cluster.tree().path("spec").path("managed").path("roles").forEach(r -> roles.put(r.path("name").asText(), r));

        // every replica the autoscalers may start holds its whole pool: PostgreSQL must accept them all
        int connections = 0;
        for (ServiceSettings service : services()) {
            int maxReplicas = k8s.all(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(service.name()))
                    .mapToInt(h -> h.getSpec().getMaxReplicas()).max().orElseThrow();
            connections += maxReplicas * service.poolSize();
        }
        int maxConnections = cluster.tree().path("spec").path("postgresql").path("parameters").path("max_connections").asInt(100);
        assertTrue(connections < maxConnections, connections + " connections at the autoscalers' maxima, max_connections " + maxConnections);

        Set<String> databases = new TreeSet<>();
        for (ServiceSettings service : services()) {
            Deployment deployment = deployment(service);
            Map<String, Source> env = environment(deployment, container(deployment, service));
            URI url = URI.create(env.get(service.databasePrefix() + "URL").value().substring("jdbc:".length()));
            assertEquals(cluster.name() + "-rw", url.getHost(), service.name() + ": the primary's Service");
            String database = url.getPath().substring(1);
            assertTrue(databases.add(database), service.name() + ": a database of its own, not " + database);

            Document declared = k8s.custom("Database").stream()
                    .filter(d -> d.tree().path("spec").path("name").asText().equals(database)).findFirst()
                    .orElseThrow(() -> new AssertionError("no Database " + database));
            assertEquals(cluster.name(), declared.tree().path("spec").path("cluster").path("name").asText());
            String owner = declared.tree().path("spec").path("owner").asText();
            assertEquals(owner, env.get(service.databasePrefix() + "USER").value(), service.name() + " connects as its database's owner");

            JsonNode role = roles.get(owner);
            assertNotNull(role, "no managed role " + owner);
            assertTrue(role.path("login").asBoolean(), owner + " logs in");
            String secret = role.path("passwordSecret").path("name").asText();
            assertEquals(secret + "/password", env.get(service.databasePrefix() + "PASSWORD").from(),
                    service.name() + ": the password it sends is its role's");
            assertEquals(owner, secretValue(secret, "username"), secret + ": CloudNativePG needs the role's name as username");
        }
    }

    // ---------------------------------------------------------------- docker-compose

    @ParameterizedTest
    @MethodSource("services")
    @SuppressWarnings("unchecked")
    void composeGivesEachServiceEverySettingItNeeds(ServiceSettings service) throws IOException {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(COMPOSE)) {
            compose = new Yaml().load(reader);
        }
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> entry = (Map<String, Object>) services.get(service.name());
        assertNotNull(entry, "compose has no service " + service.name());
        Map<String, String> env = new HashMap<>();
        Object environment = entry.get("environment");
        if (environment instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(k.toString(), v == null ? null : v.toString()));
        } else if (environment instanceof List<?> list) {
            list.forEach(item -> {
                String[] kv = item.toString().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : null);
            });
        }
        Set<String> missing = new TreeSet<>(service.required());
        missing.removeAll(env.keySet());
        assertEquals(Set.of(), missing, "compose " + service.name() + ": settings without a usable default that it does not give");

        // where it connects is a service of this compose file, and its database is created there
        URI db = URI.create(env.get(service.databasePrefix() + "URL").substring("jdbc:".length()));
        assertTrue(services.containsKey(db.getHost()), service.name() + ": " + db.getHost() + " is no compose service");
        String kafkaHost = env.get("KAFKA_BOOTSTRAP_SERVERS").split(":")[0];
        assertTrue(services.containsKey(kafkaHost), service.name() + ": " + kafkaHost + " is no compose service");
        List<Object> pgVolumes = (List<Object>) ((Map<String, Object>) services.get(db.getHost())).get("volumes");
        String initScript = pgVolumes.stream().map(Object::toString).filter(v -> v.contains("docker-entrypoint-initdb.d"))
                .findFirst().orElseThrow().split(":")[0];
        String sql = Files.readString(COMPOSE.getParent().resolve(initScript), StandardCharsets.UTF_8).toLowerCase();
        assertTrue(sql.contains("create database " + db.getPath().substring(1) + " "), service.name() + ": its database");
        if (env.getOrDefault("SAKIP_KAFKA_SECURITY_PROTOCOL", "").startsWith("SASL")) {
            assertEquals(service.name(), env.get("SAKIP_KAFKA_USERNAME"));
            assertTrue(env.containsKey("SAKIP_KAFKA_PASSWORD"));
        }

        // its business port published; its management port, if at all, on the host's loopback only
        List<String> ports = ((List<Object>) entry.get("ports")).stream().map(Object::toString).toList();
        assertTrue(ports.stream().anyMatch(p -> p.endsWith(":" + service.httpPort())), service.name() + ": " + ports);
        ports.stream().filter(p -> p.endsWith(":" + service.managementPort())).forEach(p ->
                assertTrue(p.startsWith("127.0.0.1:"), service.name() + ": the management port is published beyond the host: " + p));
    }

    // ---------------------------------------------------------------- helpers

    /** Where a container's environment variable comes from: a value, a ConfigMap's or a Secret's key. */
    record Source(String kind, String from, String value) {
        static final Source NONE = new Source("none", "", null);
    }

    static Deployment deployment(ServiceSettings service) {
        return k8s.named(Deployment.class, service.name())
                .orElseThrow(() -> new AssertionError("no Deployment " + service.name()));
    }

    static Container container(Deployment deployment, ServiceSettings service) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(service.name())).findFirst()
                .orElseThrow(() -> new AssertionError(service.name() + ": no container named after the service"));
    }

    static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int port(Container container, String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).mapToInt(ContainerPort::getContainerPort)
                .findFirst().orElseThrow(() -> new AssertionError(container.getName() + ": no port named " + name));
    }

    static int resolve(Container container, IntOrString port) {
        return port.getStrVal() != null ? port(container, port.getStrVal()) : port.getIntVal();
    }

    /** The container's environment as the kubelet makes it: envFrom first, env over it. */
    static Map<String, Source> environment(Deployment deployment, Container container) {
        Map<String, Source> env = new LinkedHashMap<>();
        for (EnvFromSource from : container.getEnvFrom() == null ? List.<EnvFromSource>of() : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                String name = from.getConfigMapRef().getName();
                configMap(name).forEach((k, v) -> env.put(k, new Source("ConfigMap", name + "/" + k, v)));
            }
            if (from.getSecretRef() != null) {
                String name = from.getSecretRef().getName();
                secret(name).forEach((k, v) -> env.put(k, new Source("Secret", name + "/" + k, v)));
            }
        }
        for (EnvVar var : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
            if (var.getValueFrom() == null) {
                env.put(var.getName(), new Source("value", "", var.getValue()));
            } else if (var.getValueFrom().getSecretKeyRef() != null) {
                var ref = var.getValueFrom().getSecretKeyRef();
                env.put(var.getName(), new Source("Secret", ref.getName() + "/" + ref.getKey(), secretValue(ref.getName(), ref.getKey())));
            } else if (var.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = var.getValueFrom().getConfigMapKeyRef();
                String value = configMap(ref.getName()).get(ref.getKey());
                if (value == null) {
                    fail(container.getName() + ": " + var.getName() + ": no key " + ref.getKey() + " in ConfigMap " + ref.getName());
                }
                env.put(var.getName(), new Source("ConfigMap", ref.getName() + "/" + ref.getKey(), value));
            } else {
                env.put(var.getName(), new Source("field", "", null));
            }
        }
        return env;
    }

    static Map<String, String> configMap(String name) {
        ConfigMap map = k8s.named(ConfigMap.class, name).orElseThrow(() -> new AssertionError("no ConfigMap " + name));
        return map.getData() == null ? Map.of() : map.getData();
    }

    static Map<String, String> secret(String name) {
        Secret secret = k8s.named(Secret.class, name).orElseThrow(() -> new AssertionError("no Secret " + name));
        Map<String, String> values = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> values.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            values.putAll(secret.getStringData());
        }
        return values;
    }

    static String secretValue(String name, String key) {
        String value = secret(name).get(key);
        if (value == null) {
            fail("no key " + key + " in Secret " + name);
        }
        return value;
    }
}
