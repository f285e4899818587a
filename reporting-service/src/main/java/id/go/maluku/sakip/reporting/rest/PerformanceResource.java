package id.go.maluku.sakip.reporting.rest;

import id.go.maluku.sakip.reporting.service.PerformanceQuery;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/agencies/{agency}/years/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Performance", description = "Capaian computed from the other services' events")
public class PerformanceResource {

    @Inject
    PerformanceQuery query;

    @GET
    @Path("performance")
    @Operation(summary = "Capaian per sasaran and per indicator",
            description = "Target, realisasi and capaian of every indicator of the agency's sasaran for the year, "
                    + "recomputed asynchronously on every planning and realization event. Each row carries its "
                    + "freshness: the time of the last event applied. An unknown agency or a year without targets "
                    + "is a 404 problem.")
    public PerformanceQuery.Performance performance(@PathParam("agency") String agency, @PathParam("year") int year) {
        return query.performance(agency, year);
    }
}
