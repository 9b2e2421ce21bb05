package org.brokerscope.domain.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrokerUrlTest {

    @Test
    void mqttWithCredentialsAndPortFillsEveryField() {
        BrokerUrl url = ok("mqtt://eleve:s3cret@broker.lycee.fr:1884");

        assertEquals(Transport.TCP, url.transport());
        assertEquals("broker.lycee.fr", url.host());
        assertEquals(1884, url.port());
        assertEquals("eleve", url.username());
        assertEquals(Optional.of("s3cret"), url.password());
        assertFalse(url.toString().contains("s3cret"), "a logged URL must not show the password");
    }

    @Test
    void mqttsWithoutPortIsTlsOn8883() {
        BrokerUrl url = ok("mqtts://test.mosquitto.org");

        assertEquals(Transport.SSL, url.transport());
        assertEquals(8883, url.port());
        assertEquals("", url.username());
    }

    @Test
    void webSocketsKeepTheirPath() {
        BrokerUrl ws = ok("ws://localhost:9001/mqtt");
        BrokerUrl wss = ok("wss://broker.example.com/ws/mqtt");

        assertEquals(Transport.WS, ws.transport());
        assertEquals(9001, ws.port());
        assertEquals("/mqtt", ws.webSocketPath());
        assertEquals(Transport.WSS, wss.transport());
        assertEquals(443, wss.port());
        assertEquals("/ws/mqtt", wss.webSocketPath());
    }

    @Test
    void aBareHostOrHostAndPortIsPlainMqtt() {
        assertEquals(1883, ok("192.168.1.20").port());
        assertEquals(1885, ok("raspberrypi.local:1885").port());
        assertEquals("::1", ok("mqtt://[::1]:1883").host());
    }

    @Test
    void percentEncodedCredentialsAreDecoded() {
        BrokerUrl url = ok("mqtt://prof%40lycee:p%3Ass+w@host");

        assertEquals("prof@lycee", url.username());
        assertEquals(Optional.of("p:ss+w"), url.password());
    }

    @Test
    void badUrlsSayWhy() {
        assertEquals(BrokerUrl.Problem.EMPTY, problem("  "));
        assertEquals(BrokerUrl.Problem.UNKNOWN_SCHEME, problem("http://host:1883"));
        assertEquals(BrokerUrl.Problem.BAD_PORT, problem("mqtt://host:99999"));
        assertEquals(BrokerUrl.Problem.BAD_PORT, problem("mqtt://host:abc"));
        assertEquals(BrokerUrl.Problem.NO_HOST, problem("mqtt://:1883"));
        assertEquals(BrokerUrl.Problem.MALFORMED, problem("mqtt://ho st"));
    }

    private static BrokerUrl ok(String text) {
        BrokerUrl.Parsed parsed = BrokerUrl.parse(text);
        return parsed.url().orElseThrow(() -> new AssertionError(text + " refused: " + parsed.problem()));
    }

    private static BrokerUrl.Problem problem(String text) {
        return BrokerUrl.parse(text).problem().orElseThrow(() -> new AssertionError(text + " was accepted"));
    }
}
