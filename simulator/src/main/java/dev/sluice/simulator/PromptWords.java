package dev.sluice.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Counts the words of a request's prompt, the simulator's stand-in for a tokenizer: stable across runs and easy
 * for a test to predict. It reads every shape the simulated APIs accept: a {@code prompt} string or list, a
 * {@code system} string or block list (Anthropic), and {@code messages} whose content is a string or a list of
 * {@code {"type":"text","text":...}} blocks.
 */
final class PromptWords {

    private PromptWords() {
    }

    static int in(JsonNode body) {
        StringBuilder text = new StringBuilder();
        append(text, body.path("prompt"));
        append(text, body.path("system"));
        body.path("messages").forEach(message -> append(text, message.path("content")));
        return count(text.toString());
    }

    /** Words in one text or in every text of a list (embedding inputs, prompt batches). */
    static int count(String text) {
        String trimmed = text.trim();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    private static void append(StringBuilder text, JsonNode content) {
        if (content.isTextual()) {
            text.append(' ').append(content.asText());
        } else if (content.isArray()) {
            // A list holds either plain strings (prompt batches) or typed blocks; only text blocks are prompt words.
            content.forEach(item -> append(text, item.isObject() ? item.path("text") : item));
        }
    }
}
