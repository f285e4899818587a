#!/usr/bin/env bash
# Freshness benchmark of reporting-service: how long after realization-service accepted a
# realisasi does /performance show it?
#
#   deploy/bench/reporting-freshness.sh        # planning 8081, realization 8082, reporting 8084
#   REALIZATION=http://127.0.0.1:8082,http://127.0.0.1:8182 REPORTING=http://127.0.0.1:8084,http://127.0.0.1:8184 \
#     deploy/bench/reporting-freshness.sh      # two instances each (start.sh --replicas 2)
#
# Needs a running local stack (deploy/local/start.sh). Not a test: run it by hand on a quiet
# machine; the numbers depend on it.
#
# Creates (idempotently) the agency AGENCY (bench-fresh) with INDICATORS (10) indicators through
# planning (use another AGENCY for another count), then for
# each rate in RATES (50 200 500 per second) sends realisasi updates through realization-service
# for DURATION seconds (20), spread over the indicators, each with a new, increasing value, with
# at most CONNECTIONS (32) PUTs in flight; an update that waits for a free one waits from the
# moment it was due.
# A poller reads /performance every POLL_MS milliseconds (5; with If-None-Match, so an unchanged
# document costs a 304) and notes when each indicator first shows a value at least as new as each
# update. (It used to poll as fast as it could: once a 304 became cheap that was about 1,000
# polls a second and 60% of one of the two cores the pipeline it measures runs on.)
# Latency = that moment - the moment realization-service acknowledged the PUT (so it covers the
# outbox relay, Kafka, the consumer, the recalculation and the read); 0 when /performance showed
# the value before the acknowledgement came back (the answer leaves realization after its commit,
# and under load it can reach the client after the poller has seen the value). It also prints the same from the moment the PUT was sent, which
# adds realization's own time (and its wait for a row another update of the indicator holds) and
# never comes out 0. Two updates of one indicator
# in flight together may commit in either order, so an update counts as shown when it is, or an
# update of the same indicator acknowledged after it, or the value realization-service holds at
# the end (read from it once every update is answered). Prints per rate the
# updates sent, acknowledged and seen, p50, p99 and max in milliseconds, the achieved rate, and
# whether the rate was sustained without falling behind (every update acknowledged at the rate
# and shown, and neither median wait, after the acknowledgement or from the send, of the run's last
# quarter over 500 ms above its first's).
# WARMUP (seconds, default 0) first sends the same updates at WARMUP_RATE (100) per second,
# unmeasured, so that the figures are of warm services (WARMUP=600 on this machine).
# The driver (one JVM per run, compiled once) speaks HTTP/1.1 over its own sockets and runs with
# DRIVER_JAVA_OPTS (C1 only, serial GC): it shares the cores with what it measures.
# Then it looks for the highest rate sustained: SUSTAIN_RATES (100 200 300 400 500 600 800 1000)
# in turn, SUSTAIN_DURATION (15) seconds each, up to the first that is not.
#
# For comparison it then runs the broker's own org.apache.kafka.tools.EndToEndLatency (produce
# and consume of 10000 records of 200 bytes with acks=all on a scratch topic) with the Kafka
# libraries that start.sh downloaded to .stack/kafka-libs.
set -euo pipefail

