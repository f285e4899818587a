package id.go.maluku.sakip.budget.rest;

import id.go.maluku.sakip.budget.domain.Absorption;
import id.go.maluku.sakip.budget.domain.BudgetLine;
import id.go.maluku.sakip.budget.service.BudgetService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.List;

@Path("/api/v1/agencies/{agency}/years/{year}/budget")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Budget", description = "Budget lines with pagu, spending and computed absorption")
public class BudgetResource {

    public record LineBody(
            @Schema(example = "Penyediaan Permakanan") @NotBlank @Size(max = 1000) String name,
            @Schema(description = "Pagu (ceiling) in rupiah", example = "199500000") @NotNull @PositiveOrZero BigDecimal pagu,
            @Schema(description = "Spent so far in rupiah; never above the pagu", example = "198468000") @NotNull @PositiveOrZero BigDecimal realisasi) {
    }

    public record LineView(String id, String code, String name, BigDecimal pagu, BigDecimal realisasi,
                           @Schema(description = "realisasi / pagu x 100; null when the pagu is 0 (not computable)")
                           BigDecimal absorption, boolean absorptionComputable, long revision) {
        static LineView of(BudgetLine line) {
            Absorption absorption = line.absorption();
            return new LineView(line.id.toString(), line.code, line.name, line.pagu, line.realisasi,
                    absorption.percent(), absorption.computable(), line.revision);
        }
    }

    public record BudgetView(String agency, int year, List<LineView> lines, BigDecimal totalPagu,
                             BigDecimal totalRealisasi, BigDecimal absorption) {
    }

    @Inject
    BudgetService budget;

    @GET
    @Operation(summary = "The year's budget lines with pagu, spending and computed absorption")
    public BudgetView get(@PathParam("agency") String agency, @PathParam("year") int year) {
        List<BudgetLine> lines = budget.lines(agency, year);
        BigDecimal pagu = lines.stream().map(l -> l.pagu).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal realisasi = lines.stream().map(l -> l.realisasi).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new BudgetView(agency, year, lines.stream().map(LineView::of).toList(), pagu, realisasi,
                Absorption.of(pagu, realisasi).percent());
    }

    @PUT
    @Path("lines/{code}")
    @Operation(summary = "Create or update a budget line (sub kegiatan) by its official code",
            description = "Publishes sakip.budget.line.upserted.v1. A malformed code, a negative amount or spending "
                    + "above the pagu is a 400 problem naming the field.")
    public Response upsert(@PathParam("agency") String agency, @PathParam("year") @Min(2000) @Max(2100) int year,
                           @PathParam("code") String code, @Valid @NotNull LineBody body) {
        BudgetService.Upserted result = budget.upsert(agency, year, code, body.name(), body.pagu(), body.realisasi());
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(LineView.of(result.line())).build();
    }
}
