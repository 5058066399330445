package dev.sluice.soak;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads a finished 2xx body and says whether it is whole. Streams must end with their terminator (Ollama's
 * {@code "done":true} line, OpenAI's {@code data: [DONE]}) and their pieces must add up to the script's text:
 * a proxy that drops, duplicates or reorders chunks is caught here, not only one that cuts the stream.
 */
final class BodyCheck {

    private final ObjectMapper json;
    private final String model;
    private final String expectedText;

    BodyCheck(ObjectMapper json, String model, String expectedText) {
        this.json = requireNonNull(json, "json");
        this.model = requireNonNull(model, "model");
        this.expectedText = requireNonNull(expectedText, "expectedText");
    }

    Optional<Problem> ollamaStream(String body) {
        StringBuilder text = new StringBuilder();
        boolean done = false;
        for (String line : body.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (done) {
                return bad("data after the done line: " + line);
            }
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (IOException e) {
                return Optional.of(Problem.of(FailureKind.TRUNCATED, "unparsable NDJSON line: " + line));
            }
            text.append(node.path("message").path("content").asText(""));
            done = node.path("done").asBoolean(false);
        }
        if (!done) {
            return Optional.of(Problem.of(FailureKind.TRUNCATED, "NDJSON ended without a done:true line after '"
                    + text + "'"));
        }
        return sameText(text.toString());
    }

    Optional<Problem> openAiStream(String body) {
        StringBuilder text = new StringBuilder();
        boolean done = false;
        for (String line : body.split("\n")) {
            if (!line.startsWith("data:")) {
                continue;
            }
            String data = line.substring("data:".length()).trim();
            if (done) {
                return bad("event after [DONE]: " + data);
            }
            if (data.equals("[DONE]")) {
                done = true;
                continue;
            }
            try {
                JsonNode choices = json.readTree(data).path("choices");
                if (choices.size() > 0) {
                    text.append(choices.get(0).path("delta").path("content").asText(""));
                }
            } catch (IOException e) {
                return Optional.of(Problem.of(FailureKind.TRUNCATED, "unparsable SSE event: " + data));
            }
        }
        if (!done) {
            return Optional.of(Problem.of(FailureKind.TRUNCATED, "SSE ended without data: [DONE] after '"
                    + text + "'"));
        }
        return sameText(text.toString());
    }

    Optional<Problem> ollamaChat(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (!node.path("done").asBoolean(false)) {
                return bad("no done:true in " + body);
            }
            return sameText(node.path("message").path("content").asText(""));
        } catch (IOException e) {
            return bad("unparsable JSON: " + body);
        }
    }

    Optional<Problem> tags(String body) {
        try {
            for (JsonNode entry : json.readTree(body).path("models")) {
                if (model.equals(entry.path("name").asText()) || model.equals(entry.path("model").asText())) {
                    return Optional.empty();
                }
            }
            return bad("model " + model + " missing from " + body);
        } catch (IOException e) {
            return bad("unparsable JSON: " + body);
        }
    }

    private Optional<Problem> sameText(String text) {
        return text.equals(expectedText) ? Optional.empty()
                : bad("text '" + text + "' is not the script's '" + expectedText + "'");
    }

    private static Optional<Problem> bad(String detail) {
        return Optional.of(Problem.of(FailureKind.BAD_BODY, detail));
    }
}
