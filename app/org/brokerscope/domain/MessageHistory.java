package org.brokerscope.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last messages of one topic, oldest first, as a ring. Owned by the ingest thread like the rest of
 * the tree. The ring starts small and grows to the limit, because most topics of a big broker get a
 * handful of messages and 100 slots each would cost more than the messages.
 *
 * <p>Entries are stored column by column, not as {@link Message} objects: small payloads are copied into
 * one byte buffer per topic and the times and flags into primitive arrays. Keeping every message as an
 * object made almost everything received survive young collections, and at 20,000 msg/s the copying
 * pauses landed on the FX thread's frames. Now the received message dies young and the history is a
 * few long-lived arrays. {@link #toList()} rebuilds messages for the inspector, which asks rarely.
 */
public final class MessageHistory {
    private static final int INITIAL_SLOTS = 4;
    private static final int MIN_BUFFER = 64;
    /** Payloads up to this size are copied into the buffer; a bigger one is kept as it came. */
    static final int INLINE_MAX = 4_096;
    /** What one entry costs beyond its payload: two times, offset, length and flags in their arrays. */
    static final int ENTRY_OVERHEAD = 32;

    private long[] millis = new long[INITIAL_SLOTS];
    private long[] nanos = new long[INITIAL_SLOTS];
    private int[] offset = new int[INITIAL_SLOTS]; // into buffer; -1 when the payload is in large[]
    private int[] length = new int[INITIAL_SLOTS];
    private byte[] flags = new byte[INITIAL_SLOTS]; // QoS in bits 0-1, retained in bit 2
    private MessageProperties[] properties; // made for the first message with MQTT 5 properties
    private byte[][] large; // made for the first payload over INLINE_MAX
    private int head; // slot of the oldest entry
    private int size;
    private long bytes; // payload bytes of all entries, inline or not

    // Inline payloads, oldest first, from bufferStart round the end of the buffer.
    private byte[] buffer = new byte[0];
    private int bufferStart;
    private int bufferUsed;

    /**
     * Adds the newest message, then evicts the oldest ones past either limit; the newest always stays.
     * Returns the change in {@link #cost()}.
     */
    public long add(Message message, HistoryLimits limits) {
        long before = cost();
        if (size == millis.length && size < limits.entries()) {
            growSlots(Math.min(limits.entries(), millis.length * 2));
        }
        if (size == millis.length) {
            evictOldest();
        }
        int slot = (head + size) % millis.length;
        byte[] payload = message.payload();
        millis[slot] = message.receivedAtMillis();
        nanos[slot] = message.receivedAtNanos();
        length[slot] = payload.length;
        flags[slot] = (byte) (message.qos() | (message.retained() ? 4 : 0));
        if (message.properties() != MessageProperties.NONE || properties != null) {
            if (properties == null) {
                properties = new MessageProperties[millis.length];
            }
            properties[slot] = message.properties() == MessageProperties.NONE ? null : message.properties();
        }
        if (payload.length > INLINE_MAX) {
            if (large == null) {
                large = new byte[millis.length][];
            }
            large[slot] = payload; // a Message owns its array and nobody changes it: no copy needed
            offset[slot] = -1;
        } else {
            offset[slot] = append(payload, limits);
        }
        size++;
        bytes += payload.length;
        while (size > 1 && (size > limits.entries() || bytes > limits.bytesPerTopic())) {
            evictOldest();
        }
        shrinkBufferIfSparse();
        return cost() - before;
    }

    /** Estimated heap held: payload bytes, the buffer's free room and {@link #ENTRY_OVERHEAD} per entry. */
    public long cost() {
        return bytes + (buffer.length - bufferUsed) + (long) size * ENTRY_OVERHEAD;
    }

    public int size() {
        return size;
    }

    public long bytes() {
        return bytes;
    }

    /** The entries as messages on {@code topic}, oldest first, in an immutable list safe to hand on. */
    public List<Message> toList(String topic) {
        List<Message> copy = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            copy.add(message(topic, (head + i) % millis.length));
        }
        return List.copyOf(copy);
    }

    /** The newest entry as a message on {@code topic}, or null while the history is empty. */
    public Message newest(String topic) {
        return size == 0 ? null : message(topic, (head + size - 1) % millis.length);
    }

    private Message message(String topic, int slot) {
        MessageProperties props = properties == null || properties[slot] == null ? MessageProperties.NONE : properties[slot];
        return new Message(topic, payload(slot), flags[slot] & 3, (flags[slot] & 4) != 0, props, millis[slot], nanos[slot]);
    }

    private byte[] payload(int slot) {
        if (offset[slot] < 0) {
            return large[slot];
        }
        if (length[slot] == 0) {
            return new byte[0]; // its offset may lie past a shrunk buffer's end
        }
        byte[] out = new byte[length[slot]];
        int first = Math.min(out.length, buffer.length - offset[slot]);
        System.arraycopy(buffer, offset[slot], out, 0, first);
        System.arraycopy(buffer, 0, out, first, out.length - first);
        return out;
    }

    /** Copies the payload after the newest inline one; returns where it starts. */
    private int append(byte[] payload, HistoryLimits limits) {
        int needed = bufferUsed + payload.length;
        if (needed > buffer.length) {
            // Doubling, but no further than a full ring of payloads of the average size so far needs, plus
            // an eighth: a power of two for 100 entries of 100 bytes would leave 6 KB of 16 KB unused.
            long full = Math.min(limits.bytesPerTopic(), (long) needed / (size + 1) * limits.entries());
            long target = Math.min(Math.max(MIN_BUFFER, 2L * buffer.length), Math.max(full + full / 8, needed + needed / 8));
            resizeBuffer((int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, target)));
        }
        int at = buffer.length == 0 ? 0 : (bufferStart + bufferUsed) % buffer.length;
        int first = Math.min(payload.length, buffer.length - at);
        System.arraycopy(payload, 0, buffer, at, first);
        System.arraycopy(payload, first, buffer, 0, payload.length - first);
        bufferUsed += payload.length;
        return at;
    }

    private void evictOldest() {
        if (offset[head] < 0) {
            large[head] = null;
        } else if (buffer.length > 0) {
            // FIFO: the oldest inline payload is always the one at bufferStart.
            bufferStart = (bufferStart + length[head]) % buffer.length;
            bufferUsed -= length[head];
        }
        if (properties != null) {
            properties[head] = null;
        }
        bytes -= length[head];
        head = (head + 1) % millis.length;
        size--;
    }

    // After a burst of larger payloads the buffer would otherwise keep its size for good.
    private void shrinkBufferIfSparse() {
        if (buffer.length > MIN_BUFFER && (long) bufferUsed * 4 < buffer.length) {
            resizeBuffer(Math.max(MIN_BUFFER, bufferUsed * 2));
        }
    }

    /** Moves the inline payloads, oldest first, to the start of a buffer of {@code capacity} bytes. */
    private void resizeBuffer(int capacity) {
        byte[] bigger = new byte[capacity];
        int oldLength = buffer.length;
        if (bufferUsed > 0) {
            int first = Math.min(bufferUsed, oldLength - bufferStart);
            System.arraycopy(buffer, bufferStart, bigger, 0, first);
            System.arraycopy(buffer, 0, bigger, first, bufferUsed - first);
        }
        for (int i = 0; i < size; i++) {
            int slot = (head + i) % millis.length;
            if (offset[slot] >= 0) {
                offset[slot] = oldLength == 0 ? 0 : Math.floorMod(offset[slot] - bufferStart, oldLength);
            }
        }
        buffer = bigger;
        bufferStart = 0;
    }

    private void growSlots(int slots) {
        millis = unroll(millis, slots);
        nanos = unroll(nanos, slots);
        offset = unroll(offset, slots);
        length = unroll(length, slots);
        flags = unroll(flags, slots);
        properties = properties == null ? null : unroll(properties, slots);
        large = large == null ? null : unroll(large, slots);
        head = 0;
    }

    // The oldest entry first, at slot 0, in an array of the new size.
    private long[] unroll(long[] old, int slots) {
        long[] out = new long[slots];
        for (int i = 0; i < size; i++) {
            out[i] = old[(head + i) % old.length];
        }
        return out;
    }

    private int[] unroll(int[] old, int slots) {
        int[] out = new int[slots];
        for (int i = 0; i < size; i++) {
            out[i] = old[(head + i) % old.length];
        }
        return out;
    }

    private byte[] unroll(byte[] old, int slots) {
        byte[] out = new byte[slots];
        for (int i = 0; i < size; i++) {
            out[i] = old[(head + i) % old.length];
        }
        return out;
    }

    private <T> T[] unroll(T[] old, int slots) {
        T[] out = Arrays.copyOf(old, slots);
        for (int i = 0; i < size; i++) {
            out[i] = old[(head + i) % old.length];
        }
        Arrays.fill(out, size, slots, null);
        return out;
    }
}
