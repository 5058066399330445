package dev.sluice.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One model in the fleet-wide catalogue, however many endpoints serve it and under whatever names.
 *
 * @param id               the catalogue id: the first native name it was seen under, so clients can use it as-is
 * @param family           normalised family, e.g. {@code llama}; {@code unknown} when no rule matched
 * @param variant          e.g. {@code 3.2}
 * @param quantization     normalised, e.g. {@code q4km}
 * @param type             {@code llm}, {@code vlm} or {@code embeddings}
 * @param maxContextLength 0 when unknown
 */
public record UnifiedModel(
        String id,
        String family,
        String variant,
        String parameterSize,
        long parameterCount,
        String quantization,
        String format,
        String type,
        String publisher,
        String digest,
        long diskSize,
        long maxContextLength,
        List<String> capabilities,
        List<ModelAlias> aliases,
        List<ModelSource> sources,
        Instant lastSeen) {

    public UnifiedModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(parameterSize, "parameterSize");
        Objects.requireNonNull(quantization, "quantization");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(digest, "digest");
        capabilities = List.copyOf(capabilities);
        aliases = List.copyOf(aliases);
        sources = List.copyOf(sources);
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    /** Whether {@code name} is this model's id or any of its aliases, ignoring case. */
    public boolean knownAs(String name) {
        return id.equalsIgnoreCase(name) || aliases.stream().anyMatch(a -> a.name().equalsIgnoreCase(name));
    }

    /** The name the given endpoint knows this model by, if it serves it. */
    public java.util.Optional<String> nativeNameOn(String endpointId) {
        return sources.stream().filter(s -> s.endpoint().id().equals(endpointId)).map(ModelSource::nativeName).findFirst();
    }
}
