package org.brokerscope.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Whether the app is being projected: high contrast and large labels. One instance per app, made in
 * {@code BrokerscopeApp}; the Graph's presenter mode (F11) turns it on and off, the Rooms dashboard follows
 * it and can toggle it too, so a teacher projecting either view gets a readable picture.
 */
public final class PresenterTheme {
    /** The style class views add to their root while the theme is on. */
    public static final String STYLE_CLASS = "presenter";
    private final BooleanProperty on = new SimpleBooleanProperty(this, "on", false);

    public BooleanProperty onProperty() {
        return on;
    }

    public boolean isOn() {
        return on.get();
    }

    /** Turns the theme on and off with {@code source} (e.g. the Graph's presenter window showing). */
    public void follow(ObservableBooleanValue source) {
        source.addListener((obs, was, now) -> on.set(now));
    }
}
