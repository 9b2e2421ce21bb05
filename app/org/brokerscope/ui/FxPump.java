package org.brokerscope.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import org.brokerscope.AppServices;
import org.brokerscope.ingest.IngestStats;

/**
 * The one place where live data crosses into JavaFX: once per frame it takes the ingest path's changes
 * and counters and hands them to the views. Nothing calls {@code Platform.runLater} per message.
 */
public final class FxPump {
    private final AppServices services;
    private final List<Consumer<Frame>> listeners = new CopyOnWriteArrayList<>();
    private final FrameStats frameStats = Boolean.getBoolean(FrameStats.PROPERTY) ? new FrameStats() : null;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse(now);
        }
    };

    public FxPump(AppServices services) {
        this.services = services;
    }

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** Replaces the views that get frames, e.g. after the shell is rebuilt in another language. */
    public void setListeners(List<Consumer<Frame>> views) {
        listeners.clear();
        listeners.addAll(views);
    }

    private void pulse(long now) {
        IngestStats stats = services.ingest().stats();
        if (frameStats != null) {
            frameStats.pulse(now, stats);
        }
        Frame frame = new Frame(now, services.status(), services.connectionState(), stats,
                services.ingest().takeChanges());
        for (Consumer<Frame> listener : listeners) {
            listener.accept(frame);
        }
    }
}