. "$(dirname "$0")/auth.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PLANNING="${PLANNING:-http://127.0.0.1:8081}"
REALIZATION="${REALIZATION:-http://127.0.0.1:8082}"
REPORTING="${REPORTING:-http://127.0.0.1:8084}"
KAFKA="${KAFKA:-127.0.0.1:${SAKIP_KAFKA_PORT:-9092}}"
KAFKA_LIBS="${KAFKA_LIBS:-${SAKIP_STACK_DIR:-$ROOT/.stack}/kafka-libs}"
RATES="${RATES:-50 200 500}"
DURATION="${DURATION:-20}"
POLL_MS="${POLL_MS:-5}"
SUSTAIN_RATES="${SUSTAIN_RATES:-100 200 300 400 500 600 800 1000}"
SUSTAIN_DURATION="${SUSTAIN_DURATION:-15}"
AGENCY="${AGENCY:-bench-fresh}"
YEAR="${BENCH_YEAR:-2022}"
INDICATORS="${INDICATORS:-10}"
CONNECTIONS="${CONNECTIONS:-32}"
WARMUP="${WARMUP:-0}"
WARMUP_RATE="${WARMUP_RATE:-100}"
DRIVER_JAVA_OPTS="${DRIVER_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m}"

put() { # url json
  local status
  status=$(curl -H "$AUTH" -s -o /dev/null -w '%{http_code}' -X PUT -H 'Content-Type: application/json' -H "$AUTH" \
    -d "$2" "$1" || true)
  case "$status" in
    200|201|204) ;;
    *) echo "PUT $1 answered $status: is the stack running (deploy/local/start.sh)?" >&2; exit 1 ;;
  esac
}

echo "creating $AGENCY with $INDICATORS indicators through planning ($PLANNING)"
put "$PLANNING/api/v1/agencies/$AGENCY" '{"name":"Bench freshness"}'
for ((i = 1; i <= INDICATORS; i++)); do
  put "$PLANNING/api/v1/agencies/$AGENCY/sasaran/S$i" "{\"name\":\"Sasaran $i\",\"ordinal\":$i}"
  put "$PLANNING/api/v1/agencies/$AGENCY/indicators/IK$i" \
    "{\"sasaran\":\"S$i\",\"name\":\"Indikator $i\",\"unit\":\"kegiatan\",\"polarity\":\"positive\"}"
  put "$PLANNING/api/v1/agencies/$AGENCY/indicators/IK$i/targets/$YEAR" '{"value":1000000}'
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/Freshness.java" <<'JAVA'
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives realisasi updates at a fixed rate and measures when /performance shows each. */
public class Freshness {

    record Update(int indicator, long value, long sentAt, long ackedAt) {
    }

    // an indicator's fields up to its realisasi hold no nested object
    static final Pattern INDICATOR = Pattern.compile("\"code\":\"IK(\\d+)\"[^{}]*?\"realisasi\":(\\d+)");

