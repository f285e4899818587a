package id.go.maluku.sakip.manifests;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's application.properties (and the platform's defaults, which every service
 * has) say a deployment must give it: its name and ports, the environment variables it reads,
 * and the topics and consumer groups it uses. Read from the files themselves, so that a setting
 * added to a service without being added to the manifests fails the build.
 */
record ServiceSettings(String name, Path folder, int httpPort, int managementPort, int poolSize,
                       TreeMap<String, String> environment, Set<String> produces, Set<String> consumes,
                       Set<String> deadLetters, Set<String> groups) {

    /** ${NAME} or ${NAME:default}; lower-case names are other properties, not the environment. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    static final String NO_DEFAULT = "\u0000no default";

    static ServiceSettings read(Path root, String folder) throws IOException {
        Path dir = root.resolve(folder);
        Properties service = load(dir.resolve("src/main/resources/application.properties"));
        Properties platform = load(root.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
        TreeMap<String, String> environment = new TreeMap<>();
        references(platform, environment);
        references(service, environment);
        Set<String> produces = new TreeSet<>();
        Set<String> consumes = new TreeSet<>();
        Set<String> deadLetters = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (String key : service.stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue;
            }
            String value = service.getProperty(key).trim();
            if (key.equals("sakip.outbox.topic")) {
                produces.add(value);
            } else if (key.equals("sakip.dead-letter.topic")) {
                deadLetters.add(value);
            } else if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topics?")) {
                consumes.addAll(Arrays.asList(value.split("\\s*,\\s*")));
            } else if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id")) {
                groups.add(value);
            }
        }
        return new ServiceSettings(service.getProperty("quarkus.application.name"), dir,
                Integer.parseInt(service.getProperty("quarkus.http.port")),
                Integer.parseInt(defaultOf(service.getProperty("quarkus.management.port"))),
                // Agroal's default pool is 20 connections
                Integer.parseInt(service.getProperty("quarkus.datasource.jdbc.max-size", "20")),
                environment, produces, consumes, deadLetters, groups);
    }

    /**
     * The environment variables that a deployment must set: those without a default, and those
     * whose default is the local stack's (127.0.0.1, localhost), which is wrong on any other machine.
     */
    Set<String> required() {
        Set<String> required = new LinkedHashSet<>();
        environment.forEach((variable, fallback) -> {
            if (fallback.equals(NO_DEFAULT) || fallback.contains("127.0.0.1") || fallback.contains("localhost")) {
                required.add(variable);
            }
        });
        return required;
    }

    /** The environment variable's name prefix of the service's database settings (PLANNING_DB_...). */
    String databasePrefix() {
        return name.substring(0, name.indexOf('-')).toUpperCase() + "_DB_";
    }

    private static void references(Properties properties, TreeMap<String, String> environment) {
        for (String key : properties.stringPropertyNames()) {
            // another profile's value is not read in production (%prod would be)
            if (key.startsWith("%") && !key.startsWith("%prod.")) {
                continue;
            }
            Matcher m = REFERENCE.matcher(properties.getProperty(key));
            while (m.find()) {
                environment.merge(m.group(1), m.group(2) == null ? NO_DEFAULT : m.group(2),
                        (a, b) -> a.equals(NO_DEFAULT) || b.equals(NO_DEFAULT) ? NO_DEFAULT : a);
            }
        }
    }

    private static String defaultOf(String value) {
        Matcher m = REFERENCE.matcher(value);
        return m.matches() && m.group(2) != null ? m.group(2) : value;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
