package id.go.maluku.sakip.infra;

import com.fasterxml.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Holds every text a service takes in a JSON request body against the column it is stored in
 * (issue 21): the bound the OpenAPI document declares (maxLength, or an enum's longest value) may
 * not exceed the column's {@code character_maximum_length}, or a value the document allows comes
 * back a 500 from the insert; and every text input declares a bound, so that nothing reaches the
 * database unbounded. A service's test names, once, the table each request schema writes (its
 * properties land in the columns of the same snake_case name) and the exceptions: a property
 * stored under another name, and one that is not stored at all (a code looked up, a choice), with
 * why. An input nobody mapped is a mismatch too, so a new field cannot slip past its column.
 */
public final class InputBounds {

    /** Formats whose parser bounds the text (a date, a UUID): no maxLength is needed. */
    private static final Set<String> PARSED_FORMATS = Set.of("date", "date-time", "time", "uuid", "binary", "byte");

    /** One text property of a request body schema, e.g. {@code StatementBody.note}, and its declared bound (null: none). */
    public record Input(String schema, String property, Integer bound) {
        public String key() {
            return schema + "." + property;
        }
    }

    /** A column as information_schema describes it: its data type and, for varchar/char, its length (null: unbounded). */
    public record Column(String dataType, Integer length) {
        /** A column that holds text: varchar, char, text, or a JSON document (whose texts are bounded by the rule alone). */
        boolean isText() {
            return dataType.equals("character varying") || dataType.equals("character") || dataType.equals("text")
                    || dataType.equals("jsonb") || dataType.equals("json");
        }
    }

    private final Map<String, String> tables = new LinkedHashMap<>();
    private final Map<String, String> columns = new LinkedHashMap<>();
    private final Map<String, String> notStored = new LinkedHashMap<>();
    private final Map<String, String> wholeSchemas = new LinkedHashMap<>();

    private InputBounds() {
    }

    /**
     * A walk that knows where the platform's own inputs land: its operator endpoints are in every
     * service's document.
     */
    public static InputBounds walk() {
        return new InputBounds()
                .column("ParkedEventDiscard.reason", "parked_event.resolution")
                .column("OutboxDiscard.reason", "outbox_event.discard_reason");
    }

    /** The properties of request schema {@code schema} land in the columns of {@code table} of the same snake_case name. */
    public InputBounds table(String schema, String table) {
        tables.put(schema, table);
        return this;
    }

    /** {@code property} ("Schema.property") lands in {@code column} ("table.column"), whose name differs. */
    public InputBounds column(String property, String column) {
        columns.put(property, column);
        return this;
    }

    /** Every text property of each of {@code schemas} is kept in {@code column} ("table.column"), e.g. a JSON document. */
    public InputBounds inColumn(String column, String... schemas) {
        for (String schema : schemas) {
            wholeSchemas.put(schema, column);
        }
        return this;
    }