    public static void main(String[] args) throws Exception {
        String realization = args[0], reporting = args[1], agency = args[2];
        int year = Integer.parseInt(args[3]), rate = Integer.parseInt(args[4]), seconds = Integer.parseInt(args[5]);
        int indicators = Integer.parseInt(args[6]);
        long base = Long.parseLong(args[7]);
        long pollNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[8]));
        // HTTP/1.1 with kept-alive connections, as wrk and the operators' browsers through a proxy
        // speak it, over Http1 below. The JDK client's default, HTTP/2 upgraded from cleartext
        // (h2c), cost this driver five times the CPU and realization-service a third more per PUT
        // (BENCHMARKS.md, 2026-11-29, session 7); over HTTP/1.1 it still took about 1.6 ms of
        // CPU per request, 0.4-0.7 of one of the two cores the measured pipeline runs on (session 9).
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String token = "Bearer " + System.getenv("SAKIP_TOKEN");

        ConcurrentLinkedQueue<Update> acked = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger(), failed = new AtomicInteger();
        AtomicLong seq = new AtomicLong(base);
        long[] current = new long[indicators + 1];      // value shown now per indicator
        List<List<long[]>> shownAt = new ArrayList<>(); // per indicator: (value, time it was shown)
        java.util.Map<Long, Long> ackedAt = new java.util.concurrent.ConcurrentHashMap<>(); // value -> ack
        for (int i = 0; i <= indicators; i++) {
            shownAt.add(Collections.synchronizedList(new ArrayList<>()));
        }

        long total = (long) rate * seconds;
        // At most CONNECTIONS PUTs in flight, one per kept-alive connection and thread (wrk's
        // model too); the ticker queues each update at the moment it is due, and a thread takes it
        // when its connection is free. Unbounded, the JDK client had opened a connection per
        // waiting request: over 1,000 at 200/s, and realization spent its CPU on them.
        java.util.concurrent.BlockingQueue<long[]> due = new java.util.concurrent.LinkedBlockingQueue<>();
        // REALIZATION and REPORTING may each name several instances, comma-separated: the PUTs
        // go to them in turn (a connection each), the polls alternate between the readers
        String[] writers = realization.split(",");
        for (int c = 0; c < Integer.parseInt(args[9]); c++) {
            String writer = writers[c % writers.length];
            Thread worker = new Thread(() -> {
                Http1 connection = new Http1(writer, 30_000);
                while (true) {
                    long[] next;
                    try {
                        next = due.take();
                    } catch (InterruptedException e) {
                        return;
                    }
                    long value = next[0];
                    int indicator = (int) (value % indicators) + 1;
                    try {
                        Http1.Response r = connection.send("PUT", "/api/v1/agencies/" + agency + "/indicators/IK"
                                + indicator + "/realisasi/" + year, "{\"value\":" + value + "}",
                                "Content-Type", "application/json", "Authorization", token);
                        if (r.status() / 100 == 2) {
                            long at = System.nanoTime();
                            ackedAt.put(value, at);
                            acked.add(new Update(indicator, value, next[1], at));
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (java.io.IOException e) {
                        failed.incrementAndGet();
                    }
                }
            });
            worker.setDaemon(true);
            worker.start();
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            if (sent.get() >= total) {
                return;
            }
            // the moment this update is due, not the moment it leaves: a wait for a free
            // connection is part of its latency (no coordinated omission)
            long sentAt = start + (long) sent.getAndIncrement() * periodNanos;
            due.add(new long[] {seq.incrementAndGet(), sentAt});
        }, 0, periodNanos, TimeUnit.NANOSECONDS);

        // the poller: as fast as it can, cheap while nothing changed
        String[] readers = reporting.split(",");
        Http1[] pollers = new Http1[readers.length];
        String[] etags = new String[readers.length];
        for (int r = 0; r < readers.length; r++) {
            pollers[r] = new Http1(readers[r], 10_000);
        }
        long[] finals = null;
        long pollDeadline = start + TimeUnit.SECONDS.toNanos(seconds + 30);
        long lastValue = base + total;
        String performance = "/api/v1/agencies/" + agency + "/years/" + year + "/performance";
        int polls = 0;
        long nextPoll = System.nanoTime();
        while (System.nanoTime() < pollDeadline) {
            nextPoll += pollNanos;
            int reader = polls % readers.length;
            Http1 poller = pollers[reader];
            Http1.Response response = etags[reader] == null
                    ? poller.send("GET", performance, null, "Authorization", token)
                    : poller.send("GET", performance, null, "Authorization", token, "If-None-Match", etags[reader]);
            long now = System.nanoTime();
            polls++;
            if (response.status() == 200) {
                etags[reader] = response.etag();
                Matcher m = INDICATOR.matcher(response.body());
                while (m.find()) {
                    int indicator = Integer.parseInt(m.group(1));
                    long value = Long.parseLong(m.group(2));
                    if (indicator <= indicators && value != current[indicator]) {
                        current[indicator] = value;
                        shownAt.get(indicator).add(new long[] {value, now});
                    }
                }
            }
            boolean allShown = sent.get() >= total && acked.size() + failed.get() >= total;
            if (allShown && finals == null) {
                finals = finals(http, writers[0], agency, year, indicators);
            }
            for (int i = 1; i <= indicators && allShown; i++) {
                allShown = current[i] == finals[i];
            }
            if (allShown) {
                break;
            }
            long wait = nextPoll - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            } else {
                nextPoll = System.nanoTime(); // a slow answer: no burst of polls to catch up
            }
        }
        ticker.shutdownNow();
        // acknowledgements per second until the last one came: once updates queue, the last
        // comes well after the run's seconds, and dividing by those would report the rate sent
        long lastAck = acked.stream().mapToLong(Update::ackedAt).max().orElse(start);
        double achieved = acked.size() / Math.max(seconds, (lastAck - start) / 1e9);

        List<Long> latencies = new ArrayList<>();
        List<Long> fromSent = new ArrayList<>(); // from the PUT being sent: covers realization's own time too
        List<long[]> bySent = new ArrayList<>(); // (sent at, wait from the send) of each update seen
        List<long[]> byAck = new ArrayList<>(); // (acknowledged at, latency) of each update seen
        int unseen = 0;
        // Two updates of one indicator in flight together may commit in either order, and the one
        // committed last is what realization keeps: an update counts as shown once /performance
        // shows it, or an update acknowledged after it, or the indicator's final value.
        if (finals == null) {
            finals = finals(http, writers[0], agency, year, indicators);
        }
        for (Update u : acked) {
            long shown = -1;
            for (long[] s : shownAt.get(u.indicator())) {
                Long ack = ackedAt.get(s[0]);
                if (s[0] == u.value() || s[0] == finals[u.indicator()] || ack != null && ack > u.ackedAt()) {
                    shown = s[1];
                    break;
                }
            }
            if (shown < 0) {
                unseen++;
            } else {
                // shown before the acknowledgement arrived (the poll raced the PUT's answer): 0
                latencies.add(Math.max(0, shown - u.ackedAt()));
                fromSent.add(shown - u.sentAt());
                bySent.add(new long[] {u.sentAt(), shown - u.sentAt()});
                byAck.add(new long[] {u.ackedAt(), Math.max(0, shown - u.ackedAt())});
            }
        }
        Collections.sort(latencies);
        Collections.sort(fromSent);
        System.out.printf("rate %d/s for %d s: sent %d, acknowledged %d (%.1f/s), failed %d, seen %d, never seen %d, polls %d%n",
                rate, seconds, sent.get(), acked.size(), achieved, failed.get(), latencies.size(), unseen, polls);
        if (!latencies.isEmpty()) {
            System.out.printf("  realisasi -> /performance: p50 %.1f ms | p99 %.1f ms | max %.1f ms%n",
                    ms(percentile(latencies, 50)), ms(percentile(latencies, 99)), ms(latencies.get(latencies.size() - 1)));
            System.out.printf("  from the PUT sent:          p50 %.1f ms | p99 %.1f ms | max %.1f ms%n",
                    ms(percentile(fromSent, 50)), ms(percentile(fromSent, 99)), ms(fromSent.get(fromSent.size() - 1)));
        }
        // Falling behind: the service does not take the updates at the offered rate, or some are
        // never shown, or a wait grows over the run (a backlog building up): the median of the
        // last quarter of the updates more than 500 ms above that of the first quarter, for the
        // wait after the acknowledgement (a backlog behind realization's commit) or for the wait
        // from the send (a backlog of PUTs in front of realization, whose answers then come late
        // and leave the first wait looking short).
        String behind = null;
        if (failed.get() > 0 || acked.size() < 0.98 * total) {
            behind = String.format("%d of %d acknowledged", acked.size(), total);
        } else if (unseen > 0) {
            behind = unseen + " never shown";
        } else {
            behind = grew(byAck, "after the acknowledgement");
            if (behind == null) {
                behind = grew(bySent, "from the PUT sent");
            }
        }
        System.out.println(behind == null ? "  sustained: yes" : "  sustained: no (" + behind + ")");
        System.exit(0);
    }

    /** Why the waits (time, wait) show a growing backlog, or null. */
    static String grew(List<long[]> waits, String which) {
        if (waits.size() < 8) {
            return null;
        }
        waits.sort((a, b) -> Long.compare(a[0], b[0]));
        int quarter = waits.size() / 4;
        double first = ms(median(waits.subList(0, quarter)));
        double last = ms(median(waits.subList(waits.size() - quarter, waits.size())));
        return last > first + 500
                ? String.format("median wait %s grew from %.1f ms to %.1f ms over the run", which, first, last) : null;
    }

    /**
     * One kept-alive HTTP/1.1 connection, used by one thread at a time: a request written whole,
     * the answer read by its Content-Length or chunks. All the driver needs, for a fraction of
     * the JDK client's CPU.
     */
    static final class Http1 {

        record Response(int status, String etag, String body) {
        }

        private final String host;
        private final int port;
        private final int timeoutMillis;
        private java.net.Socket socket;
        private java.io.InputStream in;
        private java.io.OutputStream out;

        Http1(String base, int timeoutMillis) {
            URI uri = URI.create(base);
            this.host = uri.getHost();
            this.port = uri.getPort() < 0 ? 80 : uri.getPort();
            this.timeoutMillis = timeoutMillis;
        }

        /** headers: name, value, name, value...; body null for none. */
        Response send(String method, String path, String body, String... headers) throws java.io.IOException {
            for (int attempt = 1; ; attempt++) {
                try {
                    if (socket == null) {
                        socket = new java.net.Socket();
                        socket.connect(new java.net.InetSocketAddress(host, port), 5_000);
                        socket.setTcpNoDelay(true);
                        socket.setSoTimeout(timeoutMillis);
                        in = new java.io.BufferedInputStream(socket.getInputStream(), 65_536);
                        out = new java.io.BufferedOutputStream(socket.getOutputStream(), 8_192);
                    }
                    return exchange(method, path, body, headers);
                } catch (java.io.IOException e) {
                    close();
                    if (attempt == 2) {
                        throw e;
                    }
                    // a kept-alive connection the server had closed: once more on a new one (the
                    // requests are idempotent)
                }
            }
        }

        private Response exchange(String method, String path, String body, String... headers) throws java.io.IOException {
            StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(host).append(':').append(port).append("\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            byte[] content = body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (content != null) {
                head.append("Content-Length: ").append(content.length).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            if (content != null) {
                out.write(content);
            }
            out.flush();
            String statusLine = line();
            if (statusLine == null) {
                throw new java.io.EOFException("connection closed before the answer");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = -1;
            boolean chunked = false, closeAfter = false;
            String etag = null;
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Integer.parseInt(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "etag" -> etag = value;
                    case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            byte[] data;
            if (chunked) {
                java.io.ByteArrayOutputStream chunks = new java.io.ByteArrayOutputStream();
                for (int size; (size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; line()) {
                    chunks.write(in.readNBytes(size));
                }
                while (!line().isEmpty()) {
                    // trailers
                }
                data = chunks.toByteArray();
            } else if (length >= 0) {
                data = in.readNBytes(length);
                if (data.length < length) {
                    throw new java.io.EOFException("answer cut short");
                }
            } else if (status == 304 || status == 204) {
                data = new byte[0];
            } else {
                data = in.readAllBytes();
                closeAfter = true;
            }
            if (closeAfter) {
                close();
            }
            return new Response(status, etag, new String(data, java.nio.charset.StandardCharsets.UTF_8));
        }

        /** A line of the head without its CRLF; null at the end of the stream. */
        private String line() throws java.io.IOException {
            StringBuilder line = new StringBuilder();
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) {
                    if (line.length() == 0) {
                        return null;
                    }
                    throw new java.io.EOFException("connection closed in a line");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (java.io.IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    /** Each indicator's value as realization-service holds it now. */
    static long[] finals(HttpClient http, String realization, String agency, int year, int indicators)
            throws Exception {
        long[] finals = new long[indicators + 1];
        Pattern value = Pattern.compile("\"value\":(\\d+)");
        for (int i = 1; i <= indicators; i++) {
            // its own HTTP/1.1 request with a timeout: the PUTs' client may be mid-reset
            HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(URI.create(realization + "/api/v1/agencies/"
                            + agency + "/indicators/IK" + i + "/realisasi/" + year)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + System.getenv("SAKIP_TOKEN")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = value.matcher(r.body());
            finals[i] = m.find() ? Long.parseLong(m.group(1)) : -1;
        }
        return finals;
    }

    static long median(List<long[]> updates) {
        List<Long> waits = new ArrayList<>();
        updates.forEach(u -> waits.add(u[1]));
        Collections.sort(waits);
        return percentile(waits, 50);
    }

    static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
JAVA
# Compiled once, run with C1 only and the serial collector: the driver shares the 2 cores with
# everything it measures. Launched from source for each run, with the default JIT, it took
# 0.6-0.7 of a core at 200 updates/s (BENCHMARKS.md, 2026-11-29, session 9).
javac -d "$WORK/classes" "$WORK/Freshness.java"
driver() {
  # shellcheck disable=SC2086 # DRIVER_JAVA_OPTS is a list of options
  java $DRIVER_JAVA_OPTS -cp "$WORK/classes" Freshness "$@"
}

# realization learns the indicators from planning's events; wait until it accepts the last one
for attempt in $(seq 1 100); do
  status=$(curl -H "$AUTH" -s -o /dev/null -w '%{http_code}' -X PUT -H 'Content-Type: application/json' -H "$AUTH" \
    -d '{"value":1}' "${REALIZATION%%,*}/api/v1/agencies/$AGENCY/indicators/IK$INDICATORS/realisasi/$YEAR" || true)
  case "$status" in 200|201|204) break ;; esac
  if [ "$attempt" = 100 ]; then echo "realization never accepted IK$INDICATORS ($status)" >&2; exit 1; fi
  sleep 0.2
done

# values increase across runs, so that each update is a real change
base=$(( $(date +%s) * 1000 ))

# Warm-up, not measured: the same updates at WARMUP_RATE for WARMUP seconds. On these 2 cores the
# services' JIT compilers still take a quarter of realization-service's CPU after several minutes
# of load on another path (BENCHMARKS.md), and the goal is about a service that has been running.
if [ "$WARMUP" -gt 0 ]; then
  echo "warm-up: ${WARMUP_RATE}/s for ${WARMUP} s (not measured)"
  driver "$REALIZATION" "$REPORTING" "$AGENCY" "$YEAR" "$WARMUP_RATE" "$WARMUP" "$INDICATORS" \
    "$base" "$POLL_MS" "$CONNECTIONS" > /dev/null
  base=$(( base + WARMUP_RATE * WARMUP + 1 ))
  sleep 2
fi
for rate in $RATES; do
  driver "$REALIZATION" "$REPORTING" "$AGENCY" "$YEAR" "$rate" "$DURATION" "$INDICATORS" "$base" "$POLL_MS" "$CONNECTIONS"
  base=$(( base + rate * DURATION + 1 ))
  sleep 2
done

# The highest rate sustained without falling behind: SUSTAIN_RATES in increasing order, each for
# SUSTAIN_DURATION seconds, until the first one that is not.
highest=none
for rate in $SUSTAIN_RATES; do
  out=$(driver "$REALIZATION" "$REPORTING" "$AGENCY" "$YEAR" "$rate" "$SUSTAIN_DURATION" \
    "$INDICATORS" "$base" "$POLL_MS" "$CONNECTIONS")
  echo "$out"
  base=$(( base + rate * SUSTAIN_DURATION + 1 ))
  sleep 2
  if echo "$out" | grep -q 'sustained: yes'; then highest="$rate/s"; else break; fi
done
echo "highest rate sustained without falling behind (of $SUSTAIN_RATES): $highest"

echo
if [ -d "$KAFKA_LIBS" ]; then
  echo "Kafka's own end-to-end latency on $KAFKA (10000 records, acks=all, 200 bytes):"
  # arguments: broker_list topic num_messages producer_acks message_size_bytes
  java -cp "$KAFKA_LIBS/*" org.apache.kafka.tools.EndToEndLatency "$KAFKA" bench-end-to-end-latency 10000 all 200 \
    2>/dev/null | grep -Ei 'avg|percentile|latency' || echo "EndToEndLatency failed (is kafka-tools in $KAFKA_LIBS?)"
else
  echo "no Kafka libraries in $KAFKA_LIBS (start.sh puts them there): skipping EndToEndLatency"
fi
