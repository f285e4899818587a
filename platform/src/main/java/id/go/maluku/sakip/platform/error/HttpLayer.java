package id.go.maluku.sakip.platform.error;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the HTTP layer refuses before any operation runs, in the same problem+json as every other
 * refusal (it used to be an empty body without a content type):
 * <ul>
 *   <li>a body over its limit: 413 as soon as its Content-Length says so, before a byte of it is
 *       read. Single-object writes take at most {@code sakip.http.max-body-size} (1 MiB); the
 *       imports and uploads a service names in {@code sakip.http.large-requests} ("METHOD path"
 *       regular expression) take up to {@code quarkus.http.limits.max-body-size};</li>
 *   <li>a path no operation serves: 404 (the business port serves /api only);</li>
 *   <li>a path with a "." or ".." segment, also percent-encoded: 400, before the router resolves
 *       it to another resource;</li>
 *   <li>a '%' not followed by two hexadecimal digits in the path or query: 400;</li>
 *   <li>a request line over {@link #MAX_REQUEST_LINE} characters: 414; headers over
 *       {@link #MAX_HEADERS} characters in all: 431;</li>
 *   <li>any other 4xx the router fails a request with (a body larger than the limit sent without
 *       Content-Length).</li>
 * </ul>
 * Vert.x's HTTP codec answers a request line or header block over its own limits with an empty
 * 414 or 431 before any of this runs, and Quarkus 3.33 gives no hook to shape that answer
 * (quarkusio/quarkus#55082). So the codec's limits are set far above these (the platform's
 * microprofile-config.properties: 128 KiB and 64 KiB) and the services' own limits are held here:
 * only a request beyond the codec's limits still gets the empty answer.
 * <ul>
 * </ul>
 */
@ApplicationScoped
public class HttpLayer {

    /** Runs before authentication and the REST layer: a refused body is never read. */
    private static final int FILTER_PRIORITY = 3000;

    /** The longest request line (method, URI, version) a service reads; the codec's limit is far above it. */
    public static final int MAX_REQUEST_LINE = 8192;

    /** The most characters of headers (names and values) a request may bring; the codec's limit is far above it. */
    public static final int MAX_HEADERS = 16384;

    private final long maxBodySize;
    private final long maxLargeBodySize;
    private final Pattern largeRequests;

    public HttpLayer(@ConfigProperty(name = "sakip.http.max-body-size", defaultValue = "1M") MemorySize maxBodySize,
                     @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize quarkusLimit,
                     @ConfigProperty(name = "sakip.http.large-requests") Optional<String> largeRequests) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.maxLargeBodySize = quarkusLimit.asLongValue();
        this.largeRequests = largeRequests.filter(p -> !p.isBlank()).map(Pattern::compile).orElse(null);
    }

    void limitBodies(@Observes Filters filters) {
        filters.register(HttpLayer::refuseOverlongHead, FILTER_PRIORITY + 3);
        filters.register(this::refuseOversizedBody, FILTER_PRIORITY);
        filters.register(HttpLayer::refuseDotSegments, FILTER_PRIORITY + 1);
        filters.register(HttpLayer::refuseBadEscapes, FILTER_PRIORITY + 2);
    }

    /**
     * A request line or header block longer than the service reads: 414 or 431, as a problem (the
     * highest priority of the layer's filters: nothing else looks at such a request).
     */
    static void refuseOverlongHead(RoutingContext context) {
        String problem = overlongHead(context.request().method().name(), context.request().uri(),
                context.request().headers());
        if (problem != null) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            send(context, problem.startsWith("the request line") ? 414 : 431,
                    problem.startsWith("the request line") ? "URI Too Long" : "Request Header Fields Too Large", problem);
            return;
        }
        context.next();
    }

    /** Why a request's line or headers are too long, or null. */
    static String overlongHead(String method, String uri, Iterable<java.util.Map.Entry<String, String>> headers) {
        int line = method.length() + 1 + (uri == null ? 0 : uri.length()) + " HTTP/1.1".length();
        if (line > MAX_REQUEST_LINE) {
            return "the request line has " + line + " characters; at most " + MAX_REQUEST_LINE
                    + " are read (a query that long belongs in a body)";
        }
        long size = 0;
        for (java.util.Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + 2 + header.getValue().length();
        }
        if (size > MAX_HEADERS) {
            return "the headers have " + size + " characters; at most " + MAX_HEADERS + " are read";
        }
        return null;
    }

    /**
     * A '%' that two hexadecimal digits do not follow, in the path or the query: nothing can
     * decode it, and the REST layer answered such a request 400 with an empty body (FuzzIT
     * counted some 160 per run). Refused here, naming which part holds it.
     */
    static void refuseBadEscapes(RoutingContext context) {
        String problem = unreadableUri(context.request().uri());
        if (problem != null) {
            send(context, 400, "Bad Request", problem);
            return;
        }
        context.next();
    }

    /**
     * Why a request URI cannot be read, naming its part, or null: a '%' without two hexadecimal
     * digits, or anything else java.net.URI refuses (a space, a '|', a '{'). Quarkus refused the
     * same with an empty body until SakipMain turned its check off for this one.
     */
    static String unreadableUri(String uri) {
        if (uri == null) {
            return "the request has no URI";
        }
        int query = uri.indexOf('?');
        String bad = badEscape(uri);
        if (bad != null) {
            return (query >= 0 && uri.indexOf(bad) > query ? "query" : "path") + ": '" + Text.clip(bad, 10)
                    + "' is not a percent-encoding ('%' and two hexadecimal digits)";
        }
        try {
            new java.net.URI(uri);
            return null;
        } catch (java.net.URISyntaxException e) {
            int at = e.getIndex();
            String part = query >= 0 && at > query ? "query" : "path";
            String character = at >= 0 && at < uri.length() ? String.format("U+%04X", (int) uri.charAt(at)) : "?";
            return part + ": character " + character + " at index " + at + " must be percent-encoded";
        }
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** The first '%' not followed by two hexadecimal digits, with what follows it (at most 2 characters), or null. */
    static String badEscape(String raw) {
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (i + 2 >= raw.length() || !hex(raw.charAt(i + 1)) || !hex(raw.charAt(i + 2))) {
                return raw.substring(i, Math.min(raw.length(), i + 3));
            }
        }
        return null;
    }

    /**
     * A path with a "." or ".." segment, also percent-encoded: the router would resolve it to
     * another resource ({@code DELETE .../indicators/IK1/targets/%2E%2E} deleted the indicator,
     * {@code PUT .../sasaran/%2E%2E} renamed the agency; found by deploy/e2e's FuzzIT).
     */
    static void refuseDotSegments(RoutingContext context) {
        String path = context.request().path();
        if (path != null && hasDotSegment(path)) {
            send(context, 400, "Bad Request", "a path segment may not be '.' or '..': "
                    + Text.clip(path, 200));
            return;
        }
        context.next();
    }

    static boolean hasDotSegment(String rawPath) {
        for (String segment : rawPath.split("/", -1)) {
            String decoded = segment.replace("%2E", ".").replace("%2e", ".");
            if (decoded.equals(".") || decoded.equals("..")) {
                return true;
            }
        }
        return false;
    }

    void problemsFromTheRouter(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(HttpLayer::failure);
        router.route().last().handler(context -> send(context, 404, "Not Found",
                "no operation is served at " + Text.clip(context.request().path(), 200)
                        + "; business operations are under /api/v1 (health, metrics and OpenAPI on the management port)"));
    }

    /** The most bytes a request's body may have. */
    long limitFor(String method, String path) {
        boolean large = largeRequests != null && largeRequests.matcher(method + " " + path).matches();
        return large ? maxLargeBodySize : Math.min(maxBodySize, maxLargeBodySize);
    }

    private void refuseOversizedBody(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long limit = limitFor(context.request().method().name(), context.request().path());
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length < 0) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                send(context, 400, "Bad Request", "Content-Length: '" + Text.clip(declared, 40) + "' is not a length");
                return;
            }
            if (length > limit) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                send(context, 413, "Content Too Large", "the body of this request may have at most " + limit
                        + " bytes; it has " + length);
                return;
            }
        }
        context.next();
    }

    private static void failure(RoutingContext context) {
        int status = context.statusCode();
        if (context.response().headWritten() || status < 400 || status >= 500) {
            context.next();
            return;
        }
        String detail = switch (status) {
            case 400 -> "the request could not be read";
            case 413 -> "the body of this request is larger than its limit";
            default -> "the request was refused by the HTTP layer";
        };
        send(context, status, reason(status), detail);
    }

    private static String reason(int status) {
        var known = jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    private static void send(RoutingContext context, int status, String title, String detail) {
        String body = "{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + json(detail) + "\"}";
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMappers.PROBLEM_JSON)
                .end(body);
    }

    /** The few characters a JSON string must escape; details are our own text with a clipped path. */
    static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
