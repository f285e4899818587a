package id.go.maluku.sakip.platform.error;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import java.util.Collection;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.math.BigDecimal;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * JSON as strict as the services' columns: content after the document, and a key given twice,
 * are refused (before, the first was ignored and the second silently won); and no string may
 * hold U+0000 or a lone surrogate (PostgreSQL refuses the first; the request was a 500). Each is a
 * 400 problem naming the field, through ProblemMappers.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /**
     * The largest magnitude a number may have anywhere in a body: no column holds more than 18
     * integer digits (numeric(20,2) money), and a number past it is a typing error or an attack
     * (1e400 was read as infinity, 1E+999999999 made a gigabyte string when printed plainly).
     * Each service's own bounds per field are tighter.
     */
    static final BigDecimal LARGEST = new BigDecimal("1e18");
    /** The most decimals a number may carry: a realisasi of 12.123456 is fine, 1e-400 is not. */
    static final int MOST_DECIMALS = 10;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // A date is an ISO-8601 date: not a number of days (12345 became 2003-10-20) and not a
        // date-time; a boolean is true or false.
        mapper.setDefaultLeniency(false);
        // A number is not a string, and a string or a number is not a boolean: a client that
        // sends the wrong type is told so instead of having it converted silently.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        // Numbers in untyped places (a realisasi value that may be a number or a grade) are read
        // exactly, so that the bound below sees them; a double would turn 1e400 into infinity.
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        SimpleModule input = new SimpleModule("sakip-storable-input");
        // A null item in a list of objects or texts (lines: [null]) is refused naming the list,
        // where it was an NPE later. A list of numbers may hold nulls: an empty cell of a
        // personnel table, a quarter without a RAK.
        input.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                   BeanDescription description, JsonDeserializer<?> deserializer) {
                Class<?> item = type.getContentType().getRawClass();
                return Number.class.isAssignableFrom(item) ? deserializer : new NullFreeList(deserializer);
            }
        });
        mapper.registerModule(input
                .addDeserializer(String.class, new StorableText())
                .addDeserializer(BigDecimal.class, new BoundedDecimal())
                .addDeserializer(JsonNode.class, new CheckedTree()));
    }

    /**
     * Untyped parts of a body (a value that is a number or a grade, a narrative's content): the
     * same rules for each number and string inside as for typed fields.
     */
    static final class CheckedTree extends StdDeserializer<JsonNode> {

        CheckedTree() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(parser, context);
            String problem = unfit(tree, "");
            if (problem != null) {
                throw JsonMappingException.from(parser, problem);
            }
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) {
            return null;
        }

        private static String unfit(JsonNode node, String where) {
            if (node == null) {
                return null;
            }
            if (node.isNumber()) {
                if (node.isDouble() || node.isFloat()) {
                    if (!Double.isFinite(node.doubleValue())) {
                        return where + "a number must be finite";
                    }
                }
                String problem = unfitNumber(node.decimalValue());
                return problem == null ? null : where + problem;
            }
            if (node.isTextual()) {
                String problem = Text.unstorable(node.textValue());
                return problem == null ? null : where + problem;
            }
            if (node.isArray() || node.isObject()) {
                for (var fields = node.fields(); fields.hasNext(); ) {
                    var field = fields.next();
                    String problem = unfit(field.getValue(), where + field.getKey() + ": ");
                    if (problem != null) {
                        return problem;
                    }
                }
                int index = 0;
                if (node.isArray()) {
                    for (JsonNode item : node) {
                        String problem = unfit(item, where + "[" + index++ + "]: ");
                        if (problem != null) {
                            return problem;
                        }
                    }
                }
            }
            return null;
        }
    }

    /** A list read as usual, then refused if an item is null. */
    static final class NullFreeList extends DelegatingDeserializer {

        NullFreeList(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new NullFreeList(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object read = super.deserialize(parser, context);
            if (read instanceof Collection<?> items) {
                int index = 0;
                for (Object item : items) {
                    if (item == null) {
                        throw JsonMappingException.from(parser, "item " + index + " is null; a list holds no null items");
                    }
                    index++;
                }
            }
            return read;
        }
    }

    /** Why a number cannot be taken, or null when it can. */
    public static String unfitNumber(BigDecimal value) {
        if (value.abs().compareTo(LARGEST) >= 0) {
            return "a number must be smaller than 10^18 in magnitude";
        }
        if (value.scale() > MOST_DECIMALS && value.stripTrailingZeros().scale() > MOST_DECIMALS) {
            return "a number may have at most " + MOST_DECIMALS + " decimals";
        }
        return null;
    }

    /** BigDecimal fields, refused where no column could hold them. */
    static final class BoundedDecimal extends StdScalarDeserializer<BigDecimal> {

        BoundedDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
            String problem = value == null ? null : unfitNumber(value);
            if (problem != null) {
                throw JsonMappingException.from(parser, problem);
            }
            return value;
        }
    }

    /** Strings as Jackson reads them, refused where no column could hold them. */
    static final class StorableText extends StdScalarDeserializer<String> {

        StorableText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            String problem = value == null ? null : Text.unstorable(value);
            if (problem != null) {
                throw JsonMappingException.from(parser, problem);
            }
            return value;
        }
    }
}
