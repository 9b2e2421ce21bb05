package org.brokerscope.cli.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;

/**
 * {@code brokerscope bench frames [--view topics|graph|rooms]}: the app's FX frame times while publishers
 * in this process drive its embedded broker. The app runs as a child process with frame statistics on,
 * showing the chosen view (Topics by default). Topics and Rooms: one publisher at 0, 2,000 and 20,000
 * msg/s over 10,000 topics. Graph: 50 clients over 1,000 topics at 0, 500 and 2,000 msg/s, the classroom
 * case and four times it. Needs a display. Topics and Rooms rows also give what was sent so far and the
 * app's ingest counters at that moment, and a last line compares them once the stream has stopped.
 */
public final class FramesBenchmark {
    private static final List<Integer> RATES = List.of(0, 2_000, 20_000);
    private static final int TOPICS = 10_000;
    private static final int DEFAULT_PHASE_SECONDS = 20;
    private static final List<Integer> GRAPH_RATES = List.of(0, 500, 2_000);
    private static final int GRAPH_CLIENTS = 50;
    private static final int GRAPH_TOPICS_PER_CLIENT = 20;
    private static final List<String> VIEWS = List.of("topics", "graph", "rooms");
    private static final List<String> BROKERS = List.of("embedded", "mosquitto", "mosquitto-sub");
    /** The Graph view logs its own work per frame with this prefix (see ui/graph WorkStats). */
    private static final String GRAPH_WORK = "Graph work: ";
    /** The app logs its ingest counters with each frame report (see ui FrameStats). */
    private static final String INGEST = "Ingest: ";

    /** Read by the app at start: which view to show first. */
    public static final String START_VIEW_PROPERTY = "brokerscope.startView";

    private FramesBenchmark() {
    }

    /** Reads {@code --view NAME} (default topics); refuses a view it does not know. */
    public static String viewOption(String[] args) {
        return option(args, "--view", "topics");
    }

    /**
     * Reads {@code --load topics|graph|rooms}: which load to drive, by default the one made for the view. The
     * Graph load with another view shown is the reference for the Graph view's own cost. The Rooms load is
     * {@value RoomsLoad#ROOMS} rooms of numeric readings: the Topics load's binary payloads make no room.
     */
    public static String loadOption(String[] args) {
        String view = viewOption(args);
        return option(args, "--load", view.equals("topics") ? "topics" : view);
    }

