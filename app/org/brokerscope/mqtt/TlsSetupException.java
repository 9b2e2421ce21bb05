package org.brokerscope.mqtt;

/** A CA, certificate or key file that could not be used; the message names the file and says why. */
public final class TlsSetupException extends Exception {
    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
