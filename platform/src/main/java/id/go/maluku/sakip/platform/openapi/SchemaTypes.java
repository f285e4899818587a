package id.go.maluku.sakip.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;

/**
 * Removes the {@code type: object} the scanner writes beside a type it was told: beside a
 * {@code oneOf} (a realisasi "a number or a level" would otherwise have to be an object too, which
 * neither is) and beside a {@code $ref} (the schema referred to names the type). A generated
 * client would otherwise take every such value for an object.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class SchemaTypes implements OASFilter {

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
