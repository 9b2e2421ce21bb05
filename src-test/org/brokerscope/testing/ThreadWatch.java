package org.brokerscope.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Finds threads that a piece of code started and left running. Take a {@link #snapshot()} before, run
 * the code, then {@link #awaitNoneLeft} with a filter: threads are compared by identity, so a thread
 * that happens to reuse an old name still counts as new.
 */
public final class ThreadWatch {
    private static final int FRAMES_SHOWN = 8;

    private final Set<Thread> before;

    private ThreadWatch(Set<Thread> before) {
        this.before = before;
    }

    public static ThreadWatch snapshot() {
        Set<Thread> live = Collections.newSetFromMap(new IdentityHashMap<>());
        live.addAll(Thread.getAllStackTraces().keySet());
        return new ThreadWatch(live);
    }

    /** Threads alive now that were not alive at the snapshot and match {@code filter}. */
    public List<Thread> startedSince(Predicate<Thread> filter) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t) && filter.test(t))
                .toList();
    }

    /** Waits until no new thread matching {@code filter} is alive, and fails listing them if some stay. */
    public void awaitNoneLeft(Duration timeout, Predicate<Thread> filter, String what) {
        Eventually.await(timeout, () -> startedSince(filter).isEmpty(),
                () -> what + " still alive:\n" + describe(startedSince(filter)));
    }

    public static Predicate<Thread> nonDaemon() {
        return t -> !t.isDaemon();
    }

    /** Paho names its threads "MQTT Rec: <client>", "MQTT Call: <client>", "MQTT Ping: <client>", ... */
    public static Predicate<Thread> mqttClientThreads() {
        return t -> {
            String name = t.getName().toLowerCase(Locale.ROOT);
            return name.contains("mqtt") || name.contains("paho");
        };
    }

    /** Name, state, daemon flag and the top stack frames of each thread: enough to tell who owns it. */
    public static String describe(List<Thread> threads) {
        Map<Thread, StackTraceElement[]> stacks = Thread.getAllStackTraces();
        return threads.stream().map(t -> "  \"" + t.getName() + "\" " + t.getState()
                        + (t.isDaemon() ? " daemon" : " non-daemon")
                        + Arrays.stream(stacks.getOrDefault(t, new StackTraceElement[0]))
                                .limit(FRAMES_SHOWN)
                                .map(f -> "\n      at " + f)
                                .collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
    }
}
