package id.go.maluku.sakip.reporting.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.security.MessageDigest;
import java.util.HexFormat;

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
        try {
            byte[] body = json.writeValueAsBytes(entity);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            EntityTag tag = new EntityTag(HexFormat.of().formatHex(digest, 0, 16));
            CacheControl cache = new CacheControl();
            cache.setNoCache(true);
            Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
            if (notModified != null) {
                return notModified.tag(tag).cacheControl(cache).build();
            }
            return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(tag).cacheControl(cache).build();
        } catch (Exception e) {
            throw new IllegalStateException("document could not be written", e);
        }
    }
}
