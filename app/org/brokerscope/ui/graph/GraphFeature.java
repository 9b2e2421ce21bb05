package org.brokerscope.ui.graph;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.Parent;
import org.brokerscope.AppServices;
import org.brokerscope.ui.Frame;
import org.brokerscope.ui.FxmlViews;
import org.brokerscope.ui.I18n;

/**
 * Builds the Graph view for the shell: its model is fed by the pump from the first frame, the view is
 * loaded the first time it is shown. {@code onTopicSelected} is told the topic a user clicks.
 */
public final class GraphFeature {
    private final GraphViewModel model;
    private final I18n i18n;
    private Parent view;

    /** @param background runs the slow commands (restarting the broker to share it) off the FX thread */
    public GraphFeature(AppServices services, I18n i18n, Executor background, Consumer<String> onTopicSelected) {
        this.model = new GraphViewModel(i18n, services::embeddedBroker, services::monitor, background, onTopicSelected);
        this.i18n = i18n;
    }

    public GraphViewModel model() {
        return model;
    }

    /** The pump listener: call once per frame. */
    public void onFrame(Frame frame) {
        model.onFrame(frame);
    }

    public Parent view() {
        if (view == null) {
            view = FxmlViews.load(new GraphView(model, i18n, new PresenterWindow(model, i18n)), i18n);
        }
        return view;
    }
}
