package id.go.maluku.sakip.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.security.MessageDigest;
import java.util.HexFormat;

/** A document as served: its JSON bytes and a hash of exactly those bytes, the ETag. */
public record JsonDocument(byte[] body, String etag) {

    public static JsonDocument of(ObjectMapper json, Object entity) {
        try {
            byte[] body = json.writeValueAsBytes(entity);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new JsonDocument(body, HexFormat.of().formatHex(digest, 0, 16));
        } catch (Exception e) {
            throw new IllegalStateException("document could not be written", e);
        }
    }
}
