package org.brokerscope.ui;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Shows values of a choice box or combo box as text; the user picks, never types, so there is no parsing. */
public final class ReadOnlyConverter {
    private ReadOnlyConverter() {
    }

    public static <T> StringConverter<T> of(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
