package id.go.maluku.sakip.reporting.rest;

import id.go.maluku.sakip.reporting.service.DashboardQuery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Named shapes for the OpenAPI document only: a page of each kind ({@link DashboardQuery.Page} is
 * generic, and an annotation cannot name {@code Page<AbsorptionGroup>}, so the document showed its
 * items untyped). The resources never return these types.
 */
final class ApiSchemas {

    private ApiSchemas() {
    }

    @Schema(name = "AbsorptionPage", requiredProperties = {"items", "page", "size", "total", "pages"})
    record AbsorptionPage(List<DashboardQuery.AbsorptionGroup> items, int page, int size, long total, int pages) {
    }
}
