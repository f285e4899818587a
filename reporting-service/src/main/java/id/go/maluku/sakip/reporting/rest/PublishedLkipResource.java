package id.go.maluku.sakip.reporting.rest;

import id.go.maluku.sakip.reporting.lkip.Json;

import id.go.maluku.sakip.reporting.service.PublicationService;
import id.go.maluku.sakip.platform.security.Caller;
import id.go.maluku.sakip.platform.security.Roles;
import id.go.maluku.sakip.platform.security.Scope;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Published LKIP versions. A published LKIP is a public document: with
 * {@code sakip.security.public-reports=true} (the default) anybody reads it, with or without a
 * token, whatever agency a token belongs to. With {@code false} it is read like the draft: a
 * token is needed (401 without one), with a reading role, reaching the agency (403 otherwise).
 *
 * <p>Apart from {@link LkipResource} and without {@code @AgencyScoped} on purpose: that
 * interceptor refuses every token of another agency, which would refuse a public document to
 * a signed-in reader that anybody without a token may read. The scope check is made here
 * instead, when the documents are not public. A token that is sent is verified in any case: a
 * forged or expired one is a 401 here as everywhere.
 */
@Path("/api/v1/agencies/{agency}/years/{year}")
@Tag(name = "LKIP", description = "The performance report, its review and its narratives")
public class PublishedLkipResource {

    private static final List<String> READERS = List.of(Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER,
            Roles.VIEWER);

    @ConfigProperty(name = "sakip.security.public-reports", defaultValue = "true")
    boolean publicReports;

    @Inject
    Caller caller;

    @Inject
    PublicationService publications;

    @PermitAll
    @GET
    @Path("lkip/publications")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublications", summary = "Every published version", description = "Oldest first, with checksum and data freshness, "
            + "and supersededByData once realization-service reopened a period of the year after the version was published. "
            + "Public (no token needed) while sakip.security.public-reports is true, the default.")
    @APIResponse(responseCode = "200", description = "The published versions, oldest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = PublicationService.Summary.class),
            examples = @ExampleObject(name = "two versions", value = ApiExamples.PUBLICATIONS)))
    @APIResponse(responseCode = "401", description = "A token was sent and does not verify (none is needed)")
    @APIResponse(responseCode = "403", description = "sakip.security.public-reports is false and the token may not read the agency's reports")
    public List<PublicationService.Summary> publications(@PathParam("agency") String agency,
                                                         @PathParam("year") int year) {
        mayRead(agency);
        return publications.list(agency, year);
    }

    @PermitAll
    @GET
    @Path("lkip/publications/{version}")
    @Produces({MediaType.TEXT_HTML, "application/pdf", StoredDocument.XLSX, MediaType.APPLICATION_JSON})
    @Operation(operationId = "getPublication", summary = "A published version, exactly as published", description = "Accept picks the format. "
            + "Public (no token needed) while sakip.security.public-reports is true, the default.")
    @APIResponse(responseCode = "200", description = "The published version, in the format Accept asks for", content = {
            // binary like the others: a generated client takes the first type of an answer for all four, and a
            // "string" HTML first made a Java client parse a PDF as JSON (deploy/clients found it)
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = StoredDocument.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Json.Document.class),
                    examples = @ExampleObject(name = "the demo agency's, shortened", value = ApiExamples.LKIP_JSON))})
    @APIResponse(responseCode = "404", description = "No such version")
    @APIResponse(responseCode = "406", description = "Accept names none of the four formats")
    @APIResponse(responseCode = "401", description = "A token was sent and does not verify (none is needed)")
    @APIResponse(responseCode = "403", description = "sakip.security.public-reports is false and the token may not read the agency's reports")
    public Response published(@PathParam("agency") String agency, @PathParam("year") int year,
                              @PathParam("version") int version, @HeaderParam("Accept") String accept) {
        mayRead(agency);
        var p = publications.get(agency, year, version);
        return StoredDocument.respond(accept, p.html, p.json, p.pdf, p.xlsx);
    }

    private void mayRead(String agency) {
        Scope scope = caller.scope(); // verifies a token that was sent, also where none is needed
        if (publicReports) {
            return;
        }
        if (scope.anonymous()) {
            throw new UnauthorizedException();
        }
        if (READERS.stream().noneMatch(scope::has)) {
            throw new ForbiddenException("published LKIP versions are not public here; they are read with the role "
                    + String.join(", ", READERS));
        }
        caller.requireAgency(agency);
    }
}
