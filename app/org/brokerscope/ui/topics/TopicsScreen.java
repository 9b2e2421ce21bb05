package org.brokerscope.ui.topics;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.Parent;
import org.brokerscope.AppServices;
import org.brokerscope.ui.Frame;
import org.brokerscope.ui.FxmlViews;
import org.brokerscope.ui.I18n;

/**
 * Everything the Topics view needs, built in one call by the app. The subscriptions model is passed in
 * because it outlives the window (a language switch rebuilds the view, not the subscriptions).
 *
 * @param model the tree's model; other views call {@link TopicsViewModel#select(String)} on it
 */
public record TopicsScreen(TopicsViewModel model, SubscriptionsViewModel subscriptions, I18n i18n) {

    /**
     * @param background runs topic searches and full payload decoding off the FX thread
     * @param publishTo  "Publish to this topic": opens the publish form pre-filled with the topic
     */
    public static TopicsScreen create(AppServices services, I18n i18n, Executor background,
                                      SubscriptionsViewModel subscriptions, Consumer<String> publishTo) {
        return new TopicsScreen(new TopicsViewModel(i18n, services.ingest(), services::monitor, background, publishTo),
                subscriptions, i18n);
    }

    public Parent view() {
        return FxmlViews.load(new TopicsView(model, subscriptions, i18n), i18n);
    }

    /** Once per frame, from the FX pump. */
    public void onFrame(Frame frame) {
        model.onFrame(frame);
        subscriptions.onFrame(frame);
    }
}
