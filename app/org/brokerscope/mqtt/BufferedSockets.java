package org.brokerscope.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain TCP sockets whose input stream is buffered, for Paho's {@code tcp://} connections.
 *
 * <p>Both Paho clients read the socket through an unbuffered {@code DataInputStream}: one byte for the
 * packet type, one per byte of the remaining length, then the rest, so each small PUBLISH costs three or four
 * reads from the socket, each a system call. At tens of thousands of messages a second that made Paho's
 * receiver the app's busiest thread. A buffer turns them into one read per socket buffer's worth.
 *
 * <p>Not for {@code ssl://} (the TLS socket already reads whole records) nor for {@code ws://}, whose
 * handshake Paho reads with its own reader.
 */
final class BufferedSockets extends SocketFactory {
    static final SocketFactory INSTANCE = new BufferedSockets();
    private static final int BUFFER_BYTES = 64 * 1024;

    private BufferedSockets() {
    }

    static boolean suits(String serverUri) {
        return serverUri.startsWith("tcp://");
    }

    @Override
    public Socket createSocket() {
        return new BufferedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = new BufferedSocket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket socket = new BufferedSocket();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        socket.connect(new InetSocketAddress(address, port));
        return socket;
    }

    private static Socket connected(InetSocketAddress address) throws IOException {
        Socket socket = new BufferedSocket();
        socket.connect(address);
        return socket;
    }

    private static final class BufferedSocket extends Socket {
        private InputStream in;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new BufferedInputStream(super.getInputStream(), BUFFER_BYTES);
            }
            return in;
        }
    }
}
