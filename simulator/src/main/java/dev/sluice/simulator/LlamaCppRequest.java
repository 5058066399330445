package dev.sluice.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A request body as llama-server reads it, for every generating route. The server has one model, so the
 * {@code model} field is ignored (a proxy cannot rely on a 404 for a wrong name); what it does check, and how it
 * answers, follows the wire-format reference: unparsable JSON is a 500, a missing required field a 400, and a
 * prompt longer than one slot's context a 400 {@code exceed_context_size_error}, even for streams.
 *
 * @param body         the parsed body
 * @param model        the one model the server has
 * @param promptTokens prompt words plus the BOS token llama.cpp puts in front
 * @param stream       whether to answer with server-sent events
 * @param includeUsage OpenAI's {@code stream_options.include_usage}
 * @param limit        the request's token limit, when it set one
 */
record LlamaCppRequest(JsonNode body, SimulatedModel model, int promptTokens, boolean stream, boolean includeUsage,
                       OptionalInt limit) {

    /** The body shapes of llama-server's generating routes: what each requires and where its limit lives. */
    enum Shape {
        CHAT("messages", "'messages' is required", "max_tokens", true),
        TEXT_COMPLETION("prompt", "\"prompt\" is required", "max_tokens", true),
        NATIVE_COMPLETION("prompt", "\"prompt\" must be provided", "n_predict", true),
        MESSAGES("messages", "'messages' is required", "max_tokens", true),
        /** Tokenizing only: nothing is generated, so no slot's context can be exceeded. */
        TOKEN_COUNT("messages", "'messages' is required", "max_tokens", false);

        private final String requiredField;
        private final String missingMessage;
        private final String limitField;
        private final boolean needsSlot;

        Shape(String requiredField, String missingMessage, String limitField, boolean needsSlot) {
            this.requiredField = requiredField;
            this.missingMessage = missingMessage;
            this.limitField = limitField;
            this.needsSlot = needsSlot;
        }
    }

    /** @return empty when the exchange has already been answered with llama.cpp's error */
    static Optional<LlamaCppRequest> read(Exchange exchange, Shape shape) throws IOException {
        List<SimulatedModel> served = LlamaCppPlatform.servedModel(exchange);
        if (served.isEmpty()) {
            // A llama-server without a model is one still loading it: it cannot answer anything else.
            exchange.stack().unhealthy(exchange, 503);
            return Optional.empty();
        }
        String text = exchange.readBodyText();
        if (text.isBlank()) {
            LlamaCppErrors.unparsable(exchange, text, null);
            return Optional.empty();
        }
        JsonNode body;
        try {
            body = exchange.parseJson(text);
        } catch (JsonProcessingException e) {
            LlamaCppErrors.unparsable(exchange, text, e);
            return Optional.empty();
        }
        if (!body.has(shape.requiredField)) {
            exchange.stack().error(exchange, 400, shape.missingMessage);
            return Optional.empty();
        }
        SimulatedModel model = served.get(0);
        // The BOS token counts as prompt: "Once upon a time" is 5 tokens in the capture.
        int promptTokens = PromptWords.in(body) + 1;
        int slotContext = model.contextLength() / LlamaCppPropsRoute.TOTAL_SLOTS;
        if (shape.needsSlot && promptTokens > slotContext) {
            LlamaCppErrors.exceedsContext(exchange, promptTokens, slotContext);
            return Optional.empty();
        }
        JsonNode limit = body.path(shape.limitField);
        return Optional.of(new LlamaCppRequest(body, model, promptTokens, body.path("stream").asBoolean(false),
                body.path("stream_options").path("include_usage").asBoolean(false),
                limit.canConvertToInt() ? OptionalInt.of(limit.asInt()) : OptionalInt.empty()));
    }

    Generation generation(Exchange exchange) {
        return Generation.of(exchange.settings().chatScript(), limit);
    }
}
