package id.go.maluku.sakip.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at the real PostgreSQL and Kafka of this JVM.
 * Register it with {@code @WithTestResource(value = RealInfrastructureResource.class,
 * scope = TestResourceScope.GLOBAL)} so a module starts them once. It also makes the service
 * accept the bearer tokens that {@link Tokens} mints, and no others.
 */
public class RealInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        RealInfrastructure infra = RealInfrastructure.start();
        return Map.of(
                "quarkus.datasource.jdbc.url", infra.database(database),
                "quarkus.datasource.username", infra.username(),
                "quarkus.datasource.password", infra.password(),
                "kafka.bootstrap.servers", infra.bootstrapServers(),
                // Tokens of this JVM's test key pair (Tokens) are the only ones the service accepts.
                "mp.jwt.verify.publickey.location", Tokens.publicKeyFile().toString(),
                "mp.jwt.verify.issuer", Tokens.ISSUER,
                "mp.jwt.verify.audiences", Tokens.AUDIENCE);
    }

    @Override
    public void stop() {
        // The servers live as long as the JVM: other test classes of the module reuse them.
    }
}
