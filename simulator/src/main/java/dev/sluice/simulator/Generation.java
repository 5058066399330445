package dev.sluice.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * What one simulated completion produces: the script's tokens, cut short where the request's own limit
 * ({@code max_tokens}, {@code n_predict}) is lower. Real servers stop there and say so ("length",
 * "max_tokens", "limit"), and a proxy that maps stop reasons needs to see both endings.
 *
 * @param script the backend's chat script at the time of the request
 * @param tokens how many of the script's tokens are generated (at least one)
 */
record Generation(ChatScript script, int tokens) {

    Generation {
        requireNonNull(script, "script");
        if (tokens < 1 || tokens > script.chunks()) {
            throw new IllegalArgumentException("tokens must be 1.." + script.chunks() + " but was " + tokens);
        }
    }

    /** A limit below 1 means none, as llama.cpp reads {@code n_predict: -1}. */
    static Generation of(ChatScript script, OptionalInt limit) {
        int tokens = script.chunks();
        if (limit.isPresent() && limit.getAsInt() >= 1) {
            tokens = Math.min(tokens, limit.getAsInt());
        }
        return new Generation(script, tokens);
    }

    /** Whether the request's limit, not the script's end, stopped generation. */
    boolean truncated() {
        return tokens < script.chunks();
    }

    String token(int index) {
        return script.token(index);
    }

    String text() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < tokens; i++) {
            text.append(script.token(i));
        }
        return text.toString();
    }

    Duration pause() {
        return script.interChunkDelay();
    }
}
