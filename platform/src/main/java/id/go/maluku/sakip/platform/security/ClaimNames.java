package id.go.maluku.sakip.platform.security;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The names of the token's agency and unit claims, read from the configuration once. Caller is
 * created for every request; with the names injected there, every request paid two
 * configuration lookups (1.7% of realization-service's CPU under deploy/bench/realization-wrk.sh).
 */
@Singleton
public class ClaimNames {

    @ConfigProperty(name = "sakip.security.agency-claim", defaultValue = "agency")
    String agency;

    @ConfigProperty(name = "sakip.security.unit-claim", defaultValue = "unit")
    String unit;

    public String agency() {
        return agency;
    }

    public String unit() {
        return unit;
    }
}
