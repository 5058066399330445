package dev.sluice.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * llama-server's OpenAI legacy {@code POST /v1/completions}. Unlike chat, no role chunk opens the stream, the
 * final chunk carries {@code usage} and {@code timings} unasked, and ids still start with {@code chatcmpl-}.
 * The stream ends with {@code data: [DONE]}.
 */
final class LlamaCppTextCompletionRoute implements Route {

    private final LlamaCppIds ids;

    LlamaCppTextCompletionRoute(LlamaCppIds ids) {
        this.ids = ids;
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        Optional<LlamaCppRequest> read = LlamaCppRequest.read(exchange, LlamaCppRequest.Shape.TEXT_COMPLETION);
        if (read.isEmpty()) {
            return;
        }
        LlamaCppRequest request = read.get();
        Generation generation = request.generation(exchange);
        String id = ids.next();
        String finishReason = generation.truncated() ? "length" : "stop";
        if (!request.stream()) {
            exchange.json(200, withCounters(exchange, chunk(exchange, generation.text(), finishReason, request),
                    id, request, generation));
            return;
        }
        EventChunks events = new EventChunks();
        for (int i = 0; i < generation.tokens(); i++) {
            events.add(Sse.data(exchange, chunk(exchange, generation.token(i), null, request).put("id", id)));
        }
        events.add(Sse.data(exchange, withCounters(exchange, chunk(exchange, "", finishReason, request), id, request,
                generation)));
        events.follow(Sse.DONE);
        LlamaCppCounters.beginStream(exchange);
        new PacedWriter(exchange, events, generation.pause()).iterate();
    }

    /** Everything up to {@code object}; the caller appends {@code id} (and counters) in llama-server's order. */
    private static ObjectNode chunk(Exchange exchange, String text, String finishReason, LlamaCppRequest request) {
        ObjectNode body = exchange.newObject();
        ObjectNode choice = body.putArray("choices").addObject().put("text", text).put("index", 0);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        return body.put("created", exchange.epochSecond()).put("model", request.model().name())
                .put("system_fingerprint", LlamaCppPropsRoute.BUILD_INFO).put("object", "text_completion");
    }

    private static ObjectNode withCounters(Exchange exchange, ObjectNode body, String id, LlamaCppRequest request,
                                           Generation generation) {
        body.set("usage", LlamaCppCounters.usage(exchange, request.promptTokens(), generation.tokens()));
        body.put("id", id);
        body.set("timings", LlamaCppCounters.timings(exchange, request.promptTokens(), generation));
        return body;
    }
}
