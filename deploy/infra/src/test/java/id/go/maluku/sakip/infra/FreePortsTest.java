package id.go.maluku.sakip.infra;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreePortsTest {

    @Test
    void a_port_is_bindable_and_below_the_ephemeral_range() throws Exception {
        int port = FreePorts.next();
        assertTrue(port >= 20_000 && port < 32_000, "port " + port);
        try (ServerSocket socket = new ServerSocket()) {
            assertDoesNotThrow(() -> socket.bind(new InetSocketAddress("127.0.0.1", port)));
        }
    }

    @Test
    void a_port_in_use_is_not_handed_out() throws Exception {
        // hold many ports: none of them may come back
        java.util.List<ServerSocket> held = new java.util.ArrayList<>();
        java.util.Set<Integer> heldPorts = new java.util.HashSet<>();
        try {
            for (int i = 0; i < 50; i++) {
                int port = FreePorts.next();
                ServerSocket socket = new ServerSocket();
                socket.bind(new InetSocketAddress("127.0.0.1", port));
                held.add(socket);
                assertTrue(heldPorts.add(port), "port " + port + " handed out while held");
            }
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }
}
