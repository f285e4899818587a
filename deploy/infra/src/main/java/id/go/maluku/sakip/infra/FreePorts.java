package id.go.maluku.sakip.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A port for a process the tests start and that binds it a little later (PostgreSQL, a service).
 * Taken below the kernel's ephemeral range (32768 and up on Linux): a port the kernel handed out
 * for bind(0) is free again once closed, and the next outgoing connection of any process (a
 * service connecting to Kafka, say) may take it as its local port before the process binds it.
 * Ports under the range are never handed out that way.
 */
public final class FreePorts {

    private FreePorts() {
    }

    public static int next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = random.nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", candidate));
                return candidate;
            } catch (IOException taken) {
                // in use: try another
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
