package id.go.maluku.sakip.reporting.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.maluku.sakip.reporting.service.JsonDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;


/**
 * Answers a dashboard's poll cheaply: the ETag is a hash of the exact document, so an unchanged
 * document is a 304 with no body for a client that sends If-None-Match. Clients must
 * revalidate (no-cache), so a change shows on the next poll.
 */
@ApplicationScoped
public class Conditional {

    @Inject
    ObjectMapper json;

    public Response ok(Request request, Object entity) {
        return ok(request, JsonDocument.of(json, entity));
    }

    public Response ok(Request request, JsonDocument document) {
        EntityTag tag = new EntityTag(document.etag());
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).cacheControl(cache).build();
        }
        return Response.ok(document.body(), MediaType.APPLICATION_JSON_TYPE).tag(tag).cacheControl(cache).build();
    }
}
