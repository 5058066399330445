package dev.sluice.domain.metrics;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a backend said about one answer's tokens, read from the tail of its body: counts, generation rate and
 * the backend's own time to first token. Each figure is absent when the answer did not carry it.
 */
public record TokenUsage(OptionalLong inputTokens, OptionalLong outputTokens, OptionalDouble tokensPerSecond,
                         OptionalDouble timeToFirstTokenMillis) {

    public static final TokenUsage NONE = new TokenUsage(OptionalLong.empty(), OptionalLong.empty(),
            OptionalDouble.empty(), OptionalDouble.empty());

    public TokenUsage {
        Objects.requireNonNull(inputTokens, "inputTokens");
        Objects.requireNonNull(outputTokens, "outputTokens");
        Objects.requireNonNull(tokensPerSecond, "tokensPerSecond");
        Objects.requireNonNull(timeToFirstTokenMillis, "timeToFirstTokenMillis");
    }

    public boolean isEmpty() {
        return inputTokens.isEmpty() && outputTokens.isEmpty() && tokensPerSecond.isEmpty()
                && timeToFirstTokenMillis.isEmpty();
    }
}
