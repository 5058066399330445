package dev.sluice.domain.model;

import dev.sluice.domain.pattern.Glob;
import static dev.sluice.domain.model.TestModels.RULES;
import static dev.sluice.domain.model.TestModels.SEEN;
import static dev.sluice.domain.model.TestModels.model;
import static dev.sluice.domain.model.TestModels.served;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.TestFleet;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.pattern.Glob;
import dev.sluice.domain.profile.ContextPattern;
import dev.sluice.domain.profile.Profile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the unifier reads out of each model, driven through {@link ModelUnifier} as production does. */
class ModelNameReaderTest {

    private final Endpoint ollama = TestFleet.endpoint("ollama-a").build();

    private UnifiedModel unified(DiscoveredModel discovered) {
        return unified(ollama, discovered);
    }

    private static UnifiedModel unified(Endpoint endpoint, DiscoveredModel discovered) {
        return new ModelUnifier(RULES).unify(List.of(served(endpoint, discovered)), SEEN).models().get(0);
    }

    @Nested
    class FamilyAndVariant {

        @ParameterizedTest(name = "{0} -> {1} {2}")
        @CsvSource({
                "qwen2.5-coder:7b, qwen,  2.5",
                "llama3.2:3b,      llama, 3.2",
                "Llama-3.1-8B,     llama, 3.1",
                "kimi-k2:latest,   kimi,  k2",
        })
        void readFromTheNameByAFamilyPattern(String name, String family, String variant) {
            UnifiedModel model = unified(model(name).build());

            assertThat(model.family()).isEqualTo(family);
            assertThat(model.variant()).isEqualTo(variant);
        }

        @Test
        void mappedArchitectureBeatsTheFamilyInTheName() {
            // A llama-named fine-tune of qwen weights is a qwen; the mapping key matches ignoring case.
            UnifiedModel model = unified(model("llama3-finetune").arch("QWEN2").build());

            assertThat(model.family()).isEqualTo("qwen");
            assertThat(model.variant()).isEqualTo("3");
        }

        @Test
        void preservedFamilyBeatsTheArchitecture() {
            UnifiedModel model = unified(model("kimi-k2").arch("deepseek2").build());

            assertThat(model.family()).isEqualTo("kimi");
        }

        @Test
        void unpreservedFamilyYieldsToTheSameArchitecture() {
            UnifiedModel model = unified(model("llama3.1:8b").arch("deepseek2").build());

            assertThat(model.family()).isEqualTo("deepseek");
        }

        @Test
        void architectureBeatsTheReportedFamilyField() {
            UnifiedModel model = unified(model("some-model").arch("LlamaForCausalLM").family("gemma").build());

            assertThat(model.family()).isEqualTo("llama");
        }

        @Test
        void reportedFamilyIsUsedWhenNoPatternMatches_throughFamilyAliases() {
            assertThat(unified(model("my-model").family("Llama3").build()).family()).isEqualTo("llama");
            assertThat(unified(model("my-model").family("gemma3").build()).family()).isEqualTo("gemma3");
        }

        @Test
        void familyIsUnknownWhenNothingSays() {
            UnifiedModel model = unified(model("mystery").build());

            assertThat(model.family()).isEqualTo("unknown");
            assertThat(model.variant()).isEmpty();
        }

        @Test
        void publisherFollowsFromTheFamily() {
            assertThat(unified(model("qwen2.5:7b").build()).publisher()).isEqualTo("alibaba");
            assertThat(unified(model("mystery").build()).publisher()).isEmpty();
        }
    }

    @Nested
    class Quantization {

        @ParameterizedTest(name = "reported {0} -> {1}")
        @CsvSource({
                "Q4_K_M, q4km",   // via mapping
                "q4_k_m, q4km",   // mapping keys match ignoring case
                "Q8_0,   q8",     // via mapping, which differs from the fallback
                "Q5_K_S, q5ks",   // unmapped: lower case, underscores dropped
        })
        void reportedQuantizationIsNormalised(String reported, String expected) {
            assertThat(unified(model("m").quantization(reported).build()).quantization()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "Meta-Llama-3-8B-Instruct-Q4_K_M.gguf, q4km",
                "mistral-7b-instruct.Q8_0.gguf,        q8",
                "qwen2.5-coder-7b-iq3_xs.gguf,         iq3xs",
                "phi-3-mini-f16.gguf,                  f16",
        })
        void readFromAGgufFileNameWhenNotReported(String fileName, String expected) {
            assertThat(unified(model(fileName).build()).quantization()).isEqualTo(expected);
        }

        @Test
        void reportedQuantizationBeatsTheName() {
            assertThat(unified(model("model-Q8_0.gguf").quantization("Q4_K_M").build()).quantization())
                    .isEqualTo("q4km");
        }

        @Test
        void noQuantizationAnywhereIsEmpty() {
            assertThat(unified(model("llama3.2:3b").build()).quantization()).isEmpty();
        }

