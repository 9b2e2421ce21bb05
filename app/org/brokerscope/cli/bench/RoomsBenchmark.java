package org.brokerscope.cli.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.MessageProperties;
import org.brokerscope.domain.rooms.RoomsModel;

/**
 * {@code brokerscope bench rooms}: what the rooms model costs the ingest thread per message, and what one
 * snapshot of 100 rooms costs the rooms scheduler, in CPU time of the measuring thread, so that other
 * load on the machine does not count. 100 rooms of 3 measures, plain, unit and JSON payloads, 10 msg/s each.
 */
public final class RoomsBenchmark {
    private static final int ROOMS = 100;
    private static final int MESSAGES = 1_000_000;
    private static final int RUNS = 5;

    private RoomsBenchmark() {
    }

    public static int main(PrintStream out) {
        String[] measures = {"temperature", "humidity", "co2"};
        String[] payloads = {"21,5", "45 %", "{\"value\": 650}"};
        Message[] messages = new Message[ROOMS * measures.length];
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        out.println("| run | apply, CPU µs/message | messages/s one core can take | snapshot of 100 rooms, CPU ms |");
        out.println("|---:|---:|---:|---:|");
        for (int run = 1; run <= RUNS; run++) {
            RoomsModel model = new RoomsModel(RoomsModel.Options.defaults());
            long t0 = System.currentTimeMillis();
            long start = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < MESSAGES; i++) {
                int k = i % messages.length;
                // A new record per message, as the MQTT callback makes; receive times advance 10 ms a message.
                model.apply(new Message("lycee/bat" + (k / 30) + "/salle" + (k / 3) + "/" + measures[k % 3],
                        payloads[k % 3].getBytes(StandardCharsets.UTF_8), 0, false, MessageProperties.NONE, t0 + i / 100, 0));
            }
            double applyMicros = (cpu.getCurrentThreadCpuTime() - start) / 1_000.0 / MESSAGES;
            long snapStart = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < 20; i++) {
                model.snapshot(t0 + MESSAGES / 100);
            }
            double snapshotMillis = (cpu.getCurrentThreadCpuTime() - snapStart) / 1e6 / 20;
            out.printf("| %d | %.2f | %,.0f | %.2f |%n", run, applyMicros, 1e6 / applyMicros, snapshotMillis);
        }
        return 0;
    }
}
