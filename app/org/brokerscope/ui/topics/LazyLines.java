package org.brokerscope.ui.topics;

import java.util.function.IntFunction;
import javafx.collections.ObservableListBase;

/**
 * A read-only list whose lines are made when a cell asks for them. A ListView over it shows a 16 MB
 * payload as a million hex lines while holding only the payload: no line exists until it is on screen.
 */
final class LazyLines extends ObservableListBase<String> {
    private final int size;
    private final IntFunction<String> line;

    LazyLines(int size, IntFunction<String> line) {
        this.size = size;
        this.line = line;
    }

    @Override
    public String get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return line.apply(index);
    }

    @Override
    public int size() {
        return size;
    }

    /** Text cut into lines at line breaks and every {@code width} characters, so no cell gets a 16 MB line. */
    static LazyLines ofText(String text, int width) {
        java.util.List<Integer> starts = new java.util.ArrayList<>();
        int start = 0;
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
                start = i + 1;
            } else if (i - start >= width) {
                starts.add(i);
                start = i;
            }
        }
        int[] at = starts.stream().mapToInt(Integer::intValue).toArray();
        return new LazyLines(at.length, i -> {
            int end = i + 1 < at.length ? at[i + 1] : text.length();
            String s = text.substring(at[i], end);
            return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        });
    }
}
