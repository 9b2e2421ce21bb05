package org.brokerscope.ui.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonPayloadsTest {

    @Test
    void prettyAndMinifyRoundTrip() {
        String pretty = JsonPayloads.pretty("{\"a\":1,\"b\":[true,null]}");
        assertTrue(pretty.contains("\n") && pretty.contains("\"a\" : 1"), pretty);
        assertEquals("{\"a\":1,\"b\":[true,null]}", JsonPayloads.minify(pretty));
    }

    @Test
    void templatesWithVariablesAreLaidOutWithTheVariablesKept() {
        String template = "{\"n\": {counter}, \"t\": \"at {timestamp}\", \"v\": {random:10:30}}";
        String pretty = JsonPayloads.pretty(template);
        assertTrue(pretty.contains("\"n\" : {counter}") && pretty.contains("\"t\" : \"at {timestamp}\"")
                && pretty.contains("\"v\" : {random:10:30}"), pretty);
        assertEquals("{\"n\":{counter},\"t\":\"at {timestamp}\",\"v\":{random:10:30}}", JsonPayloads.minify(pretty));
    }

    @Test
    void textThatIsNotJsonIsLeftAsItIsAndTheProblemIsLocated() {
        assertEquals("{\"a\": }", JsonPayloads.pretty("{\"a\": }"));
        assertTrue(JsonPayloads.problem("{\n\"a\": }").orElseThrow().startsWith("line 2, column"));
        assertTrue(JsonPayloads.problem("{} x").isPresent(), "trailing text is not JSON");
        assertTrue(JsonPayloads.problem("").isPresent(), "empty is not JSON");
        assertEquals(Optional.empty(), JsonPayloads.problem("\"☀\""));
    }
}
