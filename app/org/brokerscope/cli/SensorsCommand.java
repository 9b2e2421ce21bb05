package org.brokerscope.cli;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.sim.SensorConnector;
import org.brokerscope.sim.SensorFleet;
import org.brokerscope.sim.SensorSpec;
import org.brokerscope.sim.SensorState;
import org.brokerscope.sim.SensorStatus;
import org.brokerscope.sim.SimClock;
import org.brokerscope.sim.scenario.Scenario;
import org.brokerscope.sim.scenario.ScenarioFiles;
import org.brokerscope.sim.scenario.Scenarios;

/**
 * {@code brokerscope sensors}: the virtual sensors without a window, e.g. on a teacher's machine or a
 * Raspberry Pi. Prints a line per second with the totals; Ctrl-C stops the sensors cleanly.
 */
final class SensorsCommand {
    private static final DateTimeFormatter SIM_TIME = DateTimeFormatter.ofPattern("EEE HH:mm").withZone(ZoneOffset.UTC);

    private final PrintStream out;
    private final PrintStream err;

    SensorsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        SensorsOptions options;
        Scenario scenario;
        try {
            options = SensorsOptions.parse(args);
            scenario = scenario(options);
        } catch (IllegalArgumentException | ScenarioFiles.ScenarioException e) {
            err.println(e.getMessage());
            err.println(SensorsOptions.USAGE);
            return 2;
        }
        ConnectionSettings broker = ConnectionSettings.of(options.serverUri(), "sensors");
        if (options.username().isPresent()) {
            broker = broker.withCredentials(options.username().get(), options.password().orElse("").toCharArray());
        }
        double speed = options.speed().orElse(scenario.acceleration());
        SensorFleet fleet = new SensorFleet(broker, SensorConnector.paho(), SimClock.realTime());
        fleet.clock().setAcceleration(speed);
        ConnectionSettings target = broker;
        List<WeatherRun> weather = new ArrayList<>();
        options.weather().ifPresent(w -> weather.add(WeatherRun.start(w, target, out)));
        scenario.weather().forEach(w -> weather.add(WeatherRun.start(w.settings(), target, out)));
        try {
            return runUntilStopped(fleet, scenario, options, weather);
        } finally {
            weather.forEach(WeatherRun::close);
        }
    }

    private int runUntilStopped(SensorFleet fleet, Scenario scenario, SensorsOptions options, List<WeatherRun> weather) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            weather.forEach(WeatherRun::close);
            stop(fleet, stopped);
        }, "brokerscope-sensors-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        scenario.sensors().forEach(s -> fleet.add(onCommandLineBroker(s)));
        out.printf("Starting %d sensors (scenario %s) on %s; time runs %s× real time. Ctrl-C stops them.%n",
                scenario.sensors().size(), scenario.name(), options.serverUri(), format(fleet.clock().acceleration()));
        fleet.startAll().thenRun(() -> reportConnected(fleet));
        long end = options.duration().map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
        long lastPublished = 0;
        try {
            while (!stopped.await(1, TimeUnit.SECONDS) && System.nanoTime() - end < 0) {
                lastPublished = printSecond(fleet, lastPublished);
                weather.forEach(WeatherRun::printProblem);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopped.getCount() > 0) {
            Runtime.getRuntime().removeShutdownHook(hook);
            stop(fleet, stopped);
        }
        return 0;
    }

    /** Saved connection profiles belong to the app; here every sensor publishes to --broker, and says so. */
    private SensorSpec onCommandLineBroker(SensorSpec spec) {
        if (spec.broker().isEmpty()) {
            return spec;
        }
        out.printf("Sensor %s names the connection profile \"%s\"; from the command line it publishes to --broker.%n",
                spec.id(), spec.broker().get());
        return spec.toBuilder().broker(Optional.empty()).build();
    }

    private void reportConnected(SensorFleet fleet) {
        List<SensorStatus> all = fleet.statuses();
        List<SensorStatus> failed = all.stream().filter(s -> s.state() == SensorState.FAILED).toList();
        out.printf("Connected %d of %d sensors.%n", all.size() - failed.size(), all.size());
        failed.stream().limit(5).forEach(s -> err.printf("  %s could not connect: %s%n", s.id(), s.error().orElse("?")));
    }

    private long printSecond(SensorFleet fleet, long lastPublished) {
        List<SensorStatus> all = fleet.statuses();
        long published = all.stream().mapToLong(SensorStatus::published).sum();
        long failed = all.stream().mapToLong(SensorStatus::failed).sum();
        long running = all.stream().filter(s -> s.state() == SensorState.RUNNING).count();
        out.printf("%s  sim %s  running %d/%d  %,d msg/s  total %,d  failed %,d%n",
                LocalTime.now().truncatedTo(ChronoUnit.SECONDS), SIM_TIME.format(fleet.clock().now()), running, all.size(),
                published - lastPublished, published, failed);
        return published;
    }

    private void stop(SensorFleet fleet, CountDownLatch stopped) {
        if (stopped.getCount() == 0) {
            return;
        }
        out.println("Stopping: each sensor publishes offline…");
        fleet.close();
        out.printf("Stopped %d sensors; %,d messages published.%n", fleet.sensors().size(), fleet.publishedCount());
        out.flush();
        stopped.countDown();
    }

    private static Scenario scenario(SensorsOptions options) throws ScenarioFiles.ScenarioException {
        if (options.scenarioFile().isPresent()) {
            return ScenarioFiles.read(options.scenarioFile().get());
        }
        return Scenarios.byName(options.scenario(), options.count(), options.seed()).orElseThrow(() ->
                new IllegalArgumentException("Unknown scenario: " + options.scenario() + " (built in: "
                        + String.join(", ", Scenarios.NAMES) + ", or a .json file)"));
    }

    private static String format(double speed) {
        return speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed);
    }
}
