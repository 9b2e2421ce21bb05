package org.brokerscope.ui;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.brokerscope.settings.AppSettings;

/**
 * The UI's language: English or French, following the system unless the user chose one. Used on the FX
 * thread only: it caches its compiled message formats without locking.
 */
public final class I18n {
    public static final String BUNDLE = "org.brokerscope.ui.i18n.messages";
    public static final List<String> LANGUAGES = List.of(AppSettings.SYSTEM_LANGUAGE, "en", "fr");

    private final ResourceBundle bundle;
    // Compiling a MessageFormat (and its number formats) costs far more than formatting with it; row
    // updates format on every frame (found with JFR under a 20k msg/s stream).
    private final Map<String, MessageFormat> formats = new HashMap<>();

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
        if (args.length == 0) {
            return bundle.getString(key);
        }
        return formats.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), locale())).format(args);
    }
}
