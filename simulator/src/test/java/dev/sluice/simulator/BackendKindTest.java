package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class BackendKindTest {

    /** The same table as Olla's shipped profiles: a proxy configured from them must find the simulator. */
    @ParameterizedTest
    @CsvSource({
        "OLLAMA, ollama, /, /api/tags",
        "LM_STUDIO, lm-studio, /v1/models, /api/v0/models",
        "OPENAI_COMPATIBLE, openai-compatible, /v1/models, /v1/models",
        "VLLM, vllm, /health, /v1/models",
        "SGLANG, sglang, /health, /v1/models",
        "LLAMACPP, llamacpp, /health, /v1/models",
        "LEMONADE, lemonade, /api/v1/health, /api/v1/models",
        "DOCKER_MODEL_RUNNER, dmr, /engines/v1/models, /engines/v1/models",
        "LITELLM, litellm, /health, /v1/models",
        "LMDEPLOY, lmdeploy, /health, /v1/models",
    })
    void knowsItsCliNameAndPaths(BackendKind kind, String cliName, String health, String discovery) {
        assertThat(kind.cliName()).isEqualTo(cliName);
        assertThat(kind.healthPath()).isEqualTo(health);
        assertThat(kind.discoveryPath()).isEqualTo(discovery);
    }

    @ParameterizedTest
    @EnumSource(BackendKind.class)
    void parsesItsOwnCliNameAndConstantName(BackendKind kind) {
        assertThat(BackendKind.fromCliName(kind.cliName())).isSameAs(kind);
        assertThat(BackendKind.fromCliName(kind.cliName().toUpperCase())).isSameAs(kind);
        assertThat(BackendKind.fromCliName(kind.name())).isSameAs(kind);
    }

    @Test
    void unknownNameListsEveryChoice() {
        assertThatThrownBy(() -> BackendKind.fromCliName("olama"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'olama'")
                .hasMessageContaining("ollama, lm-studio, openai-compatible, vllm, sglang, llamacpp, lemonade, dmr");
    }
}
