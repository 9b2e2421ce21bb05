package org.brokerscope.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.brokerscope.broker.BrokerOptions;
import org.brokerscope.broker.EmbeddedBroker;
import org.brokerscope.broker.SharedCredentials;
import org.junit.jupiter.api.Test;

/**
 * Who can reach the embedded broker. The kernel's own socket table says what it binds: loopback by
 * default, every interface only while sharing is on. Where this machine allows it (root, iproute2), a
 * second network namespace joined by a veth pair plays a student's laptop: it cannot connect before
 * sharing, is refused without the credentials, gets in with them, and is shut out again when sharing stops.
 */
class BrokerExposureTest {
    private static final SharedCredentials CLASS = new SharedCredentials("classe", "tournesol");

    @Test
    void loopbackByDefaultTheNetworkOnlyWhileSharedAndNeverAnonymouslyWithCredentials() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.onPort(0));
             SecondHost laptop = SecondHost.create()) {
            int port = broker.endpoint().port();
            assertEquals(Set.of("127.0.0.1"), ListeningSockets.on(port), "bound by default");
            if (laptop.available()) {
                assertNotEquals(0, laptop.publish(port, null, null).exitCode(), "nothing to reach before sharing");
            }

            broker.share(true, Optional.of(CLASS));
            assertEquals(Set.of("any"), ListeningSockets.on(port), "bound while shared");
            if (laptop.available()) {
                SecondHost.Result anonymous = laptop.publish(port, null, null);
                assertNotEquals(0, anonymous.exitCode(), "anonymous refused: " + anonymous.output());
                assertTrue(anonymous.output().contains("Bad User Name or Password"), anonymous.output());
                assertNotEquals(0, laptop.publish(port, "classe", "tulipe").exitCode(), "wrong password refused");
                SecondHost.Result student = laptop.publish(port, "classe", "tournesol");
                assertEquals(0, student.exitCode(), "the right credentials get in: " + student.output());
            }

            broker.share(false, Optional.empty());
            assertEquals(Set.of("127.0.0.1"), ListeningSockets.on(port), "bound after sharing stops");
            if (laptop.available()) {
                assertNotEquals(0, laptop.publish(port, "classe", "tournesol").exitCode(), "closed again");
            }
            System.out.println("broker exposure: second network namespace " + (laptop.available()
                    ? "used (" + laptop.describe() + ")" : "not available here: " + laptop.describe()));
        }
    }

    /** A network namespace with a veth pair to this host; unavailable without root or iproute2. */
    static final class SecondHost implements AutoCloseable {
        record Result(int exitCode, String output) {
        }

        private final String namespace;
        private final String hostAddress;
        private final String hostLink;
        private final String why;

        private SecondHost(String namespace, String hostAddress, String hostLink, String why) {
            this.namespace = namespace;
            this.hostAddress = hostAddress;
            this.hostLink = hostLink;
            this.why = why;
        }

        static SecondHost create() {
            long pid = ProcessHandle.current().pid();
            String ns = "bs-expo-" + pid;
            String link = "bsx" + (pid % 100_000);
            String net = "10.213." + (pid % 200) + ".";
            List<List<String>> steps = List.of(
                    List.of("ip", "netns", "add", ns),
                    List.of("ip", "link", "add", link + "a", "type", "veth", "peer", "name", link + "b"),
                    List.of("ip", "link", "set", link + "b", "netns", ns),
                    List.of("ip", "addr", "add", net + "1/30", "dev", link + "a"),
                    List.of("ip", "link", "set", link + "a", "up"),
                    List.of("ip", "netns", "exec", ns, "ip", "addr", "add", net + "2/30", "dev", link + "b"),
                    List.of("ip", "netns", "exec", ns, "ip", "link", "set", link + "b", "up"));
            SecondHost host = new SecondHost(ns, net + "1", link + "a", null);
            for (List<String> step : steps) {
                Result r = run(step);
                if (r.exitCode() != 0) {
                    host.close();
                    return new SecondHost(null, null, null, String.join(" ", step) + " failed: " + r.output().strip());
                }
            }
            return host;
        }

        boolean available() {
            return why == null;
        }

        String describe() {
            return available() ? "namespace " + namespace + ", broker reached at " + hostAddress : why;
        }

        Result publish(int port, String user, String password) {
            List<String> command = new java.util.ArrayList<>(List.of("ip", "netns", "exec", namespace, "mosquitto_pub",
                    "-h", hostAddress, "-p", String.valueOf(port), "-V", "mqttv5", "-t", "lab/hello", "-m", "hi", "-q", "1"));
            if (user != null) {
                command.addAll(List.of("-u", user, "-P", password));
            }
            return run(command);
        }

        private static Result run(List<String> command) {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Result(-1, "timed out: " + out);
                }
                return new Result(p.exitValue(), out);
            } catch (java.io.IOException e) {
                return new Result(-1, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(-1, "interrupted");
            }
        }

        @Override
        public void close() {
            if (namespace != null) {
                run(List.of("ip", "link", "del", hostLink));
                run(List.of("ip", "netns", "del", namespace));
            }
        }
    }
}
