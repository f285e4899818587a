package id.go.maluku.sakip.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;

/**
 * Removes the {@code type: object} the scanner writes beside a type it was told: beside a
 * {@code oneOf} (a realisasi "a number or a level" would otherwise have to be an object too, which
 * neither is) and beside a {@code $ref} (the schema referred to names the type). A generated
 * client would otherwise take every such value for an object.
 *
 * <p>Also drops the schemas of Jackson's tree types ({@code JsonNode}, {@code JsonNodeType}),
 * which the scanner registers from a resource that takes a JSON tree and documents its body
 * itself: nothing refers to them, yet a generated Java client gets a model class {@code JsonNode}
 * that clashes with Jackson's own and does not compile (found by deploy/clients). Were anything to
 * refer to them, the lint there fails on the dangling reference.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class SchemaTypes implements OASFilter {

    static final List<String> FRAMEWORK_TYPES = List.of("JsonNode", "JsonNodeType");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            FRAMEWORK_TYPES.forEach(openAPI.getComponents()::removeSchema);
        }
    }

    @Override
    public Schema filterSchema(Schema schema) {
        boolean told = schema.getRef() != null
                || schema.getOneOf() != null && !schema.getOneOf().isEmpty()
                || schema.getAnyOf() != null && !schema.getAnyOf().isEmpty();
        if (told && List.of(Schema.SchemaType.OBJECT).equals(schema.getType()) && schema.getProperties() == null) {
            schema.setType(null);
        }
        return schema;
    }
}
