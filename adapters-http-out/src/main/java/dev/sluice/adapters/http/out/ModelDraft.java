package dev.sluice.adapters.http.out;

import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.ModelState;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@link DiscoveredModel} being filled in from one list entry. Parsers read whatever fields the platform sent,
 * in any order and from more than one place (llama.cpp spreads one model over two arrays), so a mutable draft
 * that only keeps the first non-empty value of each fact reads better than a 13-argument constructor call.
 */
final class ModelDraft {

    private final String name;
    private String digest = "";
    private long sizeBytes;
    private String family = "";
    private String parameterSize = "";
    private String quantization = "";
    private String format = "";
    private String type = "";
    private String publisher = "";
    private String arch = "";
    private long contextLength;
    private ModelState state = ModelState.UNKNOWN;
    private Optional<Instant> modifiedAt = Optional.empty();

    ModelDraft(String name) {
        this.name = name;
    }

    ModelDraft digest(String value) {
        digest = firstNonEmpty(digest, value);
        return this;
    }

    ModelDraft sizeBytes(long value) {
        sizeBytes = sizeBytes > 0 ? sizeBytes : Math.max(0, value);
        return this;
    }

    ModelDraft family(String value) {
        family = firstNonEmpty(family, value);
        return this;
    }

    ModelDraft parameterSize(String value) {
        parameterSize = firstNonEmpty(parameterSize, value);
        return this;
    }

    ModelDraft quantization(String value) {
        quantization = firstNonEmpty(quantization, value);
        return this;
    }

    ModelDraft format(String value) {
        format = firstNonEmpty(format, value);
        return this;
    }

    ModelDraft type(String value) {
        type = firstNonEmpty(type, value);
        return this;
    }

    ModelDraft publisher(String value) {
        publisher = firstNonEmpty(publisher, value);
        return this;
    }

    ModelDraft arch(String value) {
        arch = firstNonEmpty(arch, value);
        return this;
    }

    ModelDraft contextLength(long value) {
        contextLength = contextLength > 0 ? contextLength : Math.max(0, value);
        return this;
    }

    ModelDraft state(ModelState value) {
        if (state == ModelState.UNKNOWN) {
            state = value;
        }
        return this;
    }

    ModelDraft modifiedAt(Optional<Instant> value) {
        modifiedAt = modifiedAt.isPresent() ? modifiedAt : value;
        return this;
    }

    DiscoveredModel build() {
        return new DiscoveredModel(name, digest, sizeBytes, family, parameterSize, quantization, format, type,
                publisher, arch, contextLength, state, modifiedAt);
    }

    private static String firstNonEmpty(String current, String candidate) {
        return current.isEmpty() && candidate != null ? candidate.trim() : current;
    }
}
