package dev.sluice.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;

/**
 * The few facts a simulated completion needs from a request body: which model, whether to stream, and a
 * deterministic prompt size for usage counters. Shared by every chat and generate route.
 *
 * @param model        the requested model name
 * @param stream       whether the client asked for a stream (absent means the platform's default)
 * @param includeUsage OpenAI's {@code stream_options.include_usage}
 * @param promptTokens whitespace-separated words in the prompt, a stable stand-in for a tokenizer
 * @param body         the whole request, for routes that answer differently to tools or reasoning
 */
record ChatRequest(String model, boolean stream, boolean includeUsage, int promptTokens, JsonNode body) {

    /**
     * Reads the body, answering 400 in the platform's style when it is not JSON or names no model.
     *
     * @param streamByDefault Ollama streams unless told not to; OpenAI-style APIs do the opposite
     * @return empty when the exchange has already been answered with an error
     */
    static Optional<ChatRequest> read(Exchange exchange, boolean streamByDefault) {
        JsonNode body;
        try {
            body = exchange.readJsonBody();
        } catch (IOException e) {
            exchange.stack().error(exchange, 400, "invalid JSON body");
            return Optional.empty();
        }
        if (body == null || !body.isObject() || !body.path("model").isTextual()) {
            exchange.stack().error(exchange, 400, "'model' is required");
            return Optional.empty();
        }
        boolean stream = body.has("stream") ? body.get("stream").asBoolean() : streamByDefault;
        boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
        return Optional.of(new ChatRequest(body.get("model").asText(), stream, includeUsage, PromptWords.in(body), body));
    }

    /** Finds the served model by name, accepting Ollama's implicit {@code :latest} tag. */
    Optional<SimulatedModel> servedBy(Exchange exchange) {
        return ServedModels.named(exchange, model);
    }
}
