package id.go.maluku.sakip.reporting.rest;

import id.go.maluku.sakip.platform.security.AgencyScoped;
import id.go.maluku.sakip.platform.security.Caller;
import id.go.maluku.sakip.platform.security.Roles;
import id.go.maluku.sakip.reporting.service.StatedTotalService;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The budget totals a document printed for the agency's LKIP of the year (a program's pagu and
 * realisasi, the year's "jumlah"), kept as stated so that the review checks them against the sum
 * of their lines.
 */
@Path("/api/v1/agencies/{agency}/years/{year}/lkip/stated-totals")
@AgencyScoped
@Tag(name = "LKIP", description = "The performance report, its review and its narratives")
public class StatedTotalResource {

    @Inject
    StatedTotalService totals;

    @Inject
    Caller caller;

    @Schema(name = "StatedTotalsBody", requiredProperties = {"totals"})
    public record Body(@Schema(description = "The totals of one or more tables; each table named is replaced whole")
                       List<StatedTotalService.Row> totals) {
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.VERIFIER, Roles.VIEWER})
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getStatedTotals", summary = "The budget totals the agency's LKIP of the year printed, as stated",
            description = "Every stated total, in the order of the report's tables: statedIn, program (null for the year's "
                    + "total of all lines), figure (pagu or realisasi), stated (the text as printed), value as read, "
                    + "writtenBy, writtenAt. Unknown agency: 404.")
    @APIResponse(responseCode = "200", description = "The stated totals, in the order of the report's tables",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = StatedTotalService.Stated.class),
                    examples = @ExampleObject(name = "two totals of a table", value = ApiExamples.STATED_TOTALS)))
    public List<StatedTotalService.Stated> all(@PathParam("agency") String agency, @PathParam("year") int year) {
        return totals.all(agency, year);
    }

    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putStatedTotals", summary = "Keep the budget totals a table of the report printed",
            description = "Each total: statedIn (the table, e.g. \"Tabel 3.4\"), program (urusan.bidang.program of the "
                    + "agency's lines of the year, e.g. \"1.06.04\"; absent for the year's total), figure (pagu or "
                    + "realisasi) and stated (the amount as printed, \"Rp 1.121.009.332\": a dot groups thousands, a "
                    + "comma starts at most two decimals). For every statedIn named, the stored totals of that table are "
                    + "replaced by the request's; other tables stay; sending a table again as it stands changes nothing. "
                    + "Stated totals are never used to compute: the review (/review, the draft's findings annex) lists "
                    + "each that is not the sum of its lines (total-not-sum-of-parts), a line serving two sasaran "
                    + "counted once. A bad row is a 400 problem naming it (totals[1].program) and nothing changes. "
                    + "Answers the whole set of the report. Unknown agency: 404.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "a program and the year",
            value = "{\"totals\": [{\"statedIn\": \"Tabel 3.4\", \"program\": \"1.06.06\", \"figure\": \"pagu\", "
                    + "\"stated\": \"Rp 1.121.009.332\"}, {\"statedIn\": \"Tabel 3.4\", \"figure\": \"realisasi\", "
                    + "\"stated\": \"Rp 8.957.626.000\"}]}")))
    @APIResponse(responseCode = "200", description = "The whole set of the report, after the replacement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = StatedTotalService.Stated.class),
                    examples = @ExampleObject(name = "two totals of a table", value = ApiExamples.STATED_TOTALS)))
    public List<StatedTotalService.Stated> replace(@PathParam("agency") String agency, @PathParam("year") int year,
                                                   @NotNull Body body) {
        return totals.replace(agency, year, body.totals(), caller.subject());
    }
}
