package dev.sluice.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalInt;

/**
 * The facts a simulated Messages answer needs from a request that its platform accepted.
 *
 * @param model       the model to name in the answer (the requested one, or llama.cpp's only one)
 * @param maxTokens   the request's {@code max_tokens}, absent only where the platform does not insist on it
 * @param stream      whether to answer with named server-sent events
 * @param inputTokens words in the system prompt and messages, the simulator's stand-in for a tokenizer
 */
record AnthropicRequest(String model, OptionalInt maxTokens, boolean stream, int inputTokens) {

    static AnthropicRequest of(JsonNode body, String model) {
        JsonNode maxTokens = body.path("max_tokens");
        return new AnthropicRequest(model,
                maxTokens.canConvertToInt() ? OptionalInt.of(maxTokens.asInt()) : OptionalInt.empty(),
                body.path("stream").asBoolean(false), PromptWords.in(body));
    }
}
