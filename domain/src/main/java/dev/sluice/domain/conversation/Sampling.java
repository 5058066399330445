package dev.sluice.domain.conversation;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How to generate: length cap, randomness and where to stop.
 *
 * @param seed a fixed random seed for reproducible sampling (Ollama's {@code options.seed}); empty when not given
 */
public record Sampling(int maxTokens, OptionalDouble temperature, OptionalDouble topP, OptionalInt topK,
                       List<String> stopSequences, OptionalLong seed) {

    public Sampling {
        Objects.requireNonNull(temperature, "temperature");
        Objects.requireNonNull(topP, "topP");
        Objects.requireNonNull(topK, "topK");
        stopSequences = List.copyOf(stopSequences);
        Objects.requireNonNull(seed, "seed");
    }

    /** Sampling without a seed (Anthropic's API has none). */
    public Sampling(int maxTokens, OptionalDouble temperature, OptionalDouble topP, OptionalInt topK,
                    List<String> stopSequences) {
        this(maxTokens, temperature, topP, topK, stopSequences, OptionalLong.empty());
    }
}
