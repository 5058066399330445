package dev.sluice.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One model as a single endpoint reported it, before unification. Text fields are empty and numbers 0 when the
 * platform did not say.
 *
 * @param name          the platform's own name for it, used verbatim in requests to that endpoint
 * @param digest        content hash where the platform gives one (Ollama), so identical weights merge
 * @param sizeBytes     size on disk
 * @param parameterSize e.g. {@code 8B}, {@code 3.2B}
 * @param quantization  as the platform spells it, e.g. {@code Q4_K_M}
 * @param type          {@code llm}, {@code vlm} or {@code embeddings} where the platform says
 * @param contextLength maximum context in tokens
 */
public record DiscoveredModel(
        String name,
        String digest,
        long sizeBytes,
        String family,
        String parameterSize,
        String quantization,
        String format,
        String type,
        String publisher,
        String arch,
        long contextLength,
        ModelState state,
        Optional<Instant> modifiedAt) {

    public DiscoveredModel {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("model name must not be blank");
        }
        digest = Objects.requireNonNullElse(digest, "");
        family = Objects.requireNonNullElse(family, "");
        parameterSize = Objects.requireNonNullElse(parameterSize, "");
        quantization = Objects.requireNonNullElse(quantization, "");
        format = Objects.requireNonNullElse(format, "");
        type = Objects.requireNonNullElse(type, "");
        publisher = Objects.requireNonNullElse(publisher, "");
        arch = Objects.requireNonNullElse(arch, "");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
    }

    /** A model known only by name: what OpenAI-style {@code /v1/models} lists give. */
    public static DiscoveredModel named(String name) {
        return new DiscoveredModel(name, "", 0, "", "", "", "", "", "", "", 0, ModelState.UNKNOWN, Optional.empty());
    }
}
