package dev.sluice.adapters.http.in.dialect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * The JSON chores every dialect codec shares: writing a tree we built, reading an object a model wrote, reading a
 * backend's whole answer.
 */
final class DialectJson {

    private DialectJson() {
    }

    /** Bytes of a value we built ourselves: failing to write it is a bug, not bad input. */
    static byte[] write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JSON object from text a model or client produced (tool arguments, a schema): anything that is not an object,
     * or not JSON at all, becomes an empty object rather than an unreadable request or answer.
     */
    static JsonNode objectOrEmpty(ObjectMapper json, String text) {
        try {
            JsonNode node = json.readTree(text);
            return node != null && node.isObject() ? node : json.createObjectNode();
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }

    /** A backend's whole answer as a tree; one that is not JSON cannot be translated. */
    static JsonNode answer(ObjectMapper json, byte[] body) throws InvalidRequest {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new InvalidRequest("the backend's answer is not JSON: " + e.getMessage());
        }
    }
}
