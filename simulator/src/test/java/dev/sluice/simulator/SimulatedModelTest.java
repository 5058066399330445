package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatedModelTest {

    @Test
    void digestIsTheSha256OfTheName() {
        assertThat(SimulatedModel.named("abc").digest())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @ParameterizedTest
    @CsvSource({
        "llama3.2:3b, llama, 3B, Q4_K_M, llm",
        "qwen2.5-coder:7b, qwen2, 7B, Q4_K_M, llm",
        "ai/smollm2:360M-Q4_K_M, llama, 360M, Q4_K_M, llm",
        "Qwen/Qwen2.5-0.5B-Instruct, qwen2, 0.5B, Q4_K_M, llm",
        "Llama-3.2-3B-Instruct-Q8_0.gguf, llama, 3B, Q8_0, llm",
        "nomic-embed-text:latest, nomic-bert, 7B, Q4_K_M, embeddings",
        "qwen2.5-vl-7b-instruct, qwen2, 7B, Q4_K_M, vlm",
        "granite3-dense:2b, granite, 2B, Q4_K_M, llm",
    })
    void guessesFactsFromTheName(String name, String family, String parameters, String quantization, String type) {
        SimulatedModel model = SimulatedModel.named(name);

        assertThat(model.family()).isEqualTo(family);
        assertThat(model.parameterSize()).isEqualTo(parameters);
        assertThat(model.quantization()).isEqualTo(quantization);
        assertThat(model.type()).isEqualTo(type);
        assertThat(model.loaded()).isTrue();
        assertThat(model.contextLength()).isPositive();
    }

    @Test
    void sizeGrowsWithParametersAndBits() {
        long small = SimulatedModel.named("llama3.2:1b").sizeBytes();
        long large = SimulatedModel.named("llama3.1:8b").sizeBytes();
        long wide = SimulatedModel.named("llama3.1:8b-instruct-q8_0").sizeBytes();

        assertThat(small).isBetween(500_000_000L, 700_000_000L);
        assertThat(large).isGreaterThan(small);
        assertThat(wide).isGreaterThan(large);
    }

    @Test
    void withersChangeOneFact() {
        SimulatedModel model = SimulatedModel.named("llama3.2:3b");

        assertThat(model.withLoaded(false).loaded()).isFalse();
        assertThat(model.withType("vlm").type()).isEqualTo("vlm");
        assertThat(model.withContextLength(131_072).contextLength()).isEqualTo(131_072);
        assertThat(model.withLoaded(false).withLoaded(true)).isEqualTo(model);
    }

    @Test
    void rejectsUnknownTypesAndImpossibleNumbers() {
        SimulatedModel model = SimulatedModel.named("llama3.2:3b");

        assertThatThrownBy(() -> model.withType("chat")).hasMessageContaining("llm");
        assertThatThrownBy(() -> model.withContextLength(0)).hasMessageContaining("contextLength");
        assertThatThrownBy(() -> SimulatedModel.named(" ")).hasMessageContaining("blank");
    }
}
