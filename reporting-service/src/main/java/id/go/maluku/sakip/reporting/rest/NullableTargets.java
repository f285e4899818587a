package id.go.maluku.sakip.reporting.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Every target reporting writes may be null (an indicator, a last year or a Renstra year without
 * one), so its {@code TargetValue} lists null among its kinds. Beside the {@code $ref} alone
 * ({@code anyOf: [TargetValue, null]}) a generated Java client's TargetValue class still refused a
 * null ("TargetValue cannot be null"): deploy/clients' ContractIT found it on the demo's last year.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class NullableTargets implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Schema target = openAPI.getComponents().getSchemas().get("TargetValue");
        if (target != null && target.getOneOf() != null
                && target.getOneOf().stream().noneMatch(kind -> kind.getType() != null
                && kind.getType().contains(Schema.SchemaType.NULL))) {
            target.addOneOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
            target.setDescription(target.getDescription() + "; null where none is set");
        }
    }
}
