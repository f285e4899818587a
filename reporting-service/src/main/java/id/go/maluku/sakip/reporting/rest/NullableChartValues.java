package id.go.maluku.sakip.reporting.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;

/**
 * A chart of the LKIP has a bar per category and series, and a capaian that is not computable has
 * no bar: its value is null. An annotation cannot say that of a list's items (MicroProfile's
 * {@code @Schema} is not a type-use annotation), so the built document says it here.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class NullableChartValues implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Schema series = openAPI.getComponents().getSchemas().get("LkipSeries");
        if (series != null && series.getProperties() != null && series.getProperties().get("values") != null) {
            Schema items = series.getProperties().get("values").getItems();
            if (items != null && items.getType() != null && !items.getType().contains(Schema.SchemaType.NULL)) {
                items.setType(List.of(Schema.SchemaType.NUMBER, Schema.SchemaType.NULL));
            }
        }
    }
}
