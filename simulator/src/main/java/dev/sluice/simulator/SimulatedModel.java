package dev.sluice.simulator;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * One model a simulated backend offers. Each platform renders the same facts in its own discovery shape, so a
 * test can state a model once and check how every adapter maps it.
 *
 * @param name          the platform-native name (Ollama tag, HF repo id, GGUF file name...)
 * @param digest        hex SHA-256, as Ollama reports it; Olla's unifier merges models by digest
 * @param sizeBytes     size on disk
 * @param family        architecture family as Ollama reports it ({@code llama}, {@code qwen2}...)
 * @param parameterSize e.g. {@code 3B}, {@code 360M}
 * @param quantization  e.g. {@code Q4_K_M}
 * @param contextLength max context in tokens
 * @param type          {@code llm}, {@code vlm} or {@code embeddings} (LM Studio's vocabulary)
 * @param loaded        whether the model is resident (Ollama {@code /api/ps}, LM Studio {@code state})
 */
public record SimulatedModel(String name, String digest, long sizeBytes, String family, String parameterSize,
                             String quantization, int contextLength, String type, boolean loaded) {

    private static final Set<String> TYPES = Set.of("llm", "vlm", "embeddings");
    private static final int DEFAULT_CONTEXT_LENGTH = 8192;

    public SimulatedModel {
        requireNonNull(name, "name");
        requireNonNull(digest, "digest");
        requireNonNull(family, "family");
        requireNonNull(parameterSize, "parameterSize");
        requireNonNull(quantization, "quantization");
        requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must be >= 0 but was " + sizeBytes);
        }
        if (contextLength <= 0) {
            throw new IllegalArgumentException("contextLength must be > 0 but was " + contextLength);
        }
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("type must be one of " + TYPES + " but was " + type);
        }
    }

    /**
     * A model whose other facts are guessed from its name, so tests and the CLI can say just
     * {@code "qwen2.5-coder:7b"}. The digest is the SHA-256 of the name: stable across runs, and two backends
     * given the same name look like the same model to a unifier.
     */
    public static SimulatedModel named(String name) {
        requireNonNull(name, "name");
        String parameterSize = ModelNameFacts.parameterSize(name);
        String quantization = ModelNameFacts.quantization(name);
        return new SimulatedModel(name, ModelNameFacts.sha256Hex(name),
                ModelNameFacts.estimatedSizeBytes(parameterSize, quantization), ModelNameFacts.family(name),
                parameterSize, quantization, DEFAULT_CONTEXT_LENGTH, ModelNameFacts.type(name), true);
    }

    public SimulatedModel withLoaded(boolean newLoaded) {
        return new SimulatedModel(name, digest, sizeBytes, family, parameterSize, quantization, contextLength, type,
                newLoaded);
    }

    public SimulatedModel withType(String newType) {
        return new SimulatedModel(name, digest, sizeBytes, family, parameterSize, quantization, contextLength, newType,
                loaded);
    }

    public SimulatedModel withContextLength(int newContextLength) {
        return new SimulatedModel(name, digest, sizeBytes, family, parameterSize, quantization, newContextLength, type,
                loaded);
    }
}
