package org.brokerscope.ui.sensors;

import java.util.concurrent.Executor;
import javafx.scene.Parent;
import org.brokerscope.AppServices;
import org.brokerscope.settings.ProfileStore;
import org.brokerscope.ui.FxmlViews;
import org.brokerscope.ui.I18n;

/** Wires the Sensors view to the app's services, so BrokerscopeApp needs one line per use. */
public final class SensorsViews {
    private SensorsViews() {
    }

    public static SensorsViewModel model(AppServices services, ProfileStore profiles, I18n i18n, Executor background) {
        return new SensorsViewModel(i18n, services::sensors, profiles, background);
    }

    public static Parent load(SensorsViewModel model, I18n i18n) {
        return FxmlViews.load(new SensorsView(model, i18n), i18n);
    }
}
