package org.brokerscope.ui.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Optional;

/** JSON checks and layout for the payload editor. Jackson lives here, not in the domain. */
final class JsonPayloads {
    // Trailing tokens ("{} x") are an error: the user would send bytes that no JSON reader accepts.
    private static final ObjectMapper COMPACT = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
            return text;
        }
    }

    private static JsonNode read(String text) throws JsonProcessingException {
        JsonNode node = COMPACT.readTree(text);
        if (node == null || node.isMissingNode()) {
            throw new com.fasterxml.jackson.core.JsonParseException(null, "No JSON value (the text is empty)");
        }
        return node;
    }
}
