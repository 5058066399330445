package dev.sluice.adapters.http.in.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the error bodies hosted APIs send, whatever their shape, so that a caller gets the provider's own words in
 * its own dialect: OpenAI's and Gemini's {@code {"error":{"message":...}}} (Gemini adds {@code status}), Anthropic's
 * {@code {"type":"error","error":{"type":...,"message":...}}}, Bedrock's {@code {"message":...}} (with the
 * exception name in {@code x-amzn-ErrorType}), and plain text from anything else.
 */
public final class ProviderErrors {

    private ProviderErrors() {
    }

    /** The human-readable message, or the body itself when it has none. */
    public static String message(ObjectMapper json, byte[] body) {
        JsonNode root = parse(json, body);
        if (root != null) {
            JsonNode error = root.path("error");
            if (error.isTextual()) {
                return error.asText();
            }
            for (JsonNode candidate : new JsonNode[] {error.path("message"), root.path("message"),
                    root.path("Message"), root.path("detail")}) {
                if (candidate.isTextual()) {
                    return candidate.asText();
                }
            }
        }
        String text = new String(body, StandardCharsets.UTF_8).trim();
        return text.isEmpty() ? "the backend answered with an error and no message" : text;
    }

    /**
     * The provider's name for the error kind ({@code rate_limit_error}, {@code RESOURCE_EXHAUSTED}, ...), when the
     * body says one.
     */
    public static Optional<String> kind(ObjectMapper json, byte[] body) {
        JsonNode root = parse(json, body);
        if (root == null) {
            return Optional.empty();
        }
        JsonNode error = root.path("error");
        for (JsonNode candidate : new JsonNode[] {error.path("type"), error.path("status"), error.path("code"),
                root.path("__type")}) {
            if (candidate.isTextual() && !candidate.asText().isEmpty()) {
                return Optional.of(candidate.asText());
            }
        }
        return Optional.empty();
    }

    private static JsonNode parse(ObjectMapper json, byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            return root != null && root.isObject() ? root : null;
        } catch (IOException e) {
            return null;
        }
    }
}
