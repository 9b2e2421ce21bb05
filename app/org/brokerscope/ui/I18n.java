package org.brokerscope.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.brokerscope.settings.AppSettings;

/** The UI's language: English or French, following the system unless the user chose one. */
public final class I18n {
    public static final String BUNDLE = "org.brokerscope.ui.i18n.messages";
    public static final List<String> LANGUAGES = List.of(AppSettings.SYSTEM_LANGUAGE, "en", "fr");

    private final ResourceBundle bundle;

    private I18n(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** @param language {@code system}, {@code en} or {@code fr} */
    public static I18n forLanguage(String language) {
        return new I18n(ResourceBundle.getBundle(BUNDLE, localeFor(language, Locale.getDefault()),
                // Without this, an English choice on a French system would fall back to the French bundle.
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    static Locale localeFor(String language, Locale system) {
        return switch (language) {
            case "fr" -> Locale.FRENCH;
            case "en" -> Locale.ENGLISH;
            default -> system.getLanguage().equals("fr") ? Locale.FRENCH : Locale.ENGLISH;
        };
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
    }

    /** The text for {@code key} with {@code args} filled in, in this language. */
    public String text(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale()).format(args);
    }
}
