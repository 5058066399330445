package dev.sluice.domain.model;

import dev.sluice.domain.endpoint.Endpoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Builds discovered models and unification rules for the model tests. */
final class TestModels {

    static final Instant SEEN = Instant.parse("2025-03-01T12:00:00Z");

    /** A small models.yaml: llama/qwen read from names, kimi kept against its deepseek2 architecture. */
    static final UnificationRules RULES = new UnificationRules(
            List.of(new FamilyPattern(Pattern.compile("^(llama|qwen)[-_]?(\\d+(?:\\.\\d+)?)"), 1, 2),
                    new FamilyPattern(Pattern.compile("^(kimi)[-_]?(k\\d+)"), 1, 2)),
            java.util.Map.of("Qwen2", "qwen", "deepseek2", "deepseek", "LlamaForCausalLM", "llama"),
            java.util.Map.of("llama3", "llama"),
            java.util.Map.of("llama", "meta", "qwen", "alibaba"),
            java.util.Map.of("Q4_K_M", "q4km", "Q8_0", "q8"),
            java.util.Map.of("llm", List.of("text"), "embeddings", List.of("embeddings")),
            List.of(new CapabilityPattern(Pattern.compile("coder"), List.of("code"))),
            java.util.Map.of("long_context", 32_768L),
            List.of("kimi"));

    private TestModels() {
    }

    static Builder model(String name) {
        return new Builder(name);
    }

    static EndpointModels served(Endpoint endpoint, DiscoveredModel... models) {
        return new EndpointModels(endpoint, List.of(models), SEEN);
    }

    static final class Builder {
        private final String name;
        private String digest = "";
        private long sizeBytes;
        private String family = "";
        private String parameterSize = "";
        private String quantization = "";
        private String type = "";
        private String arch = "";
        private long contextLength;
        private ModelState state = ModelState.UNKNOWN;

        private Builder(String name) {
            this.name = name;
        }

        Builder digest(String digest) {
            this.digest = digest;
            return this;
        }

        Builder sizeBytes(long sizeBytes) {
            this.sizeBytes = sizeBytes;
            return this;
        }

        Builder family(String family) {
            this.family = family;
            return this;
        }

        Builder parameterSize(String parameterSize) {
            this.parameterSize = parameterSize;
            return this;
        }

        Builder quantization(String quantization) {
            this.quantization = quantization;
            return this;
        }

        Builder type(String type) {
            this.type = type;
            return this;
        }

        Builder arch(String arch) {
            this.arch = arch;
            return this;
        }

        Builder contextLength(long contextLength) {
            this.contextLength = contextLength;
            return this;
        }

        Builder state(ModelState state) {
            this.state = state;
            return this;
        }

        DiscoveredModel build() {
            return new DiscoveredModel(name, digest, sizeBytes, family, parameterSize, quantization, "gguf", type, "",
                    arch, contextLength, state, Optional.empty());
        }
    }
}
