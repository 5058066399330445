package dev.sluice.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * llama-server's {@code /v1/messages}, after the captures in the wire-format reference: it reads the body like
 * its chat route (model ignored, {@code max_tokens} optional, llama.cpp's own error objects), reports
 * {@code cache_read_input_tokens} in every usage, never pings, and writes each generation step in one go, so
 * the first HTTP chunk holds {@code message_start}, {@code content_block_start} and the first delta, and the
 * last holds the three closing events.
 */
final class LlamaCppAnthropicDialect extends AnthropicDialect {

    private final LlamaCppIds ids;

    LlamaCppAnthropicDialect(LlamaCppIds ids) {
        this.ids = ids;
    }

    @Override
    Optional<AnthropicRequest> accept(Exchange exchange) throws IOException {
        return LlamaCppRequest.read(exchange, LlamaCppRequest.Shape.MESSAGES)
                .map(request -> new AnthropicRequest(request.model().name(), request.limit(), request.stream(),
                        request.promptTokens()));
    }

    @Override
    String messageId(long sequence) {
        return ids.next();
    }

    @Override
    ObjectNode usage(Exchange exchange, int inputTokens, int outputTokens) {
        // Nothing is cached between simulated requests; the field is there because llama-server always sends it.
        return exchange.newObject().put("cache_read_input_tokens", 0).put("input_tokens", inputTokens)
                .put("output_tokens", outputTokens);
    }

    @Override
    boolean pings() {
        return false;
    }

    @Override
    boolean writesStepAtOnce() {
        return true;
    }

    @Override
    void beginStream(Exchange exchange) {
        LlamaCppCounters.beginStream(exchange);
    }
}
