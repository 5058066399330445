package dev.sluice.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * llama-server's native {@code POST /completion}: its own field names ({@code content}, {@code stop},
 * {@code tokens_predicted}, {@code tokens_evaluated}), token events marked {@code "id_slot":-1}, and a final
 * event with {@code "stop":true}, the slot, the settings and {@code timings}. The stream has no
 * {@code [DONE]}: a client must stop at {@code "stop":true} or at the end of the body.
 */
final class LlamaCppCompletionRoute implements Route {

    /** Requests take the slots in turn, so consecutive answers name different slots as on a busy server. */
    private final AtomicLong requests = new AtomicLong();

    @Override
    public void handle(Exchange exchange) throws IOException {
        Optional<LlamaCppRequest> read = LlamaCppRequest.read(exchange, LlamaCppRequest.Shape.NATIVE_COMPLETION);
        if (read.isEmpty()) {
            return;
        }
        LlamaCppRequest request = read.get();
        Generation generation = request.generation(exchange);
        int slot = (int) (requests.getAndIncrement() % LlamaCppPropsRoute.TOTAL_SLOTS);
        if (!request.stream()) {
            exchange.json(200, result(exchange, request, generation, slot, generation.text()));
            return;
        }
        EventChunks events = new EventChunks();
        for (int i = 0; i < generation.tokens(); i++) {
            ObjectNode event = exchange.newObject().put("index", 0).put("content", generation.token(i));
            event.putArray("tokens").add(tokenId(generation.token(i)));
            event.put("stop", false).put("id_slot", -1).put("tokens_predicted", i + 1)
                    .put("tokens_evaluated", request.promptTokens());
            events.add(Sse.data(exchange, event));
        }
        events.add(Sse.data(exchange, result(exchange, request, generation, slot, "")));
        LlamaCppCounters.beginStream(exchange);
        new PacedWriter(exchange, events, generation.pause()).iterate();
    }

    /** The final result: whole text when not streaming, empty after a stream (the tokens went out already). */
    private static ObjectNode result(Exchange exchange, LlamaCppRequest request, Generation generation, int slot,
                                     String content) {
        ObjectNode body = exchange.newObject().put("index", 0).put("content", content);
        body.putArray("tokens");
        body.put("id_slot", slot).put("stop", true).put("model", request.model().name())
                .put("tokens_predicted", generation.tokens()).put("tokens_evaluated", request.promptTokens());
        body.set("generation_settings", settings(exchange, request));
        // The prompt comes back detokenized, BOS first: "<s> Once upon a time".
        body.put("prompt", "<s> " + request.body().path("prompt").asText(""))
                .put("has_new_line", generation.text().contains("\n")).put("truncated", false)
                .put("stop_type", generation.truncated() ? "limit" : "eos").put("stopping_word", "")
                // The slot's cache now holds the prompt and every generated token but the last.
                .put("tokens_cached", request.promptTokens() + generation.tokens() - 1);
        body.set("timings", LlamaCppCounters.timings(exchange, request.promptTokens(), generation));
        return body;
    }

    /**
     * The sampler settings the slot ran with, abridged as the reference abridges them: llama-server's defaults,
     * with what the request set.
     */
    private static ObjectNode settings(Exchange exchange, LlamaCppRequest request) {
        return exchange.newObject().put("n_predict", request.limit().orElse(-1))
                .put("seed", request.body().path("seed").asLong(4_294_967_295L))
                .put("temperature", request.body().path("temperature").asDouble(0.8))
                .put("top_k", 40).put("top_p", 0.95).put("min_p", 0.05).put("repeat_last_n", 64)
                .put("repeat_penalty", 1.0).put("stream", request.stream()).put("n_probs", 0);
    }

    /** A stable id in a 32,000-token vocabulary, so the same word is always the same token. */
    static int tokenId(String token) {
        return Math.floorMod(token.hashCode(), 31_000) + 1_000;
    }
}
