package org.brokerscope;

import java.util.List;
import java.util.Optional;

/**
 * What the app is doing, as the status bar shows it. Immutable; {@link AppServices} swaps in a new one
 * at each step and the UI polls it once per frame.
 *
 * @param phase     where start-up or shut-down stands
 * @param brokerUrl the broker the app watches, once known
 * @param notice    something the user should know but that is not an error, e.g. a port change
 * @param error     why start-up failed
 */
public record AppStatus(Phase phase, Optional<String> brokerUrl, Optional<Notice> notice, Optional<String> error) {

    public enum Phase { IDLE, STARTING_BROKER, CONNECTING, RUNNING, FAILED, STOPPING, STOPPED }

    /** A notice the UI translates; {@code arguments} are filled into the localised text. */
    public record Notice(Kind kind, List<String> arguments) {
        /**
         * {@code SETTINGS_BACKED_UP}: the backup's name. {@code FILE_UNREADABLE}: the file's name and why it
         * could not be read; it is left in place and not saved over.
         */
        public enum Kind { PORT_TAKEN, SETTINGS_BACKED_UP, FILE_UNREADABLE }

        public Notice {
            arguments = List.copyOf(arguments);
        }
    }

    public static final AppStatus IDLE = new AppStatus(Phase.IDLE, Optional.empty(), Optional.empty(), Optional.empty());

    AppStatus with(Phase newPhase) {
        return new AppStatus(newPhase, brokerUrl, notice, error);
    }

    AppStatus withBroker(String url, Optional<Notice> newNotice) {
        return new AppStatus(phase, Optional.of(url), newNotice.or(() -> notice), error);
    }

    AppStatus failed(String why) {
        return new AppStatus(Phase.FAILED, brokerUrl, notice, Optional.of(why));
    }

    AppStatus withNotice(Notice newNotice) {
        return new AppStatus(phase, brokerUrl, Optional.of(newNotice), error);
    }
}
