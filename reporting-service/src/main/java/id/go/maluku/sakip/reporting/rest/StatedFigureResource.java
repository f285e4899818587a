package id.go.maluku.sakip.reporting.rest;

import id.go.maluku.sakip.reporting.service.StatedFigureService;
import id.go.maluku.sakip.platform.security.AgencyScoped;
import id.go.maluku.sakip.platform.security.Caller;
import id.go.maluku.sakip.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The figures a document printed for the agency's LKIP of the year (its capaian and comparison
 * tables), kept as stated so that the review compares them with the computation.
 */
@Path("/api/v1/agencies/{agency}/years/{year}/lkip/stated-figures")
@AgencyScoped
@Tag(name = "LKIP", description = "The performance report, its review and its narratives")
public class StatedFigureResource {

    @Inject
    StatedFigureService figures;

    @Inject
    Caller caller;

    @Schema(name = "StatedFiguresBody")
    public record Body(@Schema(description = "The figures of one or more tables; each table named is replaced whole")
                       List<StatedFigureService.Row> figures) {
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getStatedFigures", summary = "The figures the agency's LKIP of the year printed, as stated",
            description = "Every stated figure, in the order of the report's tables: statedIn, indicator, year (the year "
                    + "the figure is about), figure (capaian, realisasi or target), stated (the text as printed), value and "
                    + "unit as read, writtenBy, writtenAt. Unknown agency: 404.")
    @APIResponse(responseCode = "200", description = "The stated figures, in the order of the report's tables",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = StatedFigureService.Stated.class),
                    examples = @ExampleObject(name = "the demo's, shortened", value = ApiExamples.STATED_FIGURES)))
    public List<StatedFigureService.Stated> all(@PathParam("agency") String agency, @PathParam("year") int year) {
        return figures.all(agency, year);
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putStatedFigures", summary = "Keep the figures a table of the report printed",
            description = "Each figure: statedIn (the table, e.g. \"Tabel 3.2\"), indicator (its code), year (the year the "
                    + "figure is about), figure (capaian, realisasi or target) and stated (the text as printed: "
                    + "\"141,18 %\", \"24 Kegiatan\"; Indonesian and English number formats are read, an ambiguous number "
                    + "such as 1.234 is refused). For every statedIn named, the stored figures of that table are replaced "
                    + "by the request's; other tables stay; sending a table again as it stands changes nothing. Stated "
                    + "figures are never used to compute: the review (/review, the draft's findings annex) lists each "
                    + "that disagrees with the computed value. A bad row is a 400 problem naming it (figures[3].stated) "
                    + "and nothing changes. Answers the whole set of the report. Unknown agency: 404.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "a table of the seed",
            value = "{\"figures\": [{\"statedIn\": \"Tabel 3.1\", \"indicator\": \"IK1\", \"year\": 2022, \"figure\": \"target\", "
                    + "\"stated\": \"19\"}, {\"statedIn\": \"Tabel 3.1\", \"indicator\": \"IK1\", \"year\": 2022, "
                    + "\"figure\": \"capaian\", \"stated\": \"100 %\"}]}")))
    @APIResponse(responseCode = "200", description = "The whole set of the report, after the replacement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = StatedFigureService.Stated.class),
                    examples = @ExampleObject(name = "the demo's, shortened", value = ApiExamples.STATED_FIGURES)))
    public List<StatedFigureService.Stated> replace(@PathParam("agency") String agency, @PathParam("year") int year,
                                                    @NotNull Body body) {
        return figures.replace(agency, year, body.figures(), caller.subject());
    }
}
