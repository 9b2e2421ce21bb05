package org.brokerscope.domain.rooms;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * A room measure's history in buckets of {@code bucketMillis} (min, max and mean of the samples of each
 * bucket) for up to {@code keepMillis}. Full chunks are sealed and never change again, so a
 * {@link SeriesView} shares them and copies only the open chunk: a snapshot costs O(chunks), not
 * O(points), and memory depends on the span and the bucket, never on how fast the sensors publish.
 */
public final class SeriesHistory {
    static final int CHUNK = 256;
    private final long keepMillis;
    private final long bucketMillis;
    private final ArrayDeque<SeriesView.Chunk> sealed = new ArrayDeque<>();
    private long[] times = new long[CHUNK];
    private double[] mins = new double[CHUNK];
    private double[] maxs = new double[CHUNK];
    private double[] sums = new double[CHUNK];
    private int[] counts = new int[CHUNK];
    private int size;

    public SeriesHistory(long keepMillis, long bucketMillis) {
        this.keepMillis = keepMillis;
        this.bucketMillis = bucketMillis;
    }

    public void add(long timeMillis, double value) {
        long second = Math.floorDiv(timeMillis, bucketMillis) * bucketMillis;
        // A late sample (clock skew between publishers) joins the newest bucket rather than reorder history.
        if (size > 0 && second <= times[size - 1]) {
            int i = size - 1;
            mins[i] = Math.min(mins[i], value);
            maxs[i] = Math.max(maxs[i], value);
            sums[i] += value;
            counts[i]++;
            return;
        }
        if (size == CHUNK) {
            seal();
        }
        times[size] = second;
        mins[size] = value;
        maxs[size] = value;
        sums[size] = value;
        counts[size] = 1;
        size++;
        evictBefore(second - keepMillis);
    }

    public SeriesView view() {
        return new SeriesView(List.copyOf(sealed), openChunk());
    }

    private SeriesView.Chunk openChunk() {
        double[] means = new double[size];
        for (int i = 0; i < size; i++) {
            means[i] = sums[i] / counts[i];
        }
        return new SeriesView.Chunk(Arrays.copyOf(times, size), Arrays.copyOf(mins, size), Arrays.copyOf(maxs, size), means);
    }

    private void seal() {
        sealed.addLast(openChunk());
        times = new long[CHUNK];
        mins = new double[CHUNK];
        maxs = new double[CHUNK];
        sums = new double[CHUNK];
        counts = new int[CHUNK];
        size = 0;
    }

    private void evictBefore(long oldest) {
        while (!sealed.isEmpty() && sealed.peekFirst().lastTime() < oldest) {
            sealed.removeFirst();
        }
    }
}