    /**
     * Reads {@code --seconds N}, each phase's length (20 by default). At 20,000 msg/s over 10,000 topics the
     * per-topic histories fill (100 messages each) only after 50 s, so a longer phase shows the steady state.
     */
    public static int secondsOption(String[] args) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--seconds")) {
                int seconds = Integer.parseInt(args[i + 1]);
                if (seconds < 6 || seconds > 3_600) {
                    throw new IllegalArgumentException("--seconds must be 6 to 3600, not " + seconds);
                }
                return seconds;
            }
        }
        return DEFAULT_PHASE_SECONDS;
    }

    /**
     * Reads {@code --broker embedded|mosquitto|mosquitto-sub}: where the load goes and the app watches. The
     * embedded broker (the default) runs in the app's own process and heap; {@code mosquitto} is a local
     * Mosquitto this benchmark starts, which the app watches through a selected connection profile, as a
     * user would; {@code mosquitto-sub} is the reference run, where {@code mosquitto_sub} takes that stream.
     */
    public static String brokerOption(String[] args) {
        return option(args, "--broker", "embedded", BROKERS);
    }

    private static String option(String[] args, String name, String fallback) {
        return option(args, name, fallback, VIEWS);
    }

    private static String option(String[] args, String name, String fallback, List<String> allowed) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                if (!allowed.contains(args[i + 1])) {
                    throw new IllegalArgumentException(name + " must be one of " + allowed + ", not " + args[i + 1]);
                }
                return args[i + 1];
            }
        }
        return fallback;
    }

    public static int main(PrintStream out) throws Exception {
        return main(out, "topics", "topics", "embedded", DEFAULT_PHASE_SECONDS);
    }

    public static int main(PrintStream out, String view, String load, String broker, int seconds) throws Exception {
        if (broker.equals("embedded")) {
            return main(out, view, load, Optional.empty(), true, seconds);
        }
        try (LocalMosquitto mosquitto = LocalMosquitto.start("mosquitto")) {
            if (broker.equals("mosquitto")) {
                return main(out, view, load, Optional.of(mosquitto.port()), true, seconds);
            }
            // The reference: the same stream on the same machine, drained by mosquitto_sub, while the app
            // shows the same view but watches its own idle broker. What is left is the machine's share.
            Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(mosquitto.port()),
                    "-t", "#").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                return main(out, view, load, Optional.of(mosquitto.port()), false, seconds);
            } finally {
                ChildProcesses.stop(sub, java.time.Duration.ofSeconds(5));
            }
        }
    }

    private static int main(PrintStream out, String view, String load, Optional<Integer> external, boolean appWatches,
                            int seconds) throws Exception {
        List<String> reports = new CopyOnWriteArrayList<>();
        List<String> workReports = new CopyOnWriteArrayList<>();
        List<String> ingestReports = new CopyOnWriteArrayList<>();
        List<String> rawReports = new CopyOnWriteArrayList<>();
        List<String> properties = List.of("brokerscope.frameStats=true", START_VIEW_PROPERTY + "=" + view);
        Consumer<String> lines = line -> {
            collect(line, reports, workReports);
            int frames = line.indexOf("Frames: ");
            if (frames >= 0) {
                rawReports.add(line.substring(frames + "Frames: ".length()));
            }
            int at = line.indexOf(INGEST);
            if (at >= 0) {
                ingestReports.add(line.substring(at + INGEST.length()));
            }
        };
        try (AppChild app = external.isPresent() && appWatches ? AppChild.startWatching(external.get(), properties, lines)
                : AppChild.start(properties, lines)) {
            int port = external.orElse(app.port());
            Thread.sleep(3_000); // let the window settle after connecting
            out.println("View: " + view + ", load: " + load + ", broker: " + (external.isEmpty() ? "the app's embedded HiveMQ"
                    : appWatches ? "local Mosquitto" : "local Mosquitto drained by mosquitto_sub; the app watches its idle own"));
            if (load.equals("graph")) {
                out.println("| msg/s offered | FX frames p50 | p99 | max | frames over 16.7 ms | graph work per frame |");
                out.println("|---:|---:|---:|---:|---:|---|");
                graphPhases(port, reports, workReports, out, seconds);
                return 0;
            }
            streamPhases(port, load, seconds, new Reports(reports, rawReports, ingestReports), out);
        }
        return 0;
    }

    /** The app's frame reports (formatted and raw) and ingest counters, as its log lines arrive. */
    private record Reports(List<String> frames, List<String> raw, List<String> ingest) {
    }

    private static void streamPhases(int port, String load, int seconds, Reports reports, PrintStream out) throws Exception {
        out.println("| msg/s offered | FX frames p50 | p99 | max | frames over 16.7 ms | msg/s achieved "
                + "| app received | applied | dropped | queued |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        long sent = 0;
        List<String> windows = new java.util.ArrayList<>();
        // The app also subscribes to $SYS/#; count what Mosquitto publishes there to tell it from the stream.
        AtomicLong system = new AtomicLong();
        try (BrokerConnection publisher = new PahoV5Connection(ConnectionSettings.of("tcp://127.0.0.1:" + port,
                "bench-frames-pub"), m -> system.incrementAndGet())) {
            publisher.connect().get(10, TimeUnit.SECONDS);
            publisher.subscribe("$SYS/#", 0).get(10, TimeUnit.SECONDS);
            for (int rate : RATES) {
                reports.frames().clear();
                reports.raw().clear();
                long start = System.nanoTime();
                long phaseSent = rate == 0 ? 0 : publish(publisher, load, rate, seconds);
                if (rate == 0) {
                    Thread.sleep(seconds * 1_000L);
                }
                sent += phaseSent;
                // The first report of a phase straddles the change of rate; quote the last one.
                out.printf("| %,d | %s | %,.0f | %s |%n", rate, last(reports.frames()),
                        phaseSent / ((System.nanoTime() - start) / 1e9), ingestRow(last(reports.ingest())));
                windows.add(FrameWindows.row(rate, FrameWindows.copy(reports.raw())));
            }
            out.println();
            out.println("Every 5-s window of each phase but the first:");
            out.println(FrameWindows.header());
            windows.forEach(out::println);
            settle(out, sent, system.get(), reports.ingest());
        }
    }

    /**
     * After the stream, follows the app's reports (every 5 s) until it has caught up: nothing queued and
     * under 100 more received than in the report before (Mosquitto's $SYS updates still trickle in). At
     * most 45 s. Each report is printed, so the time to catch up shows; a message still missing then was lost.
     */
    private static void settle(PrintStream out, long sent, long system, List<String> ingestReports)
            throws InterruptedException {
        ingestReports.clear();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(45);
        long previous = -1_000;
        int seen = 0;
        while (System.nanoTime() < deadline) {
            if (ingestReports.size() == seen) {
                Thread.sleep(100);
                continue;
            }
            String report = ingestReports.get(seen++);
            long received = count(report, "received");
            out.printf("After the stream, +%.0f s: sent %,d, the broker published about %,d on $SYS; the app received %,d,"
                            + " applied %,d, dropped %,d, failed %,d, queued %,d; sent and $SYS minus received: %,d%n",
                    (System.nanoTime() - start) / 1e9, sent, system, received, count(report, "applied"),
                    count(report, "dropped"), count(report, "failed"), count(report, "queued"), sent + system - received);
            if (count(report, "queued") == 0 && received - previous < 100) {
                return;
            }
            previous = received;
        }
        out.println("After the stream: the app had not caught up within 45 s");
    }

    private static String last(List<String> reports) {
        return reports.isEmpty() ? "no report" : reports.get(reports.size() - 1);
    }

    // "received=1 applied=1 dropped=0 failed=0 queued=0" -> "1 | 1 | 0 | 0"
    private static String ingestRow(String report) {
        if (report.equals("no report")) {
            return "no report | | |";
        }
        return String.format("%,d | %,d | %,d | %,d", count(report, "received"), count(report, "applied"),
                count(report, "dropped"), count(report, "queued"));
    }

    private static long count(String report, String name) {
        for (String pair : report.trim().split(" ")) {
            if (pair.startsWith(name + "=")) {
                return Long.parseLong(pair.substring(name.length() + 1));
            }
        }
        throw new IllegalArgumentException("No " + name + " in \"" + report + "\"");
    }

    private static long publish(BrokerConnection publisher, String load, int rate, int seconds) throws InterruptedException {
        long total = (long) rate * seconds;
        if (load.equals("rooms")) {
            return SteadyPublisher.publish(publisher, RoomsLoad::topic, RoomsLoad.TOPICS, rate, total, RoomsLoad::payload);
        }
        return SteadyPublisher.publish(publisher, "frames/site/t", TOPICS, rate, total, 100);
    }

    private static void graphPhases(int port, List<String> reports, List<String> workReports, PrintStream out, int seconds)
            throws Exception {
        try (GraphLoad load = new GraphLoad("tcp://127.0.0.1:" + port, GRAPH_CLIENTS, GRAPH_TOPICS_PER_CLIENT)) {
            load.touchEveryTopic();
            Thread.sleep(3_000); // the graph lays out its thousand nodes, then frames are measured
            for (int rate : GRAPH_RATES) {
                reports.clear();
                workReports.clear();
                if (rate == 0) {
                    Thread.sleep(seconds * 1_000L);
                } else {
                    load.run(rate, seconds);
                }
                out.printf("| %,d | %s | %s |%n", rate, reports.isEmpty() ? "no report" : reports.get(reports.size() - 1),
                        workReports.isEmpty() ? "no report" : workReports.get(workReports.size() - 1));
            }
        }
    }

    private static void collect(String line, List<String> reports, List<String> workReports) {
        int at = line.indexOf("Frames: ");
        if (at >= 0) {
            reports.add(format(line.substring(at + "Frames: ".length())));
        }
        int work = line.indexOf(GRAPH_WORK);
        if (work >= 0) {
            workReports.add(line.substring(work + GRAPH_WORK.length()));
        }
    }

    // "n=300 p50=16.7 ms p99=17.0 ms max=18.2 ms over16.7=0.3%" -> "16.7 ms | 17.0 ms | 18.2 ms | 0.3%"
    private static String format(String stats) {
        String[] parts = stats.replaceAll("n=\\d+ ", "").replace(" ms", "").split(" ");
        return parts[0].substring(4) + " ms | " + parts[1].substring(4) + " ms | " + parts[2].substring(4) + " ms | "
                + parts[3].substring(parts[3].indexOf('=') + 1);
    }
}
