package id.go.maluku.sakip.realization.rest;

import id.go.maluku.sakip.realization.domain.Evidence;
import id.go.maluku.sakip.realization.domain.RuleViolation;
import id.go.maluku.sakip.realization.domain.TextBounds;
import id.go.maluku.sakip.realization.service.EvidenceService;
import id.go.maluku.sakip.platform.http.FileNames;
import id.go.maluku.sakip.platform.security.AgencyScoped;
import id.go.maluku.sakip.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static id.go.maluku.sakip.realization.rest.ApiExamples.JSON;
import static id.go.maluku.sakip.realization.rest.ApiExamples.PROBLEM;

@AgencyScoped
@Path("/api/v1/agencies/{agency}/indicators/{indicator}/realisasi/{year}/{period}/evidence")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence", description = "Files, links and texts that support a realisasi")
public class EvidenceResource {

    // which of url and text is required depends on kind: EvidenceService says so; the bounds hold for both
    public record EvidenceBody(@Schema(enumeration = {"link", "text"}) String kind,
                               @Size(max = TextBounds.URL, message = TextBounds.AT_MOST) String url,
                               @Size(max = TextBounds.EVIDENCE_TEXT, message = TextBounds.AT_MOST) String text) {
    }

    // written whole: each property required, what a kind does not use null (issue 24)
    @Schema(requiredProperties = {"id", "kind", "fileName", "contentType", "sizeBytes", "sha256", "url", "text", "createdBy",
            "createdAt"})
    public record EvidenceView(String id,
                               String kind,
                               @Schema(nullable = true) String fileName,
                               @Schema(nullable = true) String contentType,
                               @Schema(nullable = true) Long sizeBytes,
                               @Schema(nullable = true) String sha256,
                               @Schema(nullable = true) String url,
                               @Schema(nullable = true) String text,
                               String createdBy,
                               OffsetDateTime createdAt) {
        static EvidenceView of(Evidence e) {
            return new EvidenceView(e.id.toString(), e.kind, e.fileName, e.contentType, e.sizeBytes, e.sha256, e.url,
                    e.text, e.createdBy, e.createdAt);
        }
    }

    @Inject
    EvidenceService evidence;

    @Inject
    UnitScope units;

    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addEvidence", summary = "Add a link or a text as evidence", description = "{\"kind\":\"link\",\"url\":\"https://...\"} "
            + "or {\"kind\":\"text\",\"text\":\"...\"}. 409 while the period is locked.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "link", value = "{\"kind\": \"link\", \"url\": \"https://dinsos.malukuprov.go.id/laporan/bantuan-2022.pdf\"}"),
            @ExampleObject(name = "text", value = "{\"kind\": \"text\", \"text\": \"Berita acara serah terima bantuan, 12 Desember 2022\"}")}))
    @APIResponse(responseCode = "201", description = "The evidence as kept",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = EvidenceView.class), examples = @ExampleObject(name = "a link", value = ApiExamples.EVIDENCE_LINK)))
    @APIResponse(responseCode = "400", description = "kind is neither link nor text, a link is not http(s), or a text is empty",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "not an http(s) link", value = ApiExamples.BAD_URL)))
    @APIResponse(responseCode = "409", description = "The period is locked",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Response add(@PathParam("agency") String agency, @PathParam("indicator") String indicator,
                        @PathParam("year") int year, @PathParam("period") String period,
                        @Valid @NotNull EvidenceBody body) {
        units.requireWritable(agency, indicator);
        String kind = body.kind() == null ? "" : body.kind().toLowerCase(Locale.ROOT);
        Evidence e = switch (kind) {
            case "link" -> evidence.addLink(agency, indicator, year, period, body.url());
            case "text" -> evidence.addText(agency, indicator, year, period, body.text());
            default -> throw RuleViolation.invalid("kind", "link or text (a file is sent to .../evidence/file)");
        };
        return Response.status(Response.Status.CREATED).entity(EvidenceView.of(e)).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @POST
    @Path("file")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "addEvidenceFile", summary = "Add a file as evidence",
            description = "The body is the file itself, with its Content-Type; name: the file name. Allowed types "
                    + "and the size limit are configured (sakip.evidence.types, sakip.evidence.max-bytes): 415 for a "
                    + "refused type or content that is not of the declared type, 413 when too large. The SHA-256 "
                    + "of the bytes is computed and returned.")
    @RequestBody(content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary"),
            examples = @ExampleObject(name = "a PDF", description = "The file's bytes, sent with its own Content-Type "
                    + "(here application/pdf) and ?name=berita-acara.pdf", value = "%PDF-1.7 ...")))
    @APIResponse(responseCode = "201", description = "The file as kept, with its SHA-256",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = EvidenceView.class), examples = @ExampleObject(name = "a PDF", value = ApiExamples.EVIDENCE_FILE)))
    @APIResponse(responseCode = "415", description = "A type not taken as evidence, or content that is not of the declared type",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "an executable", value = ApiExamples.TYPE_REFUSED)))
    @APIResponse(responseCode = "409", description = "The period is locked",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Response addFile(@PathParam("agency") String agency, @PathParam("indicator") String indicator,
                            @PathParam("year") int year, @PathParam("period") String period,
                            @QueryParam("name") @Size(max = TextBounds.FILE_NAME) String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                            InputStream body) {
        units.requireWritable(agency, indicator);
        Evidence e = evidence.addFile(agency, indicator, year, period, name, contentType, body);
        return Response.status(Response.Status.CREATED).entity(EvidenceView.of(e)).build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Operation(operationId = "listEvidence", summary = "List the evidence of a realisasi")
    @APIResponse(responseCode = "200", description = "The evidence, oldest first",
            content = @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = EvidenceView.class), examples = @ExampleObject(name = "a link and a file", value = ApiExamples.EVIDENCE_LIST)))
    @APIResponse(responseCode = "404", description = "The indicator has no realisasi for this year and period",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "none", value = ApiExamples.REALISASI_NOT_FOUND)))
    public List<EvidenceView> list(@PathParam("agency") String agency, @PathParam("indicator") String indicator,
                                   @PathParam("year") int year, @PathParam("period") String period) {
        return evidence.list(agency, indicator, year, period).stream().map(EvidenceView::of).toList();
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Path("{id}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "downloadEvidence", summary = "Download an evidence file, with its SHA-256 in the X-Checksum-SHA256 header")
    @APIResponse(responseCode = "200", description = "The file's bytes with its own Content-Type",
            content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary"), examples = @ExampleObject(name = "a PDF", value = ApiExamples.PDF)))
    @APIResponse(responseCode = "404", description = "No such evidence file of this realisasi",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "unknown id", value = ApiExamples.EVIDENCE_NOT_FOUND)))
    public Response content(@PathParam("agency") String agency, @PathParam("indicator") String indicator,
                            @PathParam("year") int year, @PathParam("period") String period,
                            @PathParam("id") UUID id) {
        EvidenceService.Content content = evidence.content(agency, indicator, year, period, id);
        return Response.ok(content.bytes(), content.evidence().contentType)
                .header("Content-Disposition", FileNames.contentDisposition("attachment", content.evidence().fileName))
                .header("X-Checksum-SHA256", content.evidence().sha256).build();
    }
}