    /** {@code property} ("Schema.property") is stored in no column; {@code why} says what is done with it instead. */
    public InputBounds notStored(String property, String why) {
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("say why " + property + " is not stored");
        }
        notStored.put(property, why);
        return this;
    }

    /** Every column of the current schema of the database, as "table.column". */
    public static Map<String, Column> columns(DataSource database) {
        Map<String, Column> found = new TreeMap<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select table_name, column_name, data_type, character_maximum_length "
                     + "from information_schema.columns where table_schema = current_schema()")) {
            while (rows.next()) {
                Object length = rows.getObject(4); // null: not a character column, or text
                found.put(rows.getString(1) + "." + rows.getString(2),
                        new Column(rows.getString(3), length == null ? null : ((Number) length).intValue()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read information_schema.columns", e);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("the database has no columns: is it migrated?");
        }
        return found;
    }

    /**
     * Every text property of every JSON request body of the document's /api/ operations, those of
     * nested objects and of the objects in lists included, once per schema that declares it.
     */
    public static List<Input> inputs(JsonNode document) {
        Map<String, Input> found = new TreeMap<>();
        for (Map.Entry<String, JsonNode> operation : OpenApiWalk.operationNodes(document)) {
            for (Iterator<Map.Entry<String, JsonNode>> types = operation.getValue().path("requestBody").path("content").fields();
                 types.hasNext(); ) {
                Map.Entry<String, JsonNode> type = types.next();
                if (type.getKey().contains("json")) {
                    collect(document, type.getValue().path("schema"), operation.getKey(), found, new TreeSet<>());
                }
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * Every text a query or header parameter brings declares its bound (issue 21): a maxLength, an
     * enum, or a format that is parsed (a UUID, a date). One line per parameter that declares none.
     */
    public static List<String> unboundedParameters(JsonNode document) {
        List<String> unbounded = new ArrayList<>();
        for (Map.Entry<String, JsonNode> operation : OpenApiWalk.operationNodes(document)) {
            for (JsonNode parameter : operation.getValue().path("parameters")) {
                JsonNode schema = resolve(document, parameter.path("schema"));
                String in = parameter.path("in").asText();
                if ((in.equals("query") || in.equals("header")) && isText(schema) && bound(schema) == null
                        && !PARSED_FORMATS.contains(schema.path("format").asText())) {
                    unbounded.add(operation.getKey() + " " + in + " " + parameter.path("name").asText() + ": no maxLength or enum");
                }
            }
        }
        return unbounded;
    }

    /** Where the walk disagrees with the database, one line each; empty when every bound fits its column. */
    public List<String> mismatches(JsonNode document, DataSource database) {
        return mismatches(document, columns(database));
    }

    /** As {@link #mismatches(JsonNode, DataSource)}, with the columns given. */
    public List<String> mismatches(JsonNode document, Map<String, Column> database) {
        List<String> mismatches = new ArrayList<>();
        List<Input> inputs = inputs(document);
        Set<String> schemas = new TreeSet<>();
        Set<String> properties = new TreeSet<>();
        for (Input input : inputs) {
            schemas.add(input.schema());
            properties.add(input.key());
            if (input.bound() == null) {
                mismatches.add(input.key() + ": no maxLength");
            }
            if (notStored.containsKey(input.key())) {
                continue;
            }
            String column = columns.getOrDefault(input.key(), wholeSchemas.get(input.schema()));
            // a list's items are rows of a table of their own: never guessed from the schema's table
            if (column == null && tables.containsKey(input.schema()) && !input.property().endsWith("[]")) {
                column = tables.get(input.schema()) + "." + snakeCase(input.property());
            }
            if (column == null) {
                mismatches.add(input.key() + ": lands in no known column; name its table or column, or say why it is not stored");
                continue;
            }
            Column stored = database.get(column);
            if (stored == null) {
                mismatches.add(input.key() + ": lands in " + column + ", which the database does not have");
            } else if (!stored.isText()) {
                mismatches.add(input.key() + ": lands in " + column + ", a " + stored.dataType() + " column, not text");
            } else if (stored.length() != null && input.bound() != null && input.bound() > stored.length()) {
                mismatches.add(input.key() + ": maxLength " + input.bound() + ", but " + column + " holds "
                        + stored.length() + " characters");
            }
        }
        // the map names only what the document has: a renamed or removed property is not kept as a stale exception
        for (String schema : concat(tables.keySet(), wholeSchemas.keySet())) {
            if (!schemas.contains(schema)) {
                mismatches.add(schema + ": mapped to a table, but no request body has a text property of it");
            }
        }
        for (String property : new TreeSet<>(concat(columns.keySet(), notStored.keySet()))) {
            if (!properties.contains(property)) {
                mismatches.add(property + ": mapped, but no request body has it");
            }
        }
        return mismatches;
    }

    private static Set<String> concat(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** "supportingFactors" is stored in "supporting_factors". */
    static String snakeCase(String property) {
        return property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static void collect(JsonNode document, JsonNode schema, String name, Map<String, Input> into, Set<String> seen) {
        if (!schema.isObject()) {
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!seen.add(ref)) {
                return; // a schema that holds itself is walked once
            }
            collect(document, document.at(ref.substring(1)), ref.substring(ref.lastIndexOf('/') + 1), into, seen);
            return;
        }
        for (String composition : List.of("oneOf", "anyOf", "allOf")) {
            for (JsonNode branch : schema.path(composition)) {
                collect(document, branch, name, into, seen);
            }
        }
        collect(document, schema.path("items"), name, into, seen);
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode declared = resolve(document, property.getValue());
            JsonNode items = resolve(document, declared.path("items"));
            if (isText(declared)) {
                into.putIfAbsent(name + "." + property.getKey(), new Input(name, property.getKey(), bound(declared)));
            } else if (isText(items)) {
                // a list of texts: each item is one value of the column
                into.putIfAbsent(name + "." + property.getKey() + "[]", new Input(name, property.getKey() + "[]", bound(items)));
            } else {
                collect(document, property.getValue(), name, into, seen);
            }
        }
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        for (int hops = 0; schema.has("$ref") && hops < 10; hops++) {
            schema = document.at(schema.get("$ref").asText().substring(1));
        }
        return schema;
    }

    /**
     * A free text: of type string (or string or null), not of a format its parser bounds. A value
     * that is a number or a string (oneOf) is not one: the rule that reads it knows its levels.
     */
    private static boolean isText(JsonNode schema) {
        JsonNode type = schema.path("type");
        boolean string = type.isArray() ? containsText(type, "string") : type.asText().equals("string");
        return string && !PARSED_FORMATS.contains(schema.path("format").asText());
    }

    private static boolean containsText(JsonNode array, String text) {
        for (JsonNode item : array) {
            if (item.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** The declared bound: maxLength, or an enum's longest value. */
    private static Integer bound(JsonNode schema) {
        if (schema.has("maxLength")) {
            return schema.get("maxLength").asInt();
        }
        if (schema.has("enum")) {
            int longest = 0;
            for (JsonNode value : schema.get("enum")) {
                longest = Math.max(longest, value.asText().length());
            }
            return longest;
        }
        return null;
    }
}
