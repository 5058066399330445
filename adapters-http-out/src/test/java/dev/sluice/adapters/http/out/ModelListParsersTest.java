package dev.sluice.adapters.http.out;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelListParsersTest {

    private final ModelListParsers parsers = ModelListParsers.standard();

    @ParameterizedTest
    @CsvSource({
        "ollama, OllamaModelListParser",
        "lmstudio, LmStudioModelListParser",
        "lm-studio, LmStudioModelListParser",
        "openai, OpenAiModelListParser",
        "litellm, OpenAiModelListParser",
        "omlx, OpenAiModelListParser",
        "openai-compatible, OpenAiModelListParser",
        "vllm, VllmModelListParser",
        "vllm-mlx, VllmModelListParser",
        "sglang, VllmModelListParser",
        "lmdeploy, VllmModelListParser",
        "llamacpp, LlamaCppModelListParser",
        "lemonade, LemonadeModelListParser",
        "docker-model-runner, DockerModelRunnerModelListParser",
        "' Ollama ', OllamaModelListParser",
        "something-new, OpenAiModelListParser",
        "'', OpenAiModelListParser"
    })
    void picksTheParserForEachResponseFormat(String format, String parser) {
        assertThat(parsers.forFormat(format).getClass().getSimpleName()).isEqualTo(parser);
    }
}
