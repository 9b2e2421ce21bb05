package org.brokerscope.broker;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Lets every client on this machine in, and asks clients from the network for the shared username and
 * password when the teacher set them. Loopback stays open so the app's own connection and its virtual
 * sensors keep working whatever the sharing settings are; the credentials can change without a restart.
 */
final class SharingAuthenticator implements SimpleAuthenticator {
    private volatile Optional<SharedCredentials> required = Optional.empty();

    void require(Optional<SharedCredentials> credentials) {
        required = credentials;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        Optional<SharedCredentials> credentials = required;
        boolean local = input.getConnectionInformation().getInetAddress().map(InetAddress::isLoopbackAddress).orElse(false);
        if (local || credentials.isEmpty()) {
            output.authenticateSuccessfully();
            return;
        }
        String user = input.getConnectPacket().getUserName().orElse("");
        byte[] password = input.getConnectPacket().getPassword().map(SharingAuthenticator::bytes).orElse(new byte[0]);
        boolean ok = MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8),
                credentials.get().username().getBytes(StandardCharsets.UTF_8))
                && MessageDigest.isEqual(password, credentials.get().password().getBytes(StandardCharsets.UTF_8));
        if (ok) {
            output.authenticateSuccessfully();
        } else {
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "Wrong username or password");
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
