package org.brokerscope.ui.publish;

import java.time.Clock;
import java.util.concurrent.Executor;
import javafx.scene.Parent;
import org.brokerscope.AppServices;
import org.brokerscope.settings.ConfigDirectory;
import org.brokerscope.ui.FxmlViews;
import org.brokerscope.ui.I18n;

/** Wiring for the Publish view, so the application class needs one line per step. */
public final class PublishViews {
    private PublishViews() {
    }

    /** The state that outlives window rebuilds; make it once per run. */
    public static PublishSession session(AppServices services, Executor background) {
        return new PublishSession(services::monitor, ConfigDirectory.resolve(), background, Clock.systemDefaultZone());
    }

    public static Parent load(PublishViewModel model, I18n i18n) {
        return FxmlViews.load(new PublishView(model, i18n), i18n);
    }
}
