package org.brokerscope.ui;

/** The views the shell navigates between, in sidebar order; Ctrl/Cmd+1..5 selects them. */
public enum AppView {
    TOPICS("topics"),
    GRAPH("graph"),
    ROOMS("rooms"),
    SENSORS("sensors"),
    PUBLISH("publish");

    private final String id;

    AppView(String id) {
        this.id = id;
    }

    /** Used in resource keys ({@code view.topics}) and CSS ids ({@code nav-topics}). */
    public String id() {
        return id;
    }
}
