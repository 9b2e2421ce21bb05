package org.brokerscope.ui.topics;

import java.util.OptionalDouble;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * One payload ready to show in one mode. Lines are lazy, so even a 16 MB payload costs no more than
 * its bytes; {@code note} states any cap or why a mode does not fit, so nothing is cut silently.
 *
 * @param json       the collapsible tree, for JSON; null otherwise
 * @param image      the bytes to decode as an image, for IMAGE; null otherwise
 * @param canShowAll the preview is capped and the full payload can be shown on demand
 */
public record PayloadRendering(PayloadMode mode, ObservableList<String> lines, TreeItem<String> json,
                               byte[] image, OptionalDouble number, String note, boolean canShowAll) {
}
