package id.go.maluku.sakip.realization.rest;

import id.go.maluku.sakip.realization.domain.Realisasi;
import id.go.maluku.sakip.realization.service.RealisasiService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

@Path("/api/v1/agencies/{agency}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Realisasi", description = "Measured values per indicator and period")
public class RealisasiResource {

    public record RealisasiBody(
            @Schema(description = "Measured value, in the indicator's unit; never negative", example = "300")
            @NotNull @PositiveOrZero BigDecimal value) {
    }

    public record RealisasiView(String id, String indicator, int year, String period, BigDecimal value, long revision,
                                OffsetDateTime updatedAt) {
        static RealisasiView of(Realisasi r) {
            BigDecimal plain = r.value.stripTrailingZeros();
            return new RealisasiView(r.id.toString(), r.indicator.code, r.year, r.period,
                    plain.scale() < 0 ? plain.setScale(0) : plain, r.revision, r.updatedAt);
        }
    }

    @Inject
    RealisasiService realisasi;

    @PUT
    @Path("indicators/{indicator}/realisasi/{year}")
    @Operation(summary = "Record the realisasi of an indicator for a year",
            description = "Creates or replaces the year's value. The indicator must be known from planning's events; "
                    + "an unknown agency or indicator is a 404 problem. Publishes sakip.realization.realisasi.recorded.v1.")
    public Response record(@PathParam("agency") String agency, @PathParam("indicator") String indicator,
                           @PathParam("year") @Min(2000) @Max(2100) int year, @Valid @NotNull RealisasiBody body) {
        RealisasiService.Recorded recorded = realisasi.record(agency, indicator, year, body.value());
        return Response.status(recorded.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(RealisasiView.of(recorded.realisasi())).build();
    }

    @GET
    @Path("indicators/{indicator}/realisasi/{year}")
    @Operation(summary = "Read the realisasi of an indicator for a year")
    public RealisasiView get(@PathParam("agency") String agency, @PathParam("indicator") String indicator,
                             @PathParam("year") int year) {
        return RealisasiView.of(realisasi.get(agency, indicator, year));
    }

    @GET
    @Path("realisasi")
    @Operation(summary = "List the realisasi of an agency", description = "Optionally for one year.")
    public List<RealisasiView> list(@PathParam("agency") String agency, @QueryParam("year") Integer year) {
        return realisasi.list(agency, year).stream().map(RealisasiView::of).toList();
    }
}
