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
    private final PresenterWindow presenter;
    private Parent view;

    /** @param background runs the slow commands (restarting the broker to share it) off the FX thread */
    public GraphFeature(AppServices services, I18n i18n, Executor background, Consumer<String> onTopicSelected) {
        this(services, i18n, background, null, onTopicSelected);
    }

    private GraphFeature(AppServices services, I18n i18n, Executor background, GraphFeature previous,
                         Consumer<String> onTopicSelected) {
        this.model = new GraphViewModel(i18n, services::embeddedBroker, services::monitor, services::sensors, background, onTopicSelected);
        this.i18n = i18n;
        if (previous == null) {
            presenter = new PresenterWindow(model, i18n);
        } else {
            // The presenter window may be open on a projector: it stays, in the new language.
            presenter = previous.presenter;
            presenter.follow(model, i18n);
        }
    }

    /** The feature for a rebuilt main window (e.g. a language switch); {@code previous} may be null. */
    public static GraphFeature following(GraphFeature previous, AppServices services, I18n i18n, Executor background,
                                         Consumer<String> onTopicSelected) {
        return new GraphFeature(services, i18n, background, previous, onTopicSelected);
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
            view = FxmlViews.load(new GraphView(model, i18n, presenter), i18n);
        }
        return view;
    }
}
