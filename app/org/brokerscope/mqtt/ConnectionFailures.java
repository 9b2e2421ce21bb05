package org.brokerscope.mqtt;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/** Classifies what Paho v3 or v5 threw into a {@link ConnectionFailure}. */
public final class ConnectionFailures {
    // Paho client-side codes (MqttClientException / v3 MqttException), shared by both clients.
    private static final int CLIENT_TIMEOUT = 32000;
    private static final int CONNECTION_LOST = 32109;
    private static final int INVALID_RETURN_CODE = 50001;

    private ConnectionFailures() {
    }

    public static ConnectionFailure classify(Throwable error) {
        Throwable top = unwrap(error);
        Optional<Integer> code = pahoCode(top);
        String detail = detail(top);
        FailureKind fromCause = fromCauses(top);
        if (fromCause != null) {
            return new ConnectionFailure(fromCause, Optional.empty(), detail);
        }
        if (code.isEmpty()) {
            return new ConnectionFailure(FailureKind.OTHER, code, detail);
        }
        FailureKind kind = fromCode(code.get(), top instanceof org.eclipse.paho.client.mqttv3.MqttException);
        boolean mqttCode = code.get() < 256;
        return new ConnectionFailure(kind, mqttCode ? code : Optional.empty(), detail);
    }

    /**
     * A failed CONNECT. Measured on Mosquitto 2.0.11: a wrong password gets 0x87 "Not authorized" (v5) or
     * return code 5 (3.1.1), never 0x86 or 4. So when we sent credentials, "not authorized" at CONNECT
     * means the credentials, most likely; the broker's code is kept as it was sent.
     */
    public static ConnectionFailure atConnect(Throwable error, boolean credentialsSent) {
        ConnectionFailure failure = classify(error);
        if (credentialsSent && failure.kind() == FailureKind.NOT_AUTHORIZED) {
            return new ConnectionFailure(FailureKind.BAD_CREDENTIALS, failure.reasonCode(), failure.detail());
        }
        return failure;
    }

    /** A v5 DISCONNECT from the broker, e.g. 0x8E when another client took our client ID. */
    public static ConnectionFailure ofV5Reason(int reasonCode, String detail) {
        FailureKind kind = fromCode(reasonCode, false);
        return new ConnectionFailure(kind == FailureKind.OTHER && reasonCode == 0 ? FailureKind.DROPPED : kind,
                reasonCode == 0 ? Optional.empty() : Optional.of(reasonCode), detail);
    }

    private static FailureKind fromCode(int code, boolean v3) {
        if (v3) {
            // 3.1.1 CONNACK return codes.
            return switch (code) {
                case 1 -> FailureKind.PROTOCOL_UNSUPPORTED;
                case 4 -> FailureKind.BAD_CREDENTIALS;
                case 5 -> FailureKind.NOT_AUTHORIZED;
                case CLIENT_TIMEOUT -> FailureKind.TIMEOUT;
                case CONNECTION_LOST -> FailureKind.DROPPED;
                default -> FailureKind.OTHER;
            };
        }
        return switch (code) {
            case 0x84, INVALID_RETURN_CODE -> FailureKind.PROTOCOL_UNSUPPORTED;
            case 0x86 -> FailureKind.BAD_CREDENTIALS;
            case 0x87 -> FailureKind.NOT_AUTHORIZED;
            case 0x8E -> FailureKind.CLIENT_ID_TAKEN_OVER;
            case CLIENT_TIMEOUT -> FailureKind.TIMEOUT;
            case CONNECTION_LOST -> FailureKind.DROPPED;
            default -> FailureKind.OTHER;
        };
    }

    // The JDK's exception types say more than Paho's wrapper code (32103 for everything on the socket).
    private static FailureKind fromCauses(Throwable top) {
        for (Throwable t = top; t != null; t = t.getCause()) {
            if (t instanceof TlsSetupException) {
                return FailureKind.TLS_FILES;
            }
            if (t instanceof UnknownHostException) {
                return FailureKind.UNKNOWN_HOST;
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return FailureKind.REFUSED;
            }
            if (t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return FailureKind.TIMEOUT;
            }
            if (t instanceof SSLException ssl) {
                return tlsKind(ssl);
            }
            // Paho's WebSocketHandshake, when the server does not answer 101 Switching Protocols (e.g. HTTP 400
            // from a server that serves MQTT on another path): "WebSocket Response header: Incorrect upgrade."
            if (String.valueOf(t.getMessage()).startsWith("WebSocket Response header")) {
                return FailureKind.WEBSOCKET_PATH;
            }
        }
        return null;
    }

    private static FailureKind tlsKind(SSLException ssl) {
        // What we found wrong with the broker's certificate comes first, searched along the whole chain: an
        // expiry sits under a CertPathValidatorException, and the JDK's messages also carry alert names, e.g.
        // "(certificate_unknown) PKIX path building failed".
        // Our own finding, raised only for a self-signed certificate that nothing trusts (SelfSignedAwareTrustManager);
        // underneath it lies the JDK's plain "unable to find valid certification path", so it must come first.
        if (inChain(ssl, (t, text) -> t instanceof SelfSignedCertificateException)) {
            return FailureKind.TLS_SELF_SIGNED;
        }
        if (inChain(ssl, (t, text) -> t instanceof CertificateExpiredException || text.contains("(certificate_expired)"))) {
            return FailureKind.TLS_EXPIRED;
        }
        // The JDK's HostnameChecker words: "No subject alternative names matching IP address ..." or
        // "No name matching ... found".
        if (inChain(ssl, (t, text) -> text.contains("no subject alternative") || text.contains("no name matching"))) {
            return FailureKind.TLS_HOSTNAME_MISMATCH;
        }
        if (inChain(ssl, (t, text) -> t instanceof CertPathValidatorException
                || text.contains("unable to find valid certification path"))) {
            return FailureKind.TLS_UNTRUSTED;
        }
        // Then what the broker said about ours: with mutual TLS it sends an alert (TLS 1.3: certificate_required).
        if (inChain(ssl, (t, text) -> text.contains("received fatal alert")
                && (text.contains("certificate") || text.contains("unknown_ca")))) {
            return FailureKind.TLS_CLIENT_CERTIFICATE;
        }
        return FailureKind.TLS_OTHER;
    }

    private static boolean inChain(Throwable top, java.util.function.BiPredicate<Throwable, String> test) {
        for (Throwable t = top; t != null; t = t.getCause()) {
            if (test.test(t, String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** The library's words for a failure, with its cause: what lastError() shows. */
    public static String describe(Throwable error) {
        Throwable t = unwrap(error);
        if (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getCause() != null ? t.getMessage() + " (" + t.getCause().getMessage() + ")" : String.valueOf(t.getMessage());
    }

    private static Optional<Integer> pahoCode(Throwable t) {
        if (t instanceof org.eclipse.paho.mqttv5.common.MqttException e) {
            return Optional.of(e.getReasonCode());
        }
        if (t instanceof org.eclipse.paho.client.mqttv3.MqttException e) {
            return Optional.of(e.getReasonCode());
        }
        return Optional.empty();
    }

    private static String detail(Throwable t) {
        String message = String.valueOf(t.getMessage());
        return t.getCause() != null ? message + " (" + t.getCause().getMessage() + ")" : message;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
