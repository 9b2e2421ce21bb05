package org.brokerscope.domain.rooms;

import java.util.List;

/** An immutable look at a {@link SeriesHistory}: one-second buckets, oldest first. */
public record SeriesView(List<Chunk> sealed, Chunk open) {

    public static final SeriesView EMPTY = new SeriesView(List.of(), new Chunk(new long[0], new double[0], new double[0], new double[0]));

    /** Buckets of one second. The arrays are never written after the chunk is made. */
    public record Chunk(long[] times, double[] mins, double[] maxs, double[] means) {
        long lastTime() {
            return times.length == 0 ? Long.MIN_VALUE : times[times.length - 1];
        }
    }

    @FunctionalInterface
    public interface BucketConsumer {
        void accept(long timeMillis, double min, double max, double mean);
    }

    /** Calls {@code consumer} for every bucket in [from, to], oldest first. */
    public void forEach(long fromMillis, long toMillis, BucketConsumer consumer) {
        for (Chunk c : sealed) {
            if (c.lastTime() >= fromMillis) {
                each(c, fromMillis, toMillis, consumer);
            }
        }
        each(open, fromMillis, toMillis, consumer);
    }

    public int bucketCount() {
        return sealed.stream().mapToInt(c -> c.times().length).sum() + open.times().length;
    }

    private static void each(Chunk c, long from, long to, BucketConsumer consumer) {
        long[] t = c.times();
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= from && t[i] <= to) {
                consumer.accept(t[i], c.mins()[i], c.maxs()[i], c.means()[i]);
            }
        }
    }
}
