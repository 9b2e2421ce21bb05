package org.brokerscope.ui.placeholder;

import org.brokerscope.ui.AppView;
import org.brokerscope.ui.I18n;

/** Says plainly that a view is not built yet, and what it will do. */
public record PlaceholderViewModel(String title, String text) {

    public static PlaceholderViewModel forView(AppView view, I18n i18n) {
        return new PlaceholderViewModel(i18n.text("view." + view.id()), i18n.text("placeholder." + view.id()));
    }
}
