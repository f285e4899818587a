package id.go.maluku.sakip.planning.rest;

import id.go.maluku.sakip.planning.rest.PlanningDtos.AgencyView;
import id.go.maluku.sakip.planning.rest.PlanningDtos.IndicatorView;
import id.go.maluku.sakip.planning.rest.PlanningDtos.SasaranView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Named shapes for the OpenAPI document only: a page of each kind ({@link PlanningDtos.PageView}
 * is generic, and an annotation cannot name {@code PageView<AgencyView>}); the Problem every error
 * is comes from the platform (ProblemResponses). The resources never return these types.
 */
final class ApiSchemas {

    private ApiSchemas() {
    }

    @Schema(name = "AgencyPage", requiredProperties = {"items", "page", "size", "total"})
    record AgencyPage(List<AgencyView> items, int page, int size, long total) {
    }

    @Schema(name = "SasaranPage", requiredProperties = {"items", "page", "size", "total"})
    record SasaranPage(List<SasaranView> items, int page, int size, long total) {
    }

    @Schema(name = "IndicatorPage", requiredProperties = {"items", "page", "size", "total"})
    record IndicatorPage(List<IndicatorView> items, int page, int size, long total) {
    }

    @Schema(name = "PerjanjianKinerjaPage", requiredProperties = {"items", "page", "size", "total"})
    record PkPage(List<PlanResource.PkView> items, int page, int size, long total) {
    }

    @Schema(name = "PersonnelTablePage", requiredProperties = {"items", "page", "size", "total"})
    record PersonnelPage(List<PlanResource.TableView> items, int page, int size, long total) {
    }

    @Schema(name = "PolicyResult", requiredProperties = {"result"})
    record PolicyResult(@Schema(description = "created, updated or unchanged", example = "updated") String result) {
    }
}
