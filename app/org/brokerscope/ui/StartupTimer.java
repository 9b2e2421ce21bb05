package org.brokerscope.ui;

/**
 * Logs how long the user waited: launch to a visible window, and launch to the first live value on
 * screen. These are the start-up figures quoted in the docs.
 */
public final class StartupTimer {
    private static final System.Logger LOG = System.getLogger(StartupTimer.class.getName());

    private final long launchEpochMillis;
    private boolean firstValueSeen;

    /** @param launchEpochMillis when the JVM started */
    public StartupTimer(long launchEpochMillis) {
        this.launchEpochMillis = launchEpochMillis;
    }

    public void windowShown() {
        LOG.log(System.Logger.Level.INFO, "Window shown {0} ms after launch", System.currentTimeMillis() - launchEpochMillis);
    }

    public void onFrame(Frame frame) {
        if (!firstValueSeen && !frame.changes().isEmpty()) {
            firstValueSeen = true;
            LOG.log(System.Logger.Level.INFO, "First live value shown {0} ms after launch",
                    System.currentTimeMillis() - launchEpochMillis);
        }
    }
}
