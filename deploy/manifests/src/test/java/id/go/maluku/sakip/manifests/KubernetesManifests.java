package id.go.maluku.sakip.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every document of every manifest in a folder, read into the Kubernetes API's types (fabric8's
 * model) for Kubernetes' own kinds and Strimzi's (its io.strimzi:api model), or kept as a tree for
 * CloudNativePG's kinds, which have no Java model, and whose fields the tests check one by one.
 *
 * <p>fabric8's types keep a field they do not know in "additional properties" instead of failing;
 * the API server would refuse it (or, with a lenient client, drop it: a probe under a misspelt key
 * is then silently no probe). So after reading, every object of the tree is asked for its
 * additional properties, and any is an error, with its path.
 */
final class KubernetesManifests {

    /** Kinds with a Java model (Kubernetes' own, Strimzi's), by apiVersion/kind. */
    private static final Map<String, Class<? extends HasMetadata>> CORE = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("batch/v1/Job", Job.class),
            // Strimzi's kinds, from its own API model (io.strimzi:api)
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class));

    /**
     * CloudNativePG's kinds, which have no Java model on Maven Central: the top-level spec fields
     * their CRDs define (those we may use); the tests check the fields they rely on one by one.
     */
    static final Map<String, Set<String>> CUSTOM = Map.of(
            "postgresql.cnpg.io/v1/Cluster", Set.of("instances", "imageName", "primaryUpdateStrategy", "postgresql",
                    "bootstrap", "managed", "storage", "walStorage", "resources", "affinity", "monitoring", "backup",
                    "description", "enableSuperuserAccess", "superuserSecret", "minSyncReplicas", "maxSyncReplicas"),
            "postgresql.cnpg.io/v1/Database", Set.of("cluster", "name", "owner", "ensure", "encoding", "template",
                    "databaseReclaimPolicy", "allowConnections", "connectionLimit"));

    /** metadata.name: a DNS subdomain (RFC 1123), as the API server requires. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private static final ObjectMapper YAML = new YAMLMapper();

    /** One document: where it is, its tree, and its typed form for Kubernetes' own kinds. */
    record Document(String where, String type, String name, JsonNode tree, HasMetadata typed) {
        String kind() {
            return tree.path("kind").asText();
        }
    }

    final List<Document> documents = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    static KubernetesManifests read(Path folder) throws IOException {
        KubernetesManifests manifests = new KubernetesManifests();
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        for (Path file : files) {
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                int index = 0;
                while (docs.hasNext()) {
                    JsonNode tree = docs.next();
                    index++;
                    if (tree == null || tree.isNull() || tree.isMissingNode()) {
                        continue;
                    }
                    manifests.add(file.getFileName() + " #" + index, tree);
                }
            }
        }
        return manifests;
    }

    void add(String file, JsonNode tree) {
        String type = tree.path("apiVersion").asText() + "/" + tree.path("kind").asText();
        String name = tree.path("metadata").path("name").asText();
        String where = file + " (" + tree.path("kind").asText() + " " + name + ")";
        if (!NAME.matcher(name).matches() || name.length() > 253) {
            errors.add(where + ": metadata.name '" + name + "' is not a DNS subdomain");
        }
        HasMetadata typed = null;
        Class<? extends HasMetadata> cls = CORE.get(type);
        if (cls != null) {
            try {
                typed = YAML.treeToValue(tree, cls);
                unknownFields(typed, "", where, errors, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
            } catch (IOException e) {
                errors.add(where + ": not a valid " + type + ": " + e.getMessage());
            }
        } else if (CUSTOM.containsKey(type)) {
            tree.path("spec").fieldNames().forEachRemaining(field -> {
                if (!CUSTOM.get(type).contains(field)) {
                    errors.add(where + ": spec." + field + " is not a field of " + type);
                }
            });
        } else {
            errors.add(where + ": unknown apiVersion/kind " + type);
        }
        documents.add(new Document(where, type, name, tree, typed));
    }

    <T extends HasMetadata> List<T> all(Class<T> cls) {
        return documents.stream().map(Document::typed).filter(cls::isInstance).map(cls::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> cls, String name) {
        return all(cls).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    List<Document> custom(String kind) {
        return documents.stream().filter(d -> d.kind().equals(kind)).toList();
    }

    Optional<Document> custom(String kind, String name) {
        return custom(kind).stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** Every field of the typed tree that fabric8 did not know, as the errors' paths. */
    static void unknownFields(Object node, String path, String where, List<String> errors, Set<Object> seen) {
        // an object reached twice (Strimzi's models have more than one getter for some) is reported once
        if (node == null || !seen.add(node)) {
            return;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknownFields(list.get(i), path + "[" + i + "]", where, errors, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknownFields(value, path + "." + key, where, errors, seen));
            return;
        }
        String type = node.getClass().getName();
        if (!type.startsWith("io.fabric8.kubernetes.api.model") && !type.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class
                    || getter.getReturnType().isPrimitive() || getter.getReturnType() == String.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    errors.add(where + ": unknown field(s) at " + (path.isEmpty() ? "top level" : path.substring(1))
                            + ": " + extra.keySet());
                }
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            unknownFields(value, path + "." + field, where, errors, seen);
        }
    }
}
