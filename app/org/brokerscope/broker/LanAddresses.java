package org.brokerscope.broker;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The addresses other machines on the network can reach this one at, to show students. */
public final class LanAddresses {
    private LanAddresses() {
    }

    /**
     * IPv4 addresses of the interfaces that are up, not loopback and not link-local (169.254.x.x, which
     * no classroom router hands out); IPv6 is left out because students type these by hand.
     */
    public static List<String> list() {
        List<String> out = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                        out.add(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            // No readable interfaces: the caller says that no network address was found.
        }
        return out;
    }
}
