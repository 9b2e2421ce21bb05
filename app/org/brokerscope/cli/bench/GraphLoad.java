package org.brokerscope.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;

/**
 * The Graph view's load: {@code clients} connections, each publishing round-robin to its own
 * {@code topicsPerClient} topics under {@code usine/ligneL/machineM/capteurK}, all together at a steady
 * rate (rate/100 messages every 10 ms). Each client is its own MQTT connection, so the embedded broker
 * reports it and the graph draws it as a node.
 */
final class GraphLoad implements AutoCloseable {
    private final List<BrokerConnection> clients = new ArrayList<>();
    private final int topicsPerClient;

    GraphLoad(String uri, int clientCount, int topicsPerClient) throws Exception {
        this.topicsPerClient = topicsPerClient;
        for (int i = 0; i < clientCount; i++) {
            BrokerConnection c = new PahoV5Connection(ConnectionSettings.of(uri, "machine-" + i), m -> { });
            c.connect().get(10, TimeUnit.SECONDS);
            clients.add(c);
        }
    }

    static String topic(int client, int sensor) {
        return "usine/ligne" + (client / 10) + "/machine" + client + "/capteur" + sensor;
    }

    /** Publishes {@code ratePerSecond} for {@code seconds}, spread over every client and topic. */
    void run(int ratePerSecond, int seconds) throws InterruptedException {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        AtomicLong sent = new AtomicLong();
        long total = (long) ratePerSecond * seconds;
        int perTick = Math.max(1, ratePerSecond / 100);
        byte[] payload = "21.5".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        clock.scheduleAtFixedRate(() -> {
            for (int i = 0; i < perTick && sent.get() < total; i++) {
                long n = sent.getAndIncrement();
                int client = (int) (n % clients.size());
                int sensor = (int) (n / clients.size() % topicsPerClient);
                clients.get(client).publish(topic(client, sensor), payload, 0, false);
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
        while (sent.get() < total) {
            Thread.sleep(50);
        }
        clock.shutdown();
        clock.awaitTermination(1, TimeUnit.SECONDS);
    }

    /** Publishes once to every topic, so the graph has all its nodes before frames are measured. */
    void touchEveryTopic() throws Exception {
        for (int c = 0; c < clients.size(); c++) {
            for (int k = 0; k < topicsPerClient; k++) {
                clients.get(c).publish(topic(c, k), "0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 1, false)
                        .get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() {
        clients.forEach(BrokerConnection::close);
    }
}
