package id.go.maluku.sakip.platform.error;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The mapper of request and response bodies: the service's own (StrictJson's rules), and a
 * property a body type does not have is refused (a 400 naming it) instead of dropped, so that a
 * misspelt {@code "targer"} is not taken as "no target". Only bodies: events are read with the
 * service's mapper as it is, so a newer producer may add a field without stopping its consumers.
 */
@Provider
public class StrictBodies implements ContextResolver<ObjectMapper> {

    private final ObjectMapper bodies;

    @Inject
    public StrictBodies(ObjectMapper mapper) {
        this.bodies = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return bodies;
    }
}
