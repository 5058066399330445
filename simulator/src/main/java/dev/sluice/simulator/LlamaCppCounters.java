package dev.sluice.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The counters llama-server adds to its answers: OpenAI's {@code usage} (with a {@code prompt_tokens_details}
 * extra) and its own {@code timings}. Nothing is cached between simulated requests, so every cache count is 0
 * and the whole prompt counts as processed. Durations are pretend but consistent: each rate is the inverse of
 * its per-token time, and generation takes the script's pacing, so a proxy's tokens-per-second maths sees
 * plausible numbers.
 */
final class LlamaCppCounters {

    /** Pretend prompt processing speed: 8,000 tokens a second, a round number in binary and decimal. */
    private static final double PROMPT_MS_PER_TOKEN = 0.125;
    /** Generation never reports faster than 2,000 tokens a second, even with an unpaced script. */
    private static final double MIN_PREDICTED_MS_PER_TOKEN = 0.5;

    private LlamaCppCounters() {
    }

    static ObjectNode usage(Exchange exchange, int promptTokens, int completionTokens) {
        ObjectNode usage = exchange.newObject().put("completion_tokens", completionTokens)
                .put("prompt_tokens", promptTokens).put("total_tokens", promptTokens + completionTokens);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0);
        return usage;
    }

    static ObjectNode timings(Exchange exchange, int promptTokens, Generation generation) {
        double predictedPerToken = Math.max(MIN_PREDICTED_MS_PER_TOKEN, generation.pause().toNanos() / 1e6);
        return exchange.newObject().put("cache_n", 0).put("prompt_n", promptTokens)
                .put("prompt_ms", promptTokens * PROMPT_MS_PER_TOKEN)
                .put("prompt_per_token_ms", PROMPT_MS_PER_TOKEN)
                .put("prompt_per_second", 1e3 / PROMPT_MS_PER_TOKEN)
                .put("predicted_n", generation.tokens())
                .put("predicted_ms", generation.tokens() * predictedPerToken)
                .put("predicted_per_token_ms", predictedPerToken)
                .put("predicted_per_second", 1e3 / predictedPerToken);
    }

    /** Headers llama-server adds to every stream: nginx must not buffer the events. */
    static void beginStream(Exchange exchange) {
        exchange.header("X-Accel-Buffering", "no");
        exchange.beginStream(200, "text/event-stream");
    }
}
