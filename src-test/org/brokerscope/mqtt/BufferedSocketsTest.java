package org.brokerscope.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The sockets Paho gets for tcp://: buffered input, and only where no other socket factory belongs. */
class BufferedSocketsTest {

    @Test
    void theSocketPahoCreatesReadsThroughOneBuffer() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket socket = BufferedSockets.INSTANCE.createSocket()) {
            // As Paho does: an unconnected socket, then connect.
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 5_000);
            try (Socket peer = server.accept(); OutputStream out = peer.getOutputStream()) {
                out.write(new byte[] {0x30, 0x05, 'a', '/', 'b', 'h', 'i'});
                out.flush();
                InputStream in = socket.getInputStream();
                assertInstanceOf(BufferedInputStream.class, in);
                assertSame(in, socket.getInputStream(), "one buffer per socket, or bytes read ahead would be lost");
                byte[] got = new byte[7];
                got[0] = (byte) in.read();
                got[1] = (byte) in.read();
                assertTrue(in.readNBytes(got, 2, 5) == 5);
                assertArrayEquals(new byte[] {0x30, 0x05, 'a', '/', 'b', 'h', 'i'}, got);
            }
        }
    }

    @Test
    void onlyPlainTcpGetsThem() {
        assertTrue(BufferedSockets.suits("tcp://127.0.0.1:1883"));
        assertFalse(BufferedSockets.suits("ssl://broker:8883"), "TLS has its own socket factory");
        assertFalse(BufferedSockets.suits("ws://broker:8080/mqtt"), "Paho reads the WebSocket handshake itself");
        assertFalse(BufferedSockets.suits("wss://broker:443/mqtt"));
    }
}