        @Test
        void fullPrecisionWeightsAreHighPrecision() {
            assertThat(unified(model("phi-3-mini-f16.gguf").build()).capabilities()).contains("high_precision");
            assertThat(unified(model("phi-3-mini-Q4_K_M.gguf").build()).capabilities()).doesNotContain("high_precision");
        }
    }

    @Nested
    class ParameterSize {

        @ParameterizedTest(name = "{0} -> {1} = {2}")
        @CsvSource({
                "qwen2.5-coder:7b,        7B,   7000000000",
                "llama3.2:3b,             3B,   3000000000",
                "phi-3.8b-mini,           3.8B, 3800000000",
                "Meta-Llama-3-70B-Instruct, 70B, 70000000000",
                "all-minilm:22m,          22M,  22000000",
        })
        void readFromTheName(String name, String size, long count) {
            UnifiedModel model = unified(model(name).build());

            assertThat(model.parameterSize()).isEqualTo(size);
            assertThat(model.parameterCount()).isEqualTo(count);
        }

        @Test
        void reportedSizeBeatsTheNameAndGivesTheCount() {
            UnifiedModel model = unified(model("llama3.2:3b").parameterSize("3.2B").build());

            assertThat(model.parameterSize()).isEqualTo("3.2B");
            assertThat(model.parameterCount()).isEqualTo(3_200_000_000L);
        }

        @Test
        void noSizeAnywhereIsEmptyAndZero() {
            UnifiedModel model = unified(model("mistral:latest").build());

            assertThat(model.parameterSize()).isEmpty();
            assertThat(model.parameterCount()).isZero();
        }
    }

    @Nested
    class TypeAndCapabilities {

        private final Profile patterned = TestFleet.profile("ollama", List.of("ollama"),
                Map.of("embeddings", List.of(new Glob("*embed*")), "vision", List.of(new Glob("*llava*"))),
                List.of(new ContextPattern(new Glob("llama3.1*"), 131_072)));
        private final Endpoint endpoint = TestFleet.endpoint("ollama-a").profile(patterned).build();

        @Test
        void profileEmbeddingPatternMakesAnEmbeddingsModel_withThatTypesCapabilities() {
            UnifiedModel model = unified(endpoint, model("nomic-embed-text").build());

            assertThat(model.type()).isEqualTo("embeddings");
            assertThat(model.capabilities()).contains("embeddings").doesNotContain("text");
        }

        @Test
        void profileVisionPatternMakesAVisionModel() {
            UnifiedModel model = unified(endpoint, model("llava:13b").build());

            assertThat(model.type()).isEqualTo("vlm");
            assertThat(model.capabilities()).contains("vision");
        }

        @Test
        void modelsDefaultToLlmWithItsCapabilities() {
            UnifiedModel model = unified(endpoint, model("mistral:7b").build());

            assertThat(model.type()).isEqualTo("llm");
            assertThat(model.capabilities()).contains("text");
        }

        @Test
        void reportedEmbeddingTypeIsSpelledAsOurs() {
            assertThat(unified(model("bge-m3").type("Embedding").build()).type()).isEqualTo("embeddings");
        }

        @Test
        void reportedTypeBeatsProfilePatterns() {
            assertThat(unified(endpoint, model("embed-chat").type("llm").build()).type()).isEqualTo("llm");
        }

        @Test
        void namePatternsAddCapabilities() {
            assertThat(unified(model("qwen2.5-coder:7b").build()).capabilities()).contains("code");
            assertThat(unified(model("qwen2.5:7b").build()).capabilities()).doesNotContain("code");
        }

        @ParameterizedTest(name = "context {0} -> long_context {1}")
        @CsvSource({"131072, true", "32768, true", "32767, false", "4096, false"})
        void contextThresholdsAddCapabilities(long context, boolean longContext) {
            UnifiedModel model = unified(model("m").contextLength(context).build());

            assertThat(model.maxContextLength()).isEqualTo(context);
            assertThat(model.capabilities().contains("long_context")).isEqualTo(longContext);
        }

        @Test
        void profileContextPatternFillsInAnUnreportedContext_andCountsForThresholds() {
            UnifiedModel model = unified(endpoint, model("llama3.1:8b").build());

            assertThat(model.maxContextLength()).isEqualTo(131_072);
            assertThat(model.capabilities()).contains("long_context");
        }

        @Test
        void reportedContextBeatsTheProfilePattern() {
            assertThat(unified(endpoint, model("llama3.1:8b").contextLength(8192).build()).maxContextLength())
                    .isEqualTo(8192);
        }

        @Test
        void mergedModelTakesTheLargestContextOfItsSources() {
            Endpoint other = TestFleet.endpoint("ollama-b").priority(1).build();
            UnifiedModel merged = new ModelUnifier(RULES).unify(List.of(
                    served(endpoint, model("m").contextLength(4096).build()),
                    served(other, model("m").contextLength(65_536).build())), SEEN).models().get(0);

            assertThat(merged.maxContextLength()).isEqualTo(65_536);
        }
    }
}
