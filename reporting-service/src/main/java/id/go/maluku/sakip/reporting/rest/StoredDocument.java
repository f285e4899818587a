package id.go.maluku.sakip.reporting.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A stored LKIP (published or built) in the format the Accept header asks for; JSON otherwise. */
final class StoredDocument {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private StoredDocument() {
    }

    static Response respond(String accept, String html, String json, byte[] pdf, byte[] xlsx) {
        String type = accept == null ? MediaType.APPLICATION_JSON : accept;
        if (type.contains("application/pdf")) {
            return Response.ok(pdf, "application/pdf").build();
        }
        if (type.contains(XLSX)) {
            return Response.ok(xlsx, XLSX).build();
        }
        if (type.contains(MediaType.TEXT_HTML)) {
            return Response.ok(html, MediaType.TEXT_HTML).build();
        }
        return Response.ok(json, MediaType.APPLICATION_JSON).build();
    }
}
