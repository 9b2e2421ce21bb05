package org.brokerscope.domain.profile;

/** How the bytes travel: plain TCP, TLS, WebSocket or WebSocket over TLS. */
public enum Transport {
    TCP("tcp", 1883, false, false),
    SSL("ssl", 8883, true, false),
    WS("ws", 80, false, true),
    WSS("wss", 443, true, true);

    private final String scheme;
    private final int defaultPort;
    private final boolean secure;
    private final boolean webSocket;

    Transport(String scheme, int defaultPort, boolean secure, boolean webSocket) {
        this.scheme = scheme;
        this.defaultPort = defaultPort;
        this.secure = secure;
        this.webSocket = webSocket;
    }

    /** The scheme of the client library's URI: tcp, ssl, ws or wss. */
    public String scheme() {
        return scheme;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public boolean secure() {
        return secure;
    }

    public boolean webSocket() {
        return webSocket;
    }
}
