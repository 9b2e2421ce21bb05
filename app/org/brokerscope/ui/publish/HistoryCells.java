package org.brokerscope.ui.publish;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;

/** Cells of the history table. */
final class HistoryCells {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private HistoryCells() {
    }

    /** A history row whose tooltip is the full result, which rarely fits its column. */
    static final class Row extends javafx.scene.control.TableRow<HistoryEntry> {
        @Override
        protected void updateItem(HistoryEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setTooltip(null);
                return;
            }
            javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
            tip.textProperty().bind(Bindings.concat(entry.topic(), "\n", entry.resultProperty()));
            setTooltip(tip);
        }
    }

    /** The result in red when the message was not delivered. */
    static final class Result extends javafx.scene.control.TableCell<HistoryEntry, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            HistoryEntry entry = empty || getTableRow() == null ? null : getTableRow().getItem();
            pseudoClassStateChanged(ERROR, entry != null && entry.failedProperty().get());
        }
    }
}
