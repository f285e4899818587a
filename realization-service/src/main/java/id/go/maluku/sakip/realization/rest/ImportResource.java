package id.go.maluku.sakip.realization.rest;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.realization.domain.RuleViolation;
import id.go.maluku.sakip.realization.domain.TextBounds;
import id.go.maluku.sakip.realization.service.ImportService;
import id.go.maluku.sakip.realization.service.XlsxRows;
import id.go.maluku.sakip.platform.security.AgencyScoped;
import id.go.maluku.sakip.platform.security.Roles;
import id.go.maluku.sakip.platform.upload.UploadLimits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static id.go.maluku.sakip.realization.rest.ApiExamples.JSON;
import static id.go.maluku.sakip.realization.rest.ApiExamples.PROBLEM;

@AgencyScoped
@RolesAllowed({Roles.ADMIN, Roles.PLANNER})
@Path("/api/v1/agencies/{agency}/realisasi/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Import", description = "Bulk import of realisasi (history, quarters) with dry run")
public class ImportResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * One row. Its bounds are declared here (maxLength) but, unlike a single write's @Size, not
     * refused for the whole request: a row over one is rejected and reported with its number, the
     * others applied, as every other refusal of a row (RealisasiService.checkLengths reads the
     * same TextBounds, and the rows of a sheet take the same way).
     */
    public record RowBody(@Schema(maxLength = TextBounds.CODE) String indicator, Integer year,
                          @Schema(description = "Y (default), Q1..Q4, M01..M12", maxLength = TextBounds.PERIOD) String period,
                          @Schema(description = RealisasiResource.VALUE, implementation = Object.class, oneOf = {BigDecimal.class, String.class}) JsonNode value,
                          @Schema(maxLength = TextBounds.STATED_IN) String statedIn,
                          @Schema(maxLength = TextBounds.NARRATIVE) String explanation,
                          @Schema(maxLength = TextBounds.NARRATIVE) String supportingFactors,
                          @Schema(maxLength = TextBounds.NARRATIVE) String hinderingFactors,
                          @Schema(maxLength = TextBounds.NARRATIVE) String followUp) {
    }

    public record ImportBody(List<RowBody> rows) {
    }

    @Inject
    ImportService imports;

    @Inject
    UploadLimits limits;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importRealisasi", summary = "Import realisasi rows from JSON",
            description = "{\"rows\":[{\"indicator\":\"IK1\",\"year\":2019,\"period\":\"Y\",\"value\":14,"
                    + "\"statedIn\":\"Tabel 3.3\"}]}. Each row is an idempotent upsert; rejected rows are reported "
                    + "(row number from 1, field, message) and the others applied. dryRun=true checks and keeps nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "history",
            value = "{\"rows\": [{\"indicator\": \"IK1\", \"year\": 2019, \"period\": \"Y\", \"value\": 14, "
                    + "\"statedIn\": \"Tabel 3.3\"}, {\"indicator\": \"IK5\", \"year\": 2022, \"period\": \"Q1\", "
                    + "\"value\": 40}]}")))
    @APIResponse(responseCode = "200", description = "Counts, and each rejected row with its number, field and reason",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ImportService.Report.class), examples = {@ExampleObject(name = "applied", value = ApiExamples.IMPORT_REPORT), @ExampleObject(name = "a row rejected", value = ApiExamples.IMPORT_REJECTED)}))
    @APIResponse(responseCode = "400", description = "No rows, or a row that is not an object",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "no rows", value = ApiExamples.NO_ROWS)))
    public ImportService.Report importJson(@PathParam("agency") String agency, @QueryParam("dryRun") boolean dryRun,
                                           @Valid @NotNull ImportBody body) throws Exception {
        if (body.rows() == null) {
            throw RuleViolation.invalid("rows", "required");
        }
        List<ImportService.Row> rows = new ArrayList<>();
        for (int i = 0; i < body.rows().size(); i++) {
            RowBody r = body.rows().get(i);
            if (r == null) {
                throw RuleViolation.invalid("rows[" + i + "]", "must be an object");
            }
            rows.add(new ImportService.Row(i + 1, r.indicator(), r.year(), r.period(), Json.scalar(r.value()),
                    r.statedIn(), r.explanation(), r.supportingFactors(), r.hinderingFactors(), r.followUp()));
        }
        return imports.run(agency, rows, dryRun);
    }

    @POST
    @Consumes(XLSX)
    @Operation(operationId = "importRealisasi", summary = "Import realisasi rows from the first sheet of an XLSX workbook",
            description = "First row: column names indicator, year, period, value, statedIn, explanation, "
                    + "supportingFactors, hinderingFactors, followUp. Row numbers in the report are sheet rows.")
    @RequestBody(content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"),
            examples = @ExampleObject(name = "sheet", description = "The first sheet's content, as a table",
                    value = "indicator | year | period | value | statedIn\nIK1       | 2019 | Y      | 14    | Tabel 3.3\n"
                            + "IK5       | 2022 | Q1     | 40    |")))
    public ImportService.Report importXlsx(@PathParam("agency") String agency, @QueryParam("dryRun") boolean dryRun,
                                           InputStream body) throws Exception {
        return imports.run(agency, XlsxRows.read(body, limits.workbook()), dryRun);
    }
}
