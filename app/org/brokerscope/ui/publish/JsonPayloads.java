package org.brokerscope.ui.publish;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JSON checks and layout for the payload editor. Jackson lives here, not in the domain. */
final class JsonPayloads {
    // Trailing tokens ("{} x") are an error: the user would send bytes that no JSON reader accepts.
    private static final ObjectMapper COMPACT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    // A template variable as PayloadTemplate reads one; "{{" (a literal brace) is not one.
    private static final Pattern VARIABLE = Pattern.compile("(?<!\\{)\\{[a-z]+(:[^}]*)?}");

    private JsonPayloads() {
    }

    /** Where and why the text is not JSON ("line 2, column 5: ..."), or empty when it is. */
    static Optional<String> problem(String text) {
        try {
            read(text);
            return Optional.empty();
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            return Optional.of(e.getLocation() == null ? message
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + message);
        }
    }

    /** The same JSON indented, or the text unchanged when it is not JSON. */
    static String pretty(String text) {
        return rewrite(text, PRETTY);
    }

    static String minify(String text) {
        return rewrite(text, COMPACT);
    }

    private static String rewrite(String text, ObjectMapper mapper) {
        try {
            return mapper.writeValueAsString(read(text));
        } catch (JsonProcessingException e) {
            return rewriteTemplate(text, mapper);
        }
    }


    /**
     * Lays out JSON that holds template variables ({"n": {counter}}), which is not JSON until expanded: each
     * variable is swapped for a placeholder (a string outside quotes, bare inside them), and put back after.
     */
    private static String rewriteTemplate(String text, ObjectMapper mapper) {
        List<String> variables = new ArrayList<>();
        List<Boolean> quoted = new ArrayList<>();
        StringBuilder masked = new StringBuilder();
        Matcher m = VARIABLE.matcher(text);
        int last = 0;
        while (m.find()) {
            masked.append(text, last, m.start());
            boolean inString = insideString(text, m.start());
            String placeholder = "__bs_var_" + variables.size() + "__";
            masked.append(inString ? placeholder : '"' + placeholder + '"');
            variables.add(m.group());
            quoted.add(!inString);
            last = m.end();
        }
        if (variables.isEmpty()) {
            return text;
        }
        masked.append(text.substring(last));
        try {
            String out = mapper.writeValueAsString(read(masked.toString()));
            for (int i = variables.size() - 1; i >= 0; i--) {
                String placeholder = "__bs_var_" + i + "__";
                out = out.replace(quoted.get(i) ? '"' + placeholder + '"' : placeholder, variables.get(i));
            }
            return out;
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    // Whether position is inside a JSON string: count the unescaped quotes before it.
    private static boolean insideString(String text, int position) {
        boolean inside = false;
        for (int i = 0; i < position; i++) {
            char c = text.charAt(i);
            if (c == '\\' && inside) {
                i++;
            } else if (c == '"') {
                inside = !inside;
            }
        }
        return inside;
    }

    private static JsonNode read(String text) throws JsonProcessingException {
        JsonNode node = COMPACT.readTree(text);
        if (node == null || node.isMissingNode()) {
            throw new JsonParseException(null, "No JSON value (the text is empty)");
        }
        return node;
    }
}
