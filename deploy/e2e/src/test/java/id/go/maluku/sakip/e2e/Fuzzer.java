package id.go.maluku.sakip.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A bounded, seeded generator of malformed requests, driven by a service's OpenAPI document: for
 * each operation a fixed number of cases, each one thing wrong (a path or query parameter, one
 * property of the documented example body, the body's framing or its media type), sent one at a
 * time. It records every answer and lists each that breaks a rule: a 5xx, a 4xx that is not an
 * application/problem+json, an answer slower than the bound, a refused write that changed what
 * a read of the resource shows. The same seed sends the same requests, so a failure reproduces.
 */
final class Fuzzer {

    /** One request: what it tries, and how to send it. */
    record Case(String operation, String kind, String method, String path, String contentType, byte[] body,
                boolean dataAgency) {
        String describe() {
            String shownPath = path.length() > 160 ? path.substring(0, 160) + "...(" + path.length() + " chars)" : path;
            String shownBody = body == null ? "" : " body "
                    + (body.length > 160 ? new String(body, 0, 160, StandardCharsets.UTF_8) + "...(" + body.length + " bytes)"
                    : new String(body, StandardCharsets.UTF_8));
            return operation + " [" + kind + "]: " + method + " " + shownPath
                    + (contentType == null ? "" : " (" + contentType + ")") + shownBody;
        }
    }

    /** Where the fuzzer stands in the system: the service's name, its URL and how to fill in path parameters. */
    record Target(String service, String url, JsonNode document) {
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    /**
     * The kinds no operation may accept: a path with NUL, a control character, a dot segment, 300
     * or more characters, a bad escape or bytes that are not UTF-8, a query parameter with NUL or a
     * line feed. (A number where a code is may be a code; a body's errors may be an import's
     * rejected rows in a 200.)
     */
    static final Set<String> MUST_BE_REFUSED = Set.of("path-nul", "path-control", "path-dotdot", "path-overlong",
            "path-bad-escape", "path-surrogate", "query-nul");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A marker the body mutations put where raw JSON text (not a value Jackson can write) goes. */
    private static final String RAW = "@@fuzz-raw@@";
    private static final int MIB = 1024 * 1024;

    private final Random random;
    private final String token;
    private final Duration bound;
    private final String dataAgency;
    private final String emptyAgency;
    /** Path parameter values that name existing data, by the path segment before them and their name. */
    private final Function<String, Map<String, String>> valuesFor;
    private final byte[] inflateBomb;

    final SortedMap<Integer, Integer> histogram = new TreeMap<>();
    final SortedMap<String, Integer> kinds = new TreeMap<>();
    final List<String> failures = new ArrayList<>();
    final List<String> accepted = new ArrayList<>();
    /** Answers whose status the operation's document does not list, by service and operation. */
    final Map<String, Set<Integer>> undocumented = new TreeMap<>();
    /** Empty-bodied refusals from below the services' handlers, by status and cause. */
    final SortedMap<String, Integer> codecRefusals = new TreeMap<>();
    int requests;
    long slowestMillis;
    String slowest;

    Fuzzer(long seed, String token, Duration bound, String dataAgency, String emptyAgency,
           Function<String, Map<String, String>> valuesFor) {
        this.random = new Random(seed);
        this.token = token;
        this.bound = bound;
        this.dataAgency = dataAgency;
        this.emptyAgency = emptyAgency;
        this.valuesFor = valuesFor;
        this.inflateBomb = inflateBomb(50 * MIB);
    }

    /**
     * A workbook-shaped zip whose one sheet inflates to {@code size} bytes of zeros, about a
     * thousandth of that on the wire: built here, so nothing large is checked in.
     */
    static byte[] inflateBomb(int size) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                byte[] zeros = new byte[MIB];
                for (int written = 0; written < size; written += zeros.length) {
                    zip.write(zeros);
                }
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code perOperation} malformed cases to every operation under /api/ of the target's document. */
    void fuzz(Target target, int perOperation) {
        JsonNode paths = target.document().path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext(); ) {
                Map.Entry<String, JsonNode> method = m.next();
                if (!Set.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                    continue;
                }
                for (Case fuzzCase : cases(target, method.getKey().toUpperCase(), path.getKey(), method.getValue(),
                        perOperation)) {
                    send(target, fuzzCase, readBack(target, method.getKey().toUpperCase(), path.getKey()));
                }
            }
        }
    }

    /** Properties sent at exactly their declared maxLength by {@link #atTheBounds}. */
    int boundsChecked;

    /**
     * Every string property of every JSON write body that declares a maxLength (at the top level
     * and in the first item of each list of objects), sent once at exactly that length, the rest
     * of the documented example as it is, to the agency with data: the write reaches its table,
     * so a 5xx means the declared bound is larger than the column it is stored in (issue 21: a
     * walk over every input's bounds against the real columns, so the two cannot drift). A
     * refusal for another reason (a code's pattern) is fine, and must change nothing.
     */
    void atTheBounds(Target target) {
        JsonNode document = target.document();
        for (Iterator<Map.Entry<String, JsonNode>> p = document.path("paths").fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : List.of("put", "post", "patch")) {
                JsonNode media = path.getValue().path(method).path("requestBody").path("content").path("application/json");
                if (media.isMissingNode()) {
                    continue;
                }
                JsonNode example = example(document, media);
                if (!(example instanceof ObjectNode object)) {
                    continue;
                }
                JsonNode schema = resolve(document, media.path("schema"));
                List<String[]> bounded = new ArrayList<>(); // {list or "", property, maxLength}
                collectBounds(document, schema, object, "", bounded);
                object.fields().forEachRemaining(e -> {
                    if (e.getValue().isArray() && e.getValue().size() > 0 && e.getValue().get(0) instanceof ObjectNode item) {
                        JsonNode itemSchema = resolve(document, resolve(document, schema.path("properties").path(e.getKey())).path("items"));
                        collectBounds(document, itemSchema, item, e.getKey(), bounded);
                    }
                });
                for (String[] bound : bounded) {
                    ObjectNode copy = object.deepCopy();
                    ObjectNode holder = bound[0].isEmpty() ? copy : (ObjectNode) copy.get(bound[0]).get(0);
                    holder.put(bound[1], "x".repeat(Integer.parseInt(bound[2])));
                    String template = path.getKey();
                    send(target, new Case(method.toUpperCase() + " " + template, "body-at-max-length",
                            method.toUpperCase(), fill(template, valuesFor.apply(dataAgency)), "application/json", bytes(copy),
                            true), readBack(target, method.toUpperCase(), template));
                    boundsChecked++;
                }
            }
        }
    }

    private static void collectBounds(JsonNode document, JsonNode schema, ObjectNode example, String list, List<String[]> into) {
        if (schema == null) {
            return;
        }
        example.fields().forEachRemaining(e -> {
            JsonNode property = resolve(document, schema.path("properties").path(e.getKey()));
            if (property != null && property.has("maxLength") && e.getValue().isTextual()) {
                into.add(new String[]{list, e.getKey(), property.get("maxLength").asText()});
            }
        });
    }

    // ---------------------------------------------------------------------------------------------
    // generating

    /** The kinds that apply to the operation, each once in a shuffled order, then random ones up to the count. */
    List<Case> cases(Target target, String method, String template, JsonNode operation, int count) {
        List<String> pathParameters = new ArrayList<>();
        for (Matcher matcher = PARAMETER.matcher(template); matcher.find(); ) {
            pathParameters.add(matcher.group(1));
        }
        Map<String, JsonNode> queryParameters = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asText())) {
                queryParameters.put(parameter.path("name").asText(), resolve(target.document(), parameter.path("schema")));
            }
        }
        String bodyType = null;
        JsonNode media = null;
        for (Iterator<Map.Entry<String, JsonNode>> types = operation.path("requestBody").path("content").fields();
             types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            if (bodyType == null || type.getKey().contains("json")) {
                bodyType = type.getKey();
                media = type.getValue();
            }
        }
        boolean json = bodyType != null && bodyType.contains("json");
        boolean writesExisting = !method.equals("GET");

        List<String> applicable = new ArrayList<>();
        // a DELETE or body-less POST with its real path would do it for real: only its path is made wrong
        if (!pathParameters.isEmpty()) {
            applicable.addAll(List.of("path-nul", "path-control", "path-dotdot", "path-overlong", "path-bad-escape",
                    "path-surrogate", "path-wrong-number"));
        }
        if (!queryParameters.isEmpty() && !(method.equals("DELETE") || (writesExisting && bodyType == null))) {
            applicable.addAll(List.of("query-wrong-type", "query-huge-number", "query-nul", "query-overlong"));
        }
        if (json) {
            applicable.addAll(List.of("body-wrong-type", "body-1e400", "body-minus-1e400", "body-30-digits",
                    "body-nul", "body-lone-surrogate", "body-overlong-string", "body-null-item", "body-trailing-garbage",
                    "body-duplicate-key", "body-deep-nesting", "body-over-1mib", "body-wrong-content-type",
                    "body-not-an-object"));
        } else if (bodyType != null) {
            applicable.addAll(List.of("upload-inflate-bomb", "upload-junk", "upload-empty", "upload-as-json"));
        }
        if (applicable.isEmpty()) {
            return List.of();
        }
        List<String> order = new ArrayList<>(applicable);
        Collections.shuffle(order, random);
        while (order.size() < count) {
            order.add(applicable.get(random.nextInt(applicable.size())));
        }
        JsonNode example = json ? example(target.document(), media) : null;
        JsonNode schema = json ? resolve(target.document(), media.path("schema")) : null;
        List<Case> cases = new ArrayList<>();
        for (String kind : order.subList(0, Math.min(count, order.size()))) {
            boolean data = random.nextBoolean();
            Map<String, String> values = new LinkedHashMap<>(valuesFor.apply(data ? dataAgency : emptyAgency));
            String contentType = bodyType;
            byte[] body = bodyType == null ? null : json ? bytes(example) : new byte[0];
            if (kind.startsWith("path-")) {
                String name = pathParameters.get(random.nextInt(pathParameters.size()));
                values.put("!" + name, pathValue(kind));
            }
            String query = "";
            if (kind.startsWith("query-")) {
                List<String> names = new ArrayList<>(queryParameters.keySet());
                String name = names.get(random.nextInt(names.size()));
                query = "?" + name + "=" + queryValue(kind, queryParameters.get(name));
            }
            if (kind.startsWith("body-")) {
                BodyCase mutated = mutate(kind, example, schema, target.document());
                if (mutated == null) {
                    continue; // not applicable to this body (e.g. no list in it)
                }
                body = mutated.body();
                contentType = mutated.contentType() == null ? bodyType : mutated.contentType();
            }
            if (kind.startsWith("upload-")) {
                switch (kind) {
                    case "upload-inflate-bomb" -> body = inflateBomb;
                    case "upload-junk" -> {
                        body = new byte[4096];
                        random.nextBytes(body);
                    }
                    case "upload-empty" -> body = new byte[0];
                    default -> {
                        contentType = "application/json";
                        body = "{\"rows\": [null]}".getBytes(StandardCharsets.UTF_8);
                    }
                }
                if (bodyType.startsWith("multipart/")) {
                    if (!kind.equals("upload-as-json")) {
                        String boundary = "fuzz" + Long.toHexString(random.nextLong());
                        body = multipart(boundary, fileField(target.document(), media), body);
                        contentType = "multipart/form-data; boundary=" + boundary;
                    }
                }
            }
            cases.add(new Case(method + " " + template, kind, method, fill(template, values) + query, contentType, body,
                    data));
        }
        return cases;
    }

    String pathValue(String kind) {
        return switch (kind) {
            case "path-nul" -> random.nextBoolean() ? "%00" : "a%00b";
            case "path-control" -> List.of("a%01b", "a%0Ab", "%0D%0A", "a%1Fb", "a%7Fb").get(random.nextInt(5));
            case "path-dotdot" -> random.nextBoolean() ? ".." : "%2E%2E";
            case "path-overlong" -> "A".repeat(random.nextBoolean() ? 300 : 10_000);
            case "path-bad-escape" -> random.nextBoolean() ? "%" : "a%zz";
            case "path-surrogate" -> "a%ED%A0%80b";
            default -> List.of("abc", "1e400", "123456789012345678901234567890", "-1", "2022.5").get(random.nextInt(5));
        };
    }

    String queryValue(String kind, JsonNode schema) {
        String type = schema.path("type").asText("string");
        return switch (kind) {
            case "query-wrong-type" -> switch (type) {
                case "boolean" -> random.nextBoolean() ? "yes" : "1";
                case "integer", "number" -> random.nextBoolean() ? "abc" : "2022.5";
                default -> schema.has("enum") || schema.has("pattern") || "date".equals(schema.path("format").asText())
                        ? "12345" : "%";
            };
            case "query-huge-number" -> List.of("1e400", "123456789012345678901234567890", "1073741824", "-1",
                    "2147483648").get(random.nextInt(5));
            case "query-nul" -> random.nextBoolean() ? "a%00b" : "a%0Ab";
            default -> "q".repeat(random.nextBoolean() ? 2_000 : 100_000);
        };
    }

    record BodyCase(byte[] body, String contentType) {
    }

    /** The example with one thing wrong, or null where the kind does not apply to it. */
    BodyCase mutate(String kind, JsonNode example, JsonNode schema, JsonNode document) {
        if (kind.equals("body-trailing-garbage")) {
            return new BodyCase(concat(bytes(example), " }garbage".getBytes(StandardCharsets.UTF_8)), null);
        }
        if (kind.equals("body-wrong-content-type")) {
            return new BodyCase(bytes(example), random.nextBoolean() ? "text/plain" : "application/xml");
        }
        if (kind.equals("body-not-an-object")) {
            return new BodyCase(List.of("[]", "\"text\"", "null", "12", "").get(random.nextInt(5))
                    .getBytes(StandardCharsets.UTF_8), null);
        }
        if (kind.equals("body-deep-nesting") && random.nextBoolean()) {
            return new BodyCase(("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8), null);
        }
        if (!(example instanceof ObjectNode object) || object.isEmpty()) {
            return kind.equals("body-deep-nesting") || kind.equals("body-over-1mib")
                    ? new BodyCase(("{\"x\":\"" + "x".repeat(MIB + 1024) + "\"}").getBytes(StandardCharsets.UTF_8), null)
                    : null;
        }
        ObjectNode copy = object.deepCopy();
        // a property of the top level, or one inside the first item of a list of objects
        ObjectNode holder = copy;
        JsonNode holderSchema = schema;
        List<String> nested = new ArrayList<>();
        copy.fields().forEachRemaining(e -> {
            if (e.getValue().isArray() && e.getValue().size() > 0 && e.getValue().get(0).isObject()) {
                nested.add(e.getKey());
            }
        });
        if (!nested.isEmpty() && random.nextBoolean()) {
            String list = nested.get(random.nextInt(nested.size()));
            holder = (ObjectNode) copy.get(list).get(0);
            holderSchema = resolve(document, resolve(document, schema.path("properties").path(list)).path("items"));
        }
        List<String> names = new ArrayList<>();
        holder.fieldNames().forEachRemaining(names::add);
        Function<JsonNode, Boolean> any = v -> true;
        String name = pick(holder, kind.equals("body-null-item") ? JsonNode::isArray
                : Set.of("body-nul", "body-lone-surrogate", "body-overlong-string").contains(kind) ? JsonNode::isTextual
                : Set.of("body-1e400", "body-minus-1e400", "body-30-digits").contains(kind) && random.nextInt(3) > 0
                ? JsonNode::isNumber : any);
        if (name == null) {
            if (kind.equals("body-null-item")) {
                return null;
            }
            name = names.get(random.nextInt(names.size()));
        }
        JsonNode current = holder.get(name);
        JsonNode propertySchema = resolve(document, holderSchema == null ? null : holderSchema.path("properties").path(name));
        String raw = switch (kind) {
            case "body-wrong-type" -> current.isTextual() ? "12345" : current.isNumber() ? "\"abc\""
                    : current.isBoolean() ? "\"yes\"" : current.isArray() ? "{}" : current.isObject() ? "[]" : "true";
            case "body-1e400" -> "1e400";
            case "body-minus-1e400" -> "-1e400";
            case "body-30-digits" -> "123456789012345678901234567890";
            case "body-nul" -> "\"a\\u0000b\"";
            case "body-lone-surrogate" -> random.nextBoolean() ? "\"a\\ud800b\"" : "\"\\udfff\"";
            case "body-overlong-string" -> "\"" + "x".repeat(propertySchema.has("maxLength")
                    ? propertySchema.get("maxLength").asInt() + 1 : 100_000) + "\"";
            case "body-null-item" -> current.size() == 0 ? "[null]" : "[" + current.get(0) + ", null]";
            case "body-duplicate-key" -> null;
            case "body-deep-nesting" -> "[".repeat(10_000) + "]".repeat(10_000);
            case "body-over-1mib" -> "\"" + "x".repeat(MIB + 1024) + "\"";
            default -> throw new IllegalArgumentException(kind);
        };
        if (raw == null) {
            // the property again, at the end: a key given twice
            String text = new String(bytes(copy), StandardCharsets.UTF_8);
            String duplicate = JSON.valueToTree(name) + ":" + current;
            String body = holder == copy ? text.substring(0, text.length() - 1) + "," + duplicate + "}"
                    : text.replaceFirst(Pattern.quote(JSON.valueToTree(name) + ":"), Matcher.quoteReplacement(duplicate + ","
                    + JSON.valueToTree(name) + ":"));
            return new BodyCase(body.getBytes(StandardCharsets.UTF_8), null);
        }
        holder.put(name, RAW);
        String text = new String(bytes(copy), StandardCharsets.UTF_8).replace("\"" + RAW + "\"", raw);
        return new BodyCase(text.getBytes(StandardCharsets.UTF_8), null);
    }

    private String pick(ObjectNode holder, Function<JsonNode, Boolean> fits) {
        List<String> names = new ArrayList<>();
        holder.fields().forEachRemaining(e -> {
            if (fits.apply(e.getValue())) {
                names.add(e.getKey());
            }
        });
        return names.isEmpty() ? null : names.get(random.nextInt(names.size()));
    }

    /** The documented example of the body (its media type's, else one built from the schema's). */
    static JsonNode example(JsonNode document, JsonNode media) {
        if (media.hasNonNull("example")) {
            return media.get("example");
        }
        for (JsonNode example : media.path("examples")) {
            if (example.has("value")) {
                return example.get("value");
            }
        }
        return fromSchema(document, media.path("schema"), 0);
    }

    private static JsonNode fromSchema(JsonNode document, JsonNode schema, int depth) {
        JsonNode resolved = resolve(document, schema);
        if (resolved.has("example")) {
            return resolved.get("example");
        }
        if (depth > 5) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (resolved.path("properties").size() > 0) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            resolved.path("properties").fields().forEachRemaining(e -> object.set(e.getKey(),
                    fromSchema(document, e.getValue(), depth + 1)));
            return object;
        }
        if ("array".equals(resolved.path("type").asText())) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            array.add(fromSchema(document, resolved.path("items"), depth + 1));
            return array;
        }
        return switch (resolved.path("type").asText()) {
            case "integer", "number" -> JsonNodeFactory.instance.numberNode(1);
            case "boolean" -> JsonNodeFactory.instance.booleanNode(true);
            default -> JsonNodeFactory.instance.textNode("x");
        };
    }

    static JsonNode resolve(JsonNode document, JsonNode schema) {
        if (schema == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        for (int hops = 0; hops < 10 && schema.has("$ref"); hops++) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            schema = document.path("components").path("schemas").path(name);
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(document, schema.get("allOf").get(0));
        }
        return schema;
    }

    /** The name of the multipart form's file part (a property of format binary), "file" if none is declared. */
    static String fileField(JsonNode document, JsonNode media) {
        JsonNode schema = resolve(document, media.path("schema"));
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            if ("binary".equals(resolve(document, property.getValue()).path("format").asText())) {
                return property.getKey();
            }
        }
        return "file";
    }

    static byte[] multipart(String boundary, String field, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
                + "\"; filename=\"fuzz.xlsx\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n";
        return concat(concat(head.getBytes(StandardCharsets.US_ASCII), content),
                ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** The path with its parameters filled in: a key "!name" is a malformed value, taken as it is (already encoded). */
    static String fill(String template, Map<String, String> values) {
        Matcher parameter = PARAMETER.matcher(template);
        StringBuilder url = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1);
            String before = template.substring(0, parameter.start());
            String segment = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
            String value = values.get("!" + name);
            if (value == null) {
                value = values.getOrDefault(segment + "/" + name, values.getOrDefault(name,
                        name.toLowerCase().contains("year") ? "2022" : "1"));
            }
            parameter.appendReplacement(url, Matcher.quoteReplacement(value));
        }
        parameter.appendTail(url);
        return url.toString();
    }

    // ---------------------------------------------------------------------------------------------
    // sending and judging

    /**
     * Where to read back what a write on this path would change: the same path if the document
     * lists a GET there, else the nearest enclosing path that has one. Null for reads.
     */
    String readBack(Target target, String method, String template) {
        if (method.equals("GET")) {
            return null;
        }
        JsonNode paths = target.document().path("paths");
        for (String path = template; path.lastIndexOf('/') > "/api/v1".length(); path = path.substring(0, path.lastIndexOf('/'))) {
            if (paths.path(path).has("get")) {
                return fill(path, valuesFor.apply(dataAgency));
            }
        }
        return null;
    }

    void send(Target target, Case fuzzCase, String readBack) {
        String before = fuzzCase.dataAgency() && readBack != null ? read(target, readBack) : null;
        requests++;
        kinds.merge(fuzzCase.kind(), 1, Integer::sum);
        long start = System.nanoTime();
        Answer answered;
        try {
            answered = exchange(target.url(), fuzzCase.method(), fuzzCase.path(), fuzzCase.contentType(), fuzzCase.body());
        } catch (IOException | RuntimeException e) {
            histogram.merge(-1, 1, Integer::sum);
            failures.add(target.service() + " " + fuzzCase.describe() + " -> no answer: " + e);
            return;
        }
        int status = answered.status();
        String type = answered.contentType();
        String body = answered.body();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > slowestMillis) {
            slowestMillis = millis;
            slowest = target.service() + " " + fuzzCase.operation() + " [" + fuzzCase.kind() + "]";
        }
        histogram.merge(status, 1, Integer::sum);
        String answer = status + " " + type + " " + abbreviate(body);
        boolean codecRefusal = (status == 414 || status == 431) && type.isEmpty();
        if (status >= 500) {
            failures.add(target.service() + " " + fuzzCase.describe() + " -> " + answer);
        } else if (codecRefusal) {
            // Vert.x's HTTP codec refuses a request line or header block over its own limits (128 KiB,
            // 64 KiB: far above the services') before any handler runs, and Quarkus offers no hook to
            // shape that answer; FuzzIT sends nothing that large, so it expects none
            codecRefusals.merge(status + " (overlong request line)", 1, Integer::sum);
        } else if (status >= 400 && !type.startsWith("application/problem+json")) {
            failures.add(target.service() + " " + fuzzCase.describe() + " -> not a problem: " + answer);
        } else if (status < 400 && MUST_BE_REFUSED.contains(fuzzCase.kind())) {
            // no such code can exist: an answer served it from another resource, or took the text in
            failures.add(target.service() + " " + fuzzCase.describe() + " -> accepted: " + answer);
        } else if (status < 400) {
            accepted.add(target.service() + " " + fuzzCase.describe() + " -> " + answer);
        }
        if (!codecRefusal && !documented(target, fuzzCase.operation(), status)) {
            undocumented.computeIfAbsent(target.service() + " " + fuzzCase.operation(), k -> new TreeSet<>()).add(status);
        }
        if (millis > bound.toMillis()) {
            failures.add(target.service() + " " + fuzzCase.describe() + " -> took " + millis + " ms");
        }
        if (before != null && status >= 400) {
            String after = read(target, readBack);
            if (!before.equals(after)) {
                failures.add(target.service() + " " + fuzzCase.describe() + " -> refused with " + status
                        + " but GET " + readBack + " changed:\n  before " + abbreviate(before) + "\n  after  " + abbreviate(after));
            }
        }
    }

    record Answer(int status, String contentType, String body) {
    }

    /**
     * Whether the operation's document lists this status among its responses (or a range or
     * default covering it): a generated client treats an unlisted status as an unknown error, so
     * every answer a service can give must be in its document (issue 24, point 1).
     */
    static boolean documented(Target target, String operation, int status) {
        String[] methodAndPath = operation.split(" ", 2);
        JsonNode responses = target.document().path("paths").path(methodAndPath[1])
                .path(methodAndPath[0].toLowerCase(Locale.ROOT)).path("responses");
        return responses.has(String.valueOf(status)) || responses.has(status / 100 + "XX") || responses.has("default");
    }

    /**
     * The request as bytes on a connection of its own, closed after the answer: java.net.URI
     * refuses to carry some of the malformed paths, and a connection the server closed after a
     * refusal is never reused for the next case. A body the server stops reading (a 413 from the
     * Content-Length) is cut short, and its answer read all the same.
     */
    Answer exchange(String url, String method, String path, String contentType, byte[] body) throws IOException {
        URI base = URI.create(url);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) bound.plusSeconds(20).toMillis());
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n");
            if (contentType != null && body != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException closedWhileSending) {
                // the server answered before the body was through; its answer is what counts
            }
            byte[] bytes = socket.getInputStream().readAllBytes();
            String answer = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = answer.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IOException("no complete answer: " + bytes.length + " bytes");
            }
            String type = "";
            boolean chunked = false;
            for (String line : answer.substring(0, end).split("\r\n")) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    type = line.substring("content-type:".length()).strip();
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            String content = answer.substring(end + 4);
            if (chunked) {
                StringBuilder joined = new StringBuilder();
                int at = 0;
                while (at < content.length()) {
                    int lineEnd = content.indexOf("\r\n", at);
                    int size = Integer.parseInt(content.substring(at, lineEnd).split(";")[0].strip(), 16);
                    if (size == 0) {
                        break;
                    }
                    joined.append(content, lineEnd + 2, lineEnd + 2 + size);
                    at = lineEnd + 2 + size + 2;
                }
                content = joined.toString();
            }
            return new Answer(Integer.parseInt(answer.substring(0, end).split(" ")[1]), type,
                    new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
    }

    String read(Target target, String path) {
        try {
            Answer answer = exchange(target.url(), "GET", path, null, null);
            return answer.status() + " " + answer.body();
        } catch (IOException | RuntimeException e) {
            return "no answer: " + e;
        }
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
