package org.brokerscope.cli.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import org.brokerscope.domain.Message;
import org.brokerscope.ingest.IngestPipeline;

/**
 * {@code brokerscope bench memory}: heap held by the ingest path's model per topic, measured after GC
 * with 1k, 10k and 100k distinct topics, each receiving a few messages with 100-byte payloads.
 *
 * <p>Messages are fed straight into the pipeline, not through a broker: the question is what the model
 * keeps, and a broker would only add noise to the heap.
 */
public final class MemoryBenchmark {
    private static final List<Integer> TOPIC_COUNTS = List.of(1_000, 10_000, 100_000);
    private static final int MESSAGES_PER_TOPIC = 3;

    private MemoryBenchmark() {
    }

    public static int main(PrintStream out) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        out.printf("Max heap %,d MB%n%n| Topics | Heap held | Bytes per topic |%n|---:|---:|---:|%n",
                Runtime.getRuntime().maxMemory() >> 20);
        for (int topics : TOPIC_COUNTS) {
            long before = usedAfterGc(memory);
            IngestPipeline pipeline = IngestPipeline.withDefaults().start();
            feed(pipeline, topics);
            long held = usedAfterGc(memory) - before;
            out.printf("| %,d | %,d KB | %,d |%n", topics, held >> 10, held / topics);
            // Read after measuring so the pipeline, and all it holds, is still reachable at the measurement.
            if (pipeline.stats().dropped() > 0) {
                out.println("  (the queue dropped " + pipeline.stats().dropped() + " messages; figure is low)");
            }
            pipeline.close();
        }
        return 0;
    }

    private static void feed(IngestPipeline pipeline, int topics) throws InterruptedException {
        byte[] payload = new byte[100];
        long total = (long) topics * MESSAGES_PER_TOPIC;
        for (long i = 0; i < total; i++) {
            // Paho hands over a fresh array per message; do the same so payloads are not shared.
            pipeline.accept(Message.received("bench/site" + (i % topics) / 100 + "/sensor" + (i % topics),
                    payload.clone(), 0, false));
            while (pipeline.stats().queued() > 50_000) {
                Thread.sleep(1);
            }
        }
        while (pipeline.stats().applied() + pipeline.stats().dropped() < total) {
            Thread.sleep(5);
        }
        pipeline.takeChanges();
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
