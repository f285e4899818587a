package id.go.maluku.sakip.clients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import id.go.maluku.sakip.infra.OpenApiWalk;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generated clients' JSON mapper, made strict the way a client in a language with non-null
 * types would be: every answer a generated method reads is first checked against the schema of
 * the document the client was generated from (a null the schema does not allow, a required
 * property missing, a property it does not list, a value of another type: {@link
 * OpenApiWalk#answerMismatches}), then bound by Jackson with unknown properties and scalar
 * coercions ("19" into a number, 19 into a string, 1.5 into an integer) refused. The generator's
 * own mapper is lenient on all of these, which would hide exactly what this test is for.
 *
 * <p>The schema of an answer is found from the Java type the generated code asks for: a model
 * class is the component schema of the same name (the generator names them so), a list is an
 * array of it. Anything else ({@code Object}, for an answer the document leaves untyped) is read
 * unchecked and counted in {@link #unchecked}, so the test can show it.
 */
final class StrictMapper extends ObjectMapper {

    private final transient JsonNode document;
    private final String modelPackage;
    final Set<String> unchecked;
    final Set<String> checked;

    StrictMapper(ObjectMapper generated, JsonNode document, String modelPackage) {
        this(generated, document, modelPackage, ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
        enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType numeric : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            coercionConfigFor(numeric).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        for (CoercionInputShape scalar : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
        }
    }

    private StrictMapper(ObjectMapper source, JsonNode document, String modelPackage, Set<String> unchecked,
                         Set<String> checked) {
        super(source);
        this.document = document;
        this.modelPackage = modelPackage;
        this.unchecked = unchecked;
        this.checked = checked;
    }

    /** Each generated API class takes a copy; the copies share what they saw. */
    @Override
    public ObjectMapper copy() {
        return new StrictMapper(this, document, modelPackage, unchecked, checked);
    }

    @Override
    public <T> T readValue(String content, TypeReference<T> type) throws JsonProcessingException {
        return readStrictly(content, getTypeFactory().constructType(type));
    }

    @Override
    public <T> T readValue(String content, Class<T> type) throws JsonProcessingException {
        return readStrictly(content, getTypeFactory().constructType(type));
    }

    private <T> T readStrictly(String content, JavaType type) throws JsonProcessingException {
        JsonNode schema = schemaOf(type);
        if (schema == null) {
            unchecked.add(type.toCanonical());
        } else {
            List<String> mismatches = OpenApiWalk.answerMismatches(document, schema, readTree(content), false);
            if (!mismatches.isEmpty()) {
                throw JsonMappingException.from((com.fasterxml.jackson.core.JsonParser) null,
                        "the answer read as " + type.toCanonical() + " breaks its schema: " + mismatches);
            }
            checked.add(type.toCanonical());
        }
        return super.readValue(content, type);
    }

    private JsonNode schemaOf(JavaType type) {
        if (type.isCollectionLikeType()) {
            JsonNode items = schemaOf(type.getContentType());
            if (items == null) {
                return null;
            }
            ObjectNode array = JsonNodeFactory.instance.objectNode().put("type", "array");
            array.set("items", items);
            return array;
        }
        Class<?> raw = type.getRawClass();
        if (raw.getPackageName().equals(modelPackage)) {
            JsonNode component = document.path("components").path("schemas").path(raw.getSimpleName());
            if (component.isMissingNode()) {
                throw new IllegalStateException("the generated " + raw.getName() + " has no schema of its name");
            }
            return JsonNodeFactory.instance.objectNode().put("$ref", "#/components/schemas/" + raw.getSimpleName());
        }
        if (raw == String.class) {
            return JsonNodeFactory.instance.objectNode().put("type", "string");
        }
        return null;
    }
}
